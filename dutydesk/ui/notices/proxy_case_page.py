"""Proxy case tracking (P02, P03, P05, P06): the list of 代办单 and one case's steps.

Only the steps that may come next are offered as buttons, so a step cannot be skipped or done
twice from the screen either; a wrong step is reversed with a reason and stays in the history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.calendar_years import deadline_text
from dutydesk.domain.proxy_case import NOTIFY_METHODS, STEP_FIELDS, STEP_LABELS, StepError, StepKind
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.archive.daily_work import ArchiveOnly, daily_case
from dutydesk.store.notices import proxy_cases, reprints
from dutydesk.store.notices.proxy_cases import HANDOVER, CaseInvalid, ProxyCase
from dutydesk.store.notices.reprints import Reprint, ReprintInvalid
from dutydesk.store.privacy import RevealRefused, log_reveal, mask_numbers, mask_value, may_see_unmasked
from dutydesk.ui.forms import FormField, add_field, date_edit, push_button, show_errors
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.panes import pane, side_by_side
from dutydesk.ui.reveal import LABEL as REVEAL_LABEL
from dutydesk.ui.theme import DUE_AMBER, MUTED, OK_GREEN, OVERDUE_RED

PAGE = 100
COLUMNS = ("代办单号", "群众", "办理事项", "状态", "代办员", "承诺办结", "受理时间")
DATE_FIELDS = {"start", "end", "date"}
_Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    """Cases newest first, fetched a page at a time as the list scrolls."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.rows: list[ProxyCase] = []
        self.total = 0
        self.open_only = True
        self.text = ""
        self.calendar: WorkdayCalendar | None = None  # read once per reload, not per cell
        self._shown: dict[int, tuple[tuple[str, ...], str]] = {}  # per row: texts and status

    def reload(self, open_only: bool | None = None, text: str | None = None) -> None:
        self.beginResetModel()
        if open_only is not None:
            self.open_only = open_only
        if text is not None:
            self.text = text
        self.calendar = self.desk.calendar()
        self._shown: dict[int, tuple[tuple[str, ...], str]] = {}
        self.total = proxy_cases.count_cases(self.open_only, self.text, self.desk.today())
        self.rows = proxy_cases.cases_page(0, PAGE, self.open_only, self.text, self.desk.today())
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        more = proxy_cases.cases_page(len(self.rows), PAGE, self.open_only, self.text, self.desk.today())
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def _status(self, case: ProxyCase) -> str:
        if case.voided_at:
            return "voided"
        if case.closed_at:
            return "done"
        today = self.desk.today()
        if today > case.promised_date:
            return "overdue"
        if (self.calendar or self.desk.calendar()).workdays_between(today, case.promised_date) <= 1:
            return "due_soon"
        return "ok"

    def _row(self, row: int) -> tuple[tuple[str, ...], str]:
        """A row's texts and status, worked out once: sizing columns and painting ask per cell."""
        shown = self._shown.get(row)
        if shown is None:
            case = self.rows[row]
            values = (case.slip_no, case.person_name, case.item_version.name, case.state_label, case.agent,
                      deadline_text(case.promised_date, self.calendar or self.desk.calendar()),
                      f"{case.accepted_at:%Y-%m-%d %H:%M}")
            shown = self._shown[row] = (values, self._status(case))
        return shown

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row(index.row())[0][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() in (3, 5):
            status = self._row(index.row())[1]
            # Green means done: an open case on time keeps the normal text colour.
            color = {"overdue": OVERDUE_RED, "due_soon": DUE_AMBER, "done": OK_GREEN, "voided": MUTED}.get(status)
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.UserRole:
            return case.id
        return None


class StepDialog(QDialog):
    """Collects one step's details; refuses missing ones beside the field, keeping what was typed."""

    def __init__(self, desk: Desk, case: ProxyCase, kind: StepKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.case, self.kind = desk, case, kind
        title = f"{case.slip_no} 登记：{STEP_LABELS[kind]}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.editors: dict[str, QWidget] = {}
        self.fields: dict[str, FormField] = {}
        form = QFormLayout()
        today = QDate(desk.today().year, desk.today().month, desk.today().day)
        for key, label in STEP_FIELDS[kind].items():
            editor: QWidget
            if key in DATE_FIELDS:
                editor = date_edit(desk.today())
                if key == "start" and case.rules.public_notice_days:
                    editor.setDate(today.addDays(-case.rules.public_notice_days))
                if key == "end":
                    editor.setDate(today.addDays(-1))
            elif key == "objection":
                editor = QCheckBox("公示期内有异议")
            elif key == "method":
                editor = QComboBox()
                editor.addItems(NOTIFY_METHODS)
            else:
                editor = QLineEdit()
                if key == "carrier":
                    editor.setText(case.agent)
                elif key == "unit":
                    editor.setText(case.item_version.item.unit.name)
                elif key == "at":
                    editor.setText(f"{desk.now():%Y-%m-%d %H:%M}")
                elif key == "signer":
                    editor.setText(case.person_name)
            field = FormField(label, editor)
            add_field(form, field)
            self.editors[key] = editor
            self.fields[key] = field
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("确定")
        ok.setAccessibleName("确定")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("取消")
        cancel.setAccessibleName("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def details(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QDateEdit):
                values[key] = editor.date().toPython()
            elif isinstance(editor, QCheckBox):
                values[key] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                values[key] = editor.currentText()
            elif isinstance(editor, QLineEdit):
                values[key] = editor.text()
        return values

    def save(self) -> None:
        try:
            proxy_cases.record_step(self.case, self.kind, self.details(), self.desk.who, self.desk.now())
        except CaseInvalid as exc:
            show_errors(self.fields, exc.errors)
            return
        except StepError as exc:
            QMessageBox.warning(self, "不能登记", str(exc))
            return
        self.accept()


def investigation_text(case: ProxyCase) -> str:
    """P11: the investigation line of the case detail ('' for items that need none)."""
    if not case.item_version.item.investigated:
        return ""
    from dutydesk.store.notices.proxy_investigation import investigation_of

    row = investigation_of(case)
    if row is None:
        return "<br>调查核实：尚未指定调查人"
    done = f"已登记（{row.found_at:%m-%d}）" if row.found_at else f"{row.due:%Y-%m-%d}前完成"
    return f"<br>调查核实：{row.investigator}，{done}"


def step_line(step) -> str:
    data = step.data
    when = f"{step.done_at:%Y-%m-%d %H:%M}"
    if step.kind == HANDOVER:
        text = f"移交：{data.get('from')} → {data.get('to')}（{data.get('note')}）"
    else:
        kind = StepKind(step.kind)
        parts = [f"{STEP_FIELDS[kind][k]}：{('有' if v else '无') if k == 'objection' else v}"
                 for k, v in data.items() if k in STEP_FIELDS[kind] and v not in ("", None)]
        text = STEP_LABELS[kind] + ("（" + "；".join(parts) + "）" if parts else "")
    line = f"{when}　{step.staff}　{text}"
    if step.voided_at:
        line = f"［已撤销：{step.void_reason}］" + line
    return line


class CasePage(QWidget):
    def __init__(self, desk: Desk, show_case_docs: Callable[[ProxyCase, list[Reprint]], object],
                 on_change: Callable[[], None],
                 parent: QWidget | None = None, staged: StagedBuild | None = None) -> None:
        """Its widgets; its list (the cases read, the columns sized to them) at once, or
        (``staged``) in the turn right after (issue 17: together ~20-37 ms in one turn)."""
        super().__init__(parent)
        self.desk = desk
        self.show_case_docs = show_case_docs
        self.on_change = on_change
        self.case: ProxyCase | None = None

        self.search = QLineEdit()
        self.search.setAccessibleName("查找代办单")
        self.search.setPlaceholderText("单号、姓名或代办员")
        self.search.setClearButtonEnabled(True)
        self.open_only = QCheckBox("只看未办结")
        self.open_only.setAccessibleName("只看未办结")
        self.open_only.setChecked(True)
        self.model = CaseTableModel(desk)
        self.table = QTableView()
        self.table.setAccessibleName("代办单列表")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.open_only.toggled.connect(lambda _on: self.reload())

        self.detail = QLabel("选择左侧的代办单，或直接扫描代办单条码。")
        self.detail.setAccessibleName("代办单详情")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = QListWidget()
        self.steps.setAccessibleName("办理记录")
        self.next_box = QHBoxLayout()
        self.step_buttons: list[QPushButton] = []
        self.reverse_button = push_button("撤销上一步", self.reverse_last)
        self.handover_button = push_button("移交代办员", self.hand_over)
        self.void_button = push_button("作废代办单", self.void_case)
        self.print_button = push_button("补打代办单和回执", self.reprint)
        self.investigate_button = push_button("调查核实…", self.investigate)  # investigator and findings
        more = QHBoxLayout()
        for button in (self.reverse_button, self.handover_button, self.void_button, self.print_button,
                       self.investigate_button):
            more.addWidget(button)
        # V09: the person's numbers are masked for everyone; a director's 显示完整号码 is logged.
        # The page outlives a change of user, so the button follows the account shown to.
        self.revealed: tuple[int, int] | None = None  # (account id, case id) shown in full
        self.reveal = push_button(REVEAL_LABEL, self._reveal)
        self.reveal.setToolTip("查看后将记录查看人、时间和记录")
        self.reveal.setVisible(False)
        more.addWidget(self.reveal)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.open_only)
        right = pane(self.detail, QLabel("下一步："), self.next_box, QLabel("办理记录："), (self.steps, 1), more)
        layout = QVBoxLayout(self)
        layout.addWidget(side_by_side(pane(top, self.table), right, (700, 500)))
        if staged is None:
            self.reload()
        else:
            staged.add(self.reload, first=True)
        self.show_case(None)

    def reload(self) -> None:
        self.model.reload(self.open_only.isChecked(), self.search.text())
        for column in (0, 1, 3, 4, 5):
            self.table.resizeColumnToContents(column)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_case(proxy_cases.case_by_id(self.model.rows[current.row()].id))

    def open_slip(self, slip_no: str) -> bool:
        try:
            case = daily_case(proxy_cases.case_by_slip(slip_no), self.desk.today())
        except ArchiveOnly as exc:
            QMessageBox.information(self, "请到档案查询", str(exc))
            return False
        if case is None:
            QMessageBox.information(self, "未找到", f"没有单号为 {slip_no} 的代办单。")
            return False
        self.show_case(case)
        return True

    def show_case(self, case: ProxyCase | None) -> None:
        self.case = case
        for button in self.step_buttons:
            button.hide()
            button.setParent(None)  # gone from the page at once, not at the next event loop turn
            button.deleteLater()
        self.step_buttons = []
        self.steps.clear()
        enabled = case is not None and case.voided_at is None
        for button in (self.reverse_button, self.handover_button, self.void_button, self.print_button):
            button.setEnabled(enabled)
        self.investigate_button.setEnabled(enabled and case is not None and case.item_version.item.investigated)
        full = case is not None and self.revealed == (getattr(self.desk.account, "id", None), case.id)
        self.reveal.setVisible(case is not None and may_see_unmasked(self.desk.account, self.desk.today()))
        self.reveal.setEnabled(not full)
        if case is None:
            return
        shown = (lambda text: text) if full else mask_numbers
        item = case.item_version.item
        fee = "不收费" if case.fee_amount in ("", "0") else f"{case.fee_amount}元"
        voided = (f"<br><b style='color:{OVERDUE_RED}'>已作废：{shown(case.void_reason)}</b>"
                  if case.voided_at else "")
        self.detail.setText(
            f"<b style='font-size:120%'>{case.slip_no}</b>　{case.state_label}{voided}<br>"
            f"群众：{case.person_name}　{case.person_phone if full else mask_value('phone', case.person_phone)}<br>"
            f"事项：{item.name}（第{case.item_version.version}版）　收费：{fee}<br>"
            f"受理：{case.accepted_at:%Y-%m-%d %H:%M}　"
            f"承诺办结：{deadline_text(case.promised_date, self.desk.calendar())}<br>"
            f"代办员：{case.agent}　送交：{item.unit.name} {item.unit.phone}"
            + investigation_text(case)
        )
        for step in proxy_cases.all_steps(case):
            self.steps.addItem(shown(step_line(step)))
        for again in reprints.reprints_of(case.slip_no):
            self.steps.addItem(f"{again.printed_at:%Y-%m-%d %H:%M}　{again.printed_by}　"
                               f"补打{reprints.PAPERS[again.paper]}（原因：{again.reason}）")
        for kind in proxy_cases.next_steps(case):
            button = push_button(f"登记：{STEP_LABELS[kind]}", lambda _checked=False, k=kind: self.record(k))
            self.next_box.addWidget(button)
            self.step_buttons.append(button)
        self.reverse_button.setEnabled(enabled and any(s.kind != HANDOVER for s in proxy_cases.live_steps(case)))

    def _reveal(self) -> None:
        """V09: log who saw this case's numbers in full, then show them (A01)."""
        if self.case is None:
            return
        try:
            with self.desk.db.atomic():
                log_reveal(self.desk.account, self.desk.now(), f"代办单{self.case.slip_no} {self.case.person_name}")
        except RevealRefused as exc:
            QMessageBox.warning(self, "显示完整号码", str(exc))
            return
        self.revealed = (self.desk.account.id, self.case.id)
        self.show_case(self.case)

    def record(self, kind: StepKind) -> None:
        if self.case is None:
            return
        dialog = StepDialog(self.desk, self.case, kind, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed()

    def investigate(self) -> None:
        if self.case is None:
            return
        from dutydesk.ui.notices.investigation_dialog import InvestigationDialog

        dialog = InvestigationDialog(self.desk, self.case, self)
        dialog.exec()
        if dialog.changed:
            self._changed()

    def _ask(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def reverse_last(self) -> None:
        if self.case is None:
            return
        case, reason = self.case, self._ask("撤销上一步", "撤销原因（必填，记录保留）：")
        if reason is not None:
            self._apply("不能撤销", (CaseInvalid, StepError),
                        lambda: proxy_cases.reverse_last_step(case, reason, self.desk.who, self.desk.now()))

    def hand_over(self) -> None:
        if self.case is None:
            return
        agent = self._ask("移交代办员", "接手的代办员：")
        if agent is None:
            return
        case, note = self.case, self._ask("移交代办员", "交接说明（办到哪一步、注意什么）：")
        if note is not None:
            self._apply("不能移交", CaseInvalid,
                        lambda: proxy_cases.hand_over(case, agent, note, self.desk.who, self.desk.now()))

    def reprint(self) -> None:
        """N06: the papers printed again keep the slip number; who, when and why is registered."""
        if self.case is None:
            return
        case, reason = self.case, self._ask("补打代办单和回执", "补打原因（必填，如群众遗失）：")
        if reason is None:
            return
        done: list[list[Reprint]] = []
        self._apply("不能补打", ReprintInvalid, lambda: done.append(reprints.register_reprints(
            reprints.CASE_PAPERS, case.slip_no, reason, self.desk.who, self.desk.now())))
        if done:
            self.show_case_docs(case, done[0])

    def void_case(self) -> None:
        if self.case is None:
            return
        case, reason = self.case, self._ask("作废代办单", "作废原因（必填；单号不再使用）：")
        if reason is not None:
            self._apply("不能作废", ValueError,
                        lambda: proxy_cases.void_case(case, reason, self.desk.who, self.desk.now()))

    def _apply(self, refused: str, errors: type[Exception] | tuple[type[Exception], ...],
               change: Callable[[], object]) -> None:
        """Make a change to the case; if the store refuses it, say why under the title ``refused``."""
        try:
            change()
        except errors as exc:
            QMessageBox.warning(self, refused, str(exc))
            return
        self._changed()

    def _changed(self) -> None:
        case_id = self.case.id if self.case else None
        self.reload()
        self.show_case(proxy_cases.case_by_id(case_id) if case_id else None)
        self.on_change()
