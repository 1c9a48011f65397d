"""The checklist at the desk (N01-N04): pick the item, tick what the person hands over, act.

The outcome follows from the ticks: all there → accept (即办 or 代办 with a numbered slip);
something missing → a one-time notice listing exactly what is missing; not eligible → a notice
with the reason and the basis. Whatever is printed is first recorded (N06).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.calendar_years import deadline_text
from dutydesk.domain.catalogue import OUTCOME_LABELS, CatalogueError, Outcome, ServiceItem, Tick, check_fee, decide
from dutydesk.store.notices import notice as notices
from dutydesk.store.notices import proxy_cases, proxy_intake, reprints
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.store.notices.notice import ChecklistEntry, NoticeInvalid, NoticeRecord, VisitChoice
from dutydesk.store.notices.proxy_cases import CaseInvalid, ProxyCase
from dutydesk.store.notices.reprints import Reprint, ReprintInvalid
from dutydesk.ui.forms import FormField, add_field, message_label, push_button, show_errors
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.masked_edit import MaskedLineEdit
from dutydesk.ui.notices.item_list import fill_item_list, version_of
from dutydesk.ui.notices.visit_choice_box import VisitChoiceBox
from dutydesk.ui.page_layout import compact_at_large_font
from dutydesk.ui.screen_fit import scrolling, wide_enough_for_two_columns
from dutydesk.ui.theme import DUE_AMBER, FONT_SIZES, OK_GREEN, OVERDUE_RED, TEXT

NO_VISIT = "（不关联来访，直接办理）"
VISIBLE_MATERIAL_ROWS = 8  # the longest checklists (最低生活保障 has 7) fit without scrolling at 1366×768


def item_html(version: CatalogueVersion) -> str:
    """Everything told at once (N01), as the desk reads it out."""
    item = version.item

    def lines(values: tuple[str, ...]) -> str:
        return "".join(f"<li>{v}</li>" for v in values) or "<li>无</li>"

    unit = item.unit
    notice = (f"<p><b>公示：</b>须公示{item.public_notice_days}天，无异议后方可报送</p>"
              if item.public_notice_days else "")
    return (
        f"<p><b>类别：</b>{item.kind}　<b>承诺时限：</b>{item.time_limit_label()}　<b>收费：</b>{item.fee.label()}</p>"
        f"<p><b>办理条件：</b></p><ol>{lines(item.conditions)}</ol>"
        f"<p><b>办理流程：</b></p><ol>{lines(item.steps)}</ol>"
        f"<p><b>办理依据：</b>{item.basis or '—'}</p>"
        f"<p><b>办理单位：</b>{unit.name}　{unit.address}　{unit.phone}</p>{notice}"
        f"<p><b>注意事项：</b>{item.notes or '—'}</p>"
    )


class ChecklistPage(QWidget):
    """Emits ``notice_recorded`` and ``case_created`` after each committed write."""

    notice_recorded = Signal(object)
    case_created = Signal(object)

    def __init__(self, desk: Desk, show_notice: Callable[[NoticeRecord, Reprint | None], object],
                 show_case_docs: Callable[[ProxyCase], None], parent: QWidget | None = None,
                 staged: StagedBuild | None = None) -> None:
        """Its widgets; their contents (visits, items, the agent on duty) at once, or (``staged``) in
        the turn right after (issue 17)."""
        super().__init__(parent)
        self.desk = desk
        self.show_notice = show_notice
        self.show_case_docs = show_case_docs
        self.version: CatalogueVersion | None = None
        self.boxes: list[QCheckBox] = []
        self.pages: list[QSpinBox] = []
        self.last_notice: NoticeRecord | None = None
        self.last_case: ProxyCase | None = None

        # left: visit and item search
        self.visit_combo = VisitChoiceBox(NO_VISIT)
        self.visit_combo.setAccessibleName("来访记录")
        self.search = QLineEdit()
        self.search.setAccessibleName("搜索事项")
        self.search.setPlaceholderText("名称或拼音首字母，如 ylbx")
        self.search.setClearButtonEnabled(True)
        self.items = QListWidget()
        self.items.setAccessibleName("事项列表")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for label, widget in (("来访记录", self.visit_combo), ("搜索事项（Ctrl+F）", self.search)):
            title = QLabel(label + "：")
            title.setBuddy(widget)
            left_layout.addWidget(title)
            left_layout.addWidget(widget)
        left_layout.addWidget(self.items, 1)
        self._left_layout = left_layout
        right = QWidget()
        self._right_layout = QVBoxLayout(right)
        self._right_layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # Three parts (issue 17: the whole page took ~27 ms, the longest turn of the tabs built in
        # idle time): this frame with the item list, the item's side, the materials with the
        # buttons; then the contents in two more (the agent and the visits, the items).
        parts = (self._build_item_side, self._build_materials, self._fill, self._fill_items)
        if staged is None:
            for part in parts:
                part()
        else:
            staged.add(*parts, first=True)

    def _build_item_side(self) -> None:
        """The item's name and description, the person and the decision."""
        self.title = QLabel("请先在左侧选择办理事项")
        self.title.setProperty("role", "title")
        self.title.setAccessibleName("事项名称")
        self.info = QTextBrowser()
        self.info.setAccessibleName("事项说明")
        self.info.setMinimumWidth(260)

        self.name_field = FormField("群众姓名", QLineEdit())
        self.phone_field = FormField("联系电话", MaskedLineEdit("phone"))  # masked, never shown in full
        self.agent_field = FormField("代办员", QLineEdit())
        self.fee_field = FormField("收费金额（元）", QLineEdit("0"), hint="只能登记法定收费")
        self.reason_field = FormField("不符合原因", QLineEdit())
        self.ineligible = QCheckBox("不符合办理条件")
        self.ineligible.setAccessibleName("不符合办理条件")
        self.ineligible.toggled.connect(self.update_outcome)
        self.reason_field.editor.textChanged.connect(self.update_outcome)
        self.fields = {"person_name": self.name_field, "person_phone": self.phone_field,
                       "agent": self.agent_field, "fee": self.fee_field, "reason": self.reason_field}
        person = QVBoxLayout()
        for field in (self.name_field, self.phone_field):
            form = QFormLayout()
            add_field(form, field)
            person.addLayout(form, 1)

        decision = QVBoxLayout()
        reason_form = QFormLayout()
        reason_form.addRow(self.ineligible)
        add_field(reason_form, self.reason_field)
        money_form = QFormLayout()
        add_field(money_form, self.fee_field)
        add_field(money_form, self.agent_field)
        decision.addLayout(reason_form, 1)
        decision.addLayout(money_form, 1)

        right_layout = self._right_layout
        right_layout.addWidget(self.title)
        # The materials table has a column of its own, as tall as the page (eight rows and more on a
        # 1366×768 laptop); the person and the decision sit under the item's description. Below
        # about 1200 px the two columns are stacked (the page scrolls sideways no more).
        person_box = QWidget()
        person_layout = QVBoxLayout(person_box)
        person_layout.setContentsMargins(0, 0, 0, 0)
        person_layout.addLayout(person)
        person_layout.addLayout(decision)
        info_side = QSplitter(Qt.Orientation.Vertical)
        info_side.addWidget(self.info)
        info_side.addWidget(person_box)
        info_side.setStretchFactor(0, 1)
        for index in (0, 1):  # a collapsible pane would not count in the page's minimum height
            info_side.setCollapsible(index, False)
        self._middle = middle = QSplitter(Qt.Orientation.Horizontal if wide_enough_for_two_columns(self)
                                          else Qt.Orientation.Vertical)
        middle.addWidget(info_side)
        right_layout.addWidget(middle, 1)

    def _build_materials(self) -> None:
        """The materials table (收件核对) beside or under the item's side; the outcome and the buttons
        (built after the table: the Tab key goes through the page in the order its parts are added)."""
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName("材料清单")
        self.table.setHorizontalHeaderLabels(["已收", "材料名称", "原件/复印件", "份数", "页数"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollMode(QTableWidget.ScrollMode.ScrollPerPixel)  # tall wrapped rows
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(self._rows_height(self._least_rows()))
        self.table.setToolTip("↑/↓ 选择材料，空格 勾选或取消，Ctrl+A 全部已收")
        self.table.installEventFilter(self)
        self.all_button = push_button("全部已收（Ctrl+A）", self.tick_all)
        self.all_button.setAccessibleName("全部已收")
        self.all_button.setProperty("compact", True)  # the table keeps the height, 字号 大 included
        self.materials_error = QLabel("")
        self.materials_error.setProperty("role", "error")
        self.materials_error.setAccessibleName("材料清单错误提示")

        group = QGroupBox("收件核对（逐项勾选群众交来的材料，并填写页数）")
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(self.table, 1)
        tick_row = QHBoxLayout()
        tick_row.addWidget(self.materials_error, 1)
        tick_row.addWidget(self.all_button)
        group_layout.addLayout(tick_row)
        middle = self._middle
        middle.addWidget(group)
        middle.setStretchFactor(0, 2)
        middle.setStretchFactor(1, 3)
        for index in (0, 1):
            middle.setCollapsible(index, False)
        middle.setSizes([400, 600])

        self.message = message_label("办理提示")
        self.outcome_label = message_label("办理结果")
        self.notice_button = push_button("打印一次性告知单（F9）", self.print_notice)
        self.notice_button.setShortcut("F9")
        self.accept_button = push_button("受理代办（F10）", self.accept_proxy, primary=True)
        self.accept_button.setShortcut("F10")
        compact_at_large_font(self.notice_button, self.accept_button)  # 字号 特大: on the screen
        two_columns = self._middle.orientation() == Qt.Orientation.Horizontal
        buttons = QHBoxLayout()
        if two_columns:
            # A long list of missing materials scrolls beside the buttons: wrapped inside the
            # splitter it would squeeze the materials table instead (a splitter passes no
            # height-for-width up to the page).
            buttons.addWidget(scrolling(self.outcome_label), 1)
        else:  # narrow: the outcome gets a row of its own above the buttons, not a sliver beside them
            buttons.addStretch(1)
        buttons.addWidget(self.notice_button)
        buttons.addWidget(self.accept_button)

        right_layout = self._right_layout
        if not two_columns:
            right_layout.addWidget(self.outcome_label)
        right_layout.addLayout(buttons)
        # The result of F9/F10 under the item list (two columns: it has room there) or the buttons.
        (self._left_layout if two_columns else right_layout).addWidget(self.message)
        # The left side's choices fill the right side: wired once it is all there.
        self.visit_combo.currentIndexChanged.connect(self._visit_chosen)
        self.search.textChanged.connect(self.refresh_items)
        self.search.returnPressed.connect(self._pick_first)
        self.items.currentItemChanged.connect(self._item_chosen)

    def _fill(self) -> None:
        self.agent_field.editor.setText(proxy_intake.default_agent("", self.desk.who, self.desk.now()))
        self.refresh_visits()

    def _fill_items(self) -> None:
        """The catalogue's items (parsed on their first listing: ~15 ms on top of the rest)."""
        self.refresh_items()
        self.update_outcome()

    # -- sources ------------------------------------------------------------------------------
    def refresh_visits(self) -> None:
        today = self.desk.today()
        self.visit_combo.load(lambda: notices.visit_choices(today))  # thousands at 1M: read in a worker

    def start_from_visit(self, visit_id: int) -> None:
        """Open the checklist for a registered visit (called from the visit register)."""
        self.refresh_visits()
        index = self.visit_combo.findData(visit_id)
        if index < 0:
            from dutydesk.store.visits.visit import visit_by_id

            visit = visit_by_id(visit_id)
            if visit is None:
                return
            index = self.visit_combo.add_choice(VisitChoice(visit.id, visit.ref, visit.person_name, visit.request))
        self.visit_combo.setCurrentIndex(index)
        self.suggest_item(visit_id)

    def suggest_item(self, visit_id: int) -> None:
        """Open on the item the visit asks for (N01), cursor on the first material; else search."""
        from dutydesk.store.visits.visit import visit_by_id

        visit = visit_by_id(visit_id)
        version = proxy_intake.suggested_version(visit) if visit is not None else None
        if version is None:
            self.search.setFocus()
            return
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.version = version  # keeps it selected in the refilled list
        self.refresh_items()
        self.set_version(version)
        self.table.setFocus()

    def _visit_chosen(self) -> None:
        from dutydesk.store.visits.visit import visit_by_id

        visit_id = self.visit_combo.currentData()
        visit = visit_by_id(visit_id) if visit_id else None
        if visit is not None:
            self.name_field.editor.setText(visit.person_name)
            self.phone_field.editor.set_value(visit.contact)
        responder = visit.responder_name if visit is not None else ""
        self.agent_field.editor.setText(proxy_intake.default_agent(responder, self.desk.who, self.desk.now()))
        self.update_outcome()

    def refresh_items(self) -> None:
        fill_item_list(self.items, self.search.text(), self.version.code if self.version else None,
                       lambda version: f"{version.name}　[{version.kind}]")

    def _pick_first(self) -> None:
        if self.items.count():
            self.items.setCurrentRow(0)
            self.table.setFocus()

    def _item_chosen(self, current: QListWidgetItem | None) -> None:
        version = version_of(current)
        if version is not None:
            self.set_version(version)

    def set_version(self, version: CatalogueVersion) -> None:
        self.version = version
        item = version.item
        self.title.setText(f"{item.name}（第{version.version}版）")
        self.info.setHtml(item_html(version))
        self.table.setRowCount(len(item.materials))
        self.boxes, self.pages = [], []
        for row, material in enumerate(item.materials):
            box = QCheckBox()
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard ticks through the table's current row
            box.setAccessibleName(material.name)
            box.toggled.connect(self.update_outcome)
            pages = QSpinBox()
            pages.setRange(0, 999)
            pages.setAccessibleName(f"{material.name}页数")
            box.toggled.connect(lambda on, p=pages: p.setValue(max(p.value(), 1)) if on else None)
            self.table.setCellWidget(row, 0, box)
            note = f"（{material.note}）" if material.note else ""
            self.table.setItem(row, 1, QTableWidgetItem(material.name + note))
            self.table.setItem(row, 2, QTableWidgetItem(material.form))
            self.table.setItem(row, 3, QTableWidgetItem(str(material.copies)))
            self.table.setCellWidget(row, 4, pages)
            self.boxes.append(box)
            self.pages.append(pages)
        for column in (0, 2, 3, 4):
            self.table.resizeColumnToContents(column)
        self.table.resizeRowsToContents()
        self.table.setMinimumHeight(self._rows_height(self._least_rows()))
        if item.materials:
            self.table.setCurrentCell(0, 1)
        self.fee_field.editor.setText(item.fee.amount if not item.fee.is_free else "0")
        self.fee_field.editor.setEnabled(not item.fee.is_free)
        self.message.setText("")
        self.update_outcome()

    # -- ticking from the keyboard -----------------------------------------------------------
    def _least_rows(self) -> int:
        """VISIBLE_MATERIAL_ROWS at 字号 正常; fewer at a larger size, whose taller text would push
        全部已收 and 打印/受理 (F9/F10) off a laptop screen: the table scrolls its rows instead."""
        normal = FONT_SIZES["normal"]
        return max(3, VISIBLE_MATERIAL_ROWS * normal // max(self.font().pointSize(), normal))

    def _rows_height(self, rows: int) -> int:
        """Room for ``rows`` rows of the usual height. A material name wrapped over several lines
        makes its row taller, and the table then scrolls its rows (with their tick boxes) rather
        than growing out of its box; on a 1366×768 laptop it is taller than this anyway."""
        frame = 2 * self.table.frameWidth()
        header = self.table.horizontalHeader().sizeHint().height()
        return frame + header + rows * self.table.verticalHeader().defaultSectionSize()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the materials table Space ticks the current row and Ctrl+A ticks them all (↑/↓ move)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.toggle_current()
                return True
            if event.key() == Qt.Key.Key_A and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
                self.tick_all()
                return True
        return super().eventFilter(watched, event)

    def toggle_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.boxes):
            self.boxes[row].toggle()

    def tick_all(self) -> None:
        """Everything the list asks for was handed over (a person back after a one-time notice)."""
        for box in self.boxes:
            box.setChecked(True)

    # -- outcome ------------------------------------------------------------------------------
    def ticks(self) -> list[Tick]:
        if self.version is None:
            return []
        return [Tick(m, box.isChecked(), pages.value())
                for m, box, pages in zip(self.version.item.materials, self.boxes, self.pages, strict=True)]

    def current_outcome(self) -> Outcome | None:
        if self.version is None:
            return None
        if self.ineligible.isChecked():
            return Outcome.NOT_ELIGIBLE
        return decide(self.version.item, self.ticks()).outcome

    def accepted_case(self) -> ProxyCase | None:
        if self.version is None:
            return None
        return proxy_cases.already_accepted(self.visit_combo.currentData(), self.version.code,
                                            self.name_field.editor.text(), self.last_case)

    def told_notice(self, entry: ChecklistEntry) -> NoticeRecord | None:
        return notices.already_told(entry, self.last_notice)

    def update_outcome(self) -> None:
        outcome = self.current_outcome()
        self.reason_field.setEnabled(self.ineligible.isChecked())
        accepted = self.accepted_case() if outcome is Outcome.ACCEPT_PROXY else None
        # P05/N06: once accepted the papers exist; printing them again is 补打 in 代办跟踪
        self.notice_button.setEnabled(outcome is not None and accepted is None)
        self.accept_button.setEnabled(outcome is Outcome.DONE_NOW or (outcome is Outcome.ACCEPT_PROXY
                                                                       and accepted is None))
        self.accept_button.setText("登记即办" if outcome is Outcome.DONE_NOW else "受理代办（F10）")
        self.accept_button.setShortcut("F10")  # setText drops a button's shortcut
        entry = self._entry() if outcome is not None else None
        told = self.told_notice(entry) if entry is not None else None
        label = "补打告知单" if told is not None else "打印一次性告知单"
        self.notice_button.setText(f"{label}（F9）")
        self.notice_button.setAccessibleName(label)
        self.notice_button.setShortcut("F9")
        if outcome is None:
            self.outcome_label.setText("")
            return
        text = OUTCOME_LABELS[outcome]
        if accepted is not None:
            text = f"已受理代办，代办单号{accepted.slip_no}（不能重复受理，如需再次打印请补打）"
        if outcome is Outcome.MISSING and self.version is not None:
            missing = decide(self.version.item, self.ticks()).missing
            text += "：" + "、".join(m.name for m in missing)
        # Green only for what is done here and now; an accepted proxy case is still open.
        color = {Outcome.MISSING: DUE_AMBER, Outcome.NOT_ELIGIBLE: OVERDUE_RED, Outcome.DONE_NOW: OK_GREEN}.get(
            outcome, TEXT)
        self.outcome_label.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.outcome_label.setText(text)

    def _entry(self) -> ChecklistEntry | None:
        if self.version is None:
            return None
        return ChecklistEntry(
            version=self.version, person_name=self.name_field.editor.text(), ticks=self.ticks(),
            person_phone=self.phone_field.editor.value(), eligible=not self.ineligible.isChecked(),
            reason=self.reason_field.editor.text(), visit_id=self.visit_combo.currentData(),
        )

    def _show_errors(self, errors: dict[str, str]) -> None:
        show_errors(self.fields, errors)
        self.materials_error.setText(errors.get("materials", "") or errors.get("pages", "") or errors.get("item", ""))

    # -- actions ------------------------------------------------------------------------------
    def print_notice(self) -> None:
        """Record the notice as told (N06), then show it for printing (N05); the same notice again is 补打."""
        entry = self._entry()
        if entry is None:
            return
        told = self.told_notice(entry)
        if told is not None:
            self.reprint_notice(told)
            return
        try:
            notice = notices.record_notice(entry, self.desk.who, self.desk.now())
        except NoticeInvalid as exc:
            self._show_errors(exc.errors)
            return
        self._show_errors({})
        self.last_notice = notice
        self.message.setText(f"已登记告知单 {notice.ref}（{notice.told_at:%H:%M}，{notice.told_by}）")
        self.notice_recorded.emit(notice)
        self.update_outcome()
        self.show_notice(notice, None)

    def reprint_notice(self, notice: NoticeRecord) -> None:
        """N06: the same notice printed again keeps its number and is registered as 补打."""
        reason, ok = QInputDialog.getText(self, "补打告知单", f"告知单 {notice.ref} 已登记，补打原因（必填）：")
        if not ok:
            return
        try:
            (again,) = reprints.register_reprints(["notice"], notice.ref, reason, self.desk.who, self.desk.now())
        except ReprintInvalid as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(f"已补打告知单 {notice.ref}（{again.mark}）")
        self.show_notice(notice, again)

    def accept_proxy(self) -> None:
        entry = self._entry()
        if entry is None or self.version is None:
            return
        item: ServiceItem = self.version.item
        fee = self.fee_field.editor.text().strip() or "0"
        fee_error = check_fee(item, fee)
        if fee_error:
            self._show_errors({"fee": fee_error})
            return
        if self.current_outcome() is Outcome.DONE_NOW:
            self.print_notice()
            return
        try:
            notice, case = proxy_cases.accept_from_checklist(
                entry, self.agent_field.editor.text(), fee, self.desk.who, self.desk.now(), self.desk.calendar())
        except (NoticeInvalid, CaseInvalid) as exc:
            self._show_errors(exc.errors)
            return
        except CatalogueError as exc:
            self._show_errors({"materials": str(exc)})
            return
        self._show_errors({})
        self.last_notice, self.last_case = notice, case
        self.update_outcome()
        promised = deadline_text(case.promised_date, self.desk.calendar(), "%Y年%m月%d日")
        self.message.setText(f"已受理，代办单号 {case.slip_no}，承诺{promised}前办结。"
                             "请打印收件回执和代办单。")
        self.case_created.emit(case)
        self.show_case_docs(case)

    def clear(self) -> None:
        """Ready for the next person: nothing of the previous one stays on screen (V09)."""
        self.name_field.editor.clear()
        self.phone_field.editor.clear()
        self.ineligible.setChecked(False)
        self.reason_field.editor.clear()
        for box in self.boxes:
            box.setChecked(False)
        for pages in self.pages:
            pages.setValue(0)
        self.visit_combo.setCurrentIndex(0)
