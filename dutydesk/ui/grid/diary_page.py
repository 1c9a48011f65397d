"""民情日记 (G05): each cadre's entries; a major one is reported up and answered within days,
its step and deadline shown in green / amber / red as in 待跟进."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.grid.diary_deadline import REPORT_DAYS, STAGE_LABELS
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.grid import diary
from dutydesk.store.grid.household import Household
from dutydesk.store.privacy import mask_text, text_masker
from dutydesk.store.settings import get_setting
from dutydesk.ui.forms import FormField, add_field, button_row, date_edit, message_label, push_button, show_errors
from dutydesk.ui.grid.household_lookup_box import HouseholdLookupBox, describe
from dutydesk.ui.grid.widgets import cadre_box, fill, short, table
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_layout import columns, page_with_actions
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.panes import pane
from dutydesk.ui.screen_fit import scrolling

SHOWN_DAYS = 92
HOUSEHOLD_HINT = "可不填：输入姓名、拼音首字母或户编码"


class StepDialog(QDialog):
    """One line (to whom it was reported, a reason) or a text (the leadership's answer); 确定 calls
    ``write(text)`` and closes only when it succeeds, a refusal shown beside the field."""

    def __init__(self, title: str, label: str, multiline: bool, write, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.write = write
        self.editor = QPlainTextEdit() if multiline else QLineEdit()
        self.field = FormField(label, self.editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addLayout(button_row(push_button("取消", self.reject), push_button("确定", self.confirm, primary=True)))

    def text(self) -> str:
        return self.editor.toPlainText() if isinstance(self.editor, QPlainTextEdit) else self.editor.text()

    def confirm(self) -> None:
        try:
            self.write(self.text())
        except ValueError as exc:  # FieldErrors and the audit trail's "作废必须填写原因"
            self.field.set_error(str(exc))
            return
        self.accept()


def ask_reason(parent: QWidget, title: str, write) -> bool:
    """Ask 作废原因 and call ``write(reason)``; True once written."""
    return StepDialog(title, "作废原因", False, write, parent).exec() == QDialog.DialogCode.Accepted


class DiaryPage(QWidget):
    saved = Signal()

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.household: Household | None = None
        self.shown: list[diary.DiaryEntry] = []
        self._select_after: int | None = None  # an entry to select once the list is read
        self.loader = PageLoader(self)  # three months of entries: read off the GUI thread
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Issue 17: the list first, the form in the next turn, then the first reading (``lazy_tabs.StagedBuild``).
        self.steps = StagedBuild(self._build_list, self._build_form, self._build_form_rest,
                                      self._finish)
        self.steps.start(self, first_now=True)

    def _build_list(self) -> None:
        self.list = table("民情日记", ["日期", "干部", "重大民情", "地点或户", "了解到的民情", "处理情况"])
        self.report_button = push_button("登记上报", self.report)
        self.answer_button = push_button("登记领导答复", self.answer)
        self.detail = message_label("所选日记")
        # The chosen entry's text may be long: it scrolls, the buttons under it stay in view.
        right = pane(QLabel(f"近{SHOWN_DAYS}天的民情日记"), (self.list, 1), scrolling(self.detail),
                     button_row(self.report_button, self.answer_button, at_left=True))
        self.left = pane()  # the form comes in the next step
        self.layout().addWidget(columns(self.left, right, (460, 660), self))
        self.list.itemSelectionChanged.connect(self._selected)
        self._selected()

    def _build_form(self) -> None:
        """The form's first fields (who, when, where) and its frame; the rest next turn."""
        today = self.desk.today()
        self.staff = cadre_box(today, "记日记干部")
        self.day = date_edit(today)
        self.place = QLineEdit()
        self.lookup = HouseholdLookupBox("走访的户")
        box = QGroupBox("记民情日记")
        self.form = QFormLayout(box)
        self.fields = {
            "staff": add_field(self.form, FormField("记日记干部", self.staff)),
            "day": add_field(self.form, FormField("日期", self.day)),
            "household": add_field(self.form, FormField("走访的户", self.lookup.edit, HOUSEHOLD_HINT)),
            "place": add_field(self.form, FormField("地点", self.place)),
        }
        self.fields["household"].layout().insertWidget(1, self.lookup.results)
        self.fields["household"].layout().insertWidget(2, self.lookup.none_label)
        self.message = message_label("日记保存结果")
        self.actions = pane()  # the tick box and 保存 come with the other fields
        # At 字号 特大 the form scrolls; 保存 (with the tick box decided just before it) stays in view.
        self.left.layout().addWidget(page_with_actions(pane(box, self.message), (self.actions, 1)))

    def _build_form_rest(self) -> None:
        """What was heard and done, whether it is major, and 保存."""
        self.heard = QPlainTextEdit()
        self.heard.setTabChangesFocus(True)
        self.done = QPlainTextEdit()
        self.done.setTabChangesFocus(True)
        self.heard.setMaximumHeight(150)
        self.done.setMaximumHeight(110)
        days = get_setting(REPORT_DAYS, self.desk.today())
        self.major = QCheckBox(f"重大民情（{days}天内向党委、政府报告）")
        self.major.setAccessibleName("重大民情")
        self.fields["heard"] = add_field(self.form, FormField("了解到的民情", self.heard))
        self.fields["done"] = add_field(self.form, FormField("处理情况", self.done))
        self.actions.layout().addWidget(self.major)
        self.actions.layout().addLayout(button_row(push_button("保存日记 (Ctrl+S)", self.save, primary=True)))

    def _finish(self) -> None:
        self.lookup.picked.connect(self._take_household)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh()

    def _take_household(self, household: Household) -> None:
        self.household = household
        self.lookup.edit.blockSignals(True)
        self.lookup.edit.setText(describe(household))
        self.lookup.edit.blockSignals(False)
        self.heard.setFocus()

    def save(self) -> None:
        if self.household is not None and self.lookup.edit.text() != describe(self.household):
            self.household = None  # the finder was edited after choosing
        draft = diary.DiaryDraft(self.staff.currentData(), self.day.date().toPython(), self.heard.toPlainText(),
                                 self.done.toPlainText(), self.place.text(),
                                 self.household.id if self.household else None, self.major.isChecked())
        try:
            entry = diary.add_entry(draft, self.desk.who, self.desk.now())
        except diary.DiaryInvalid as exc:
            show_errors(self.fields, exc.errors)
            return
        show_errors(self.fields, {})
        self.household = None
        self.lookup.clear()
        for edit in (self.place, self.heard, self.done):
            edit.clear()
        self.major.setChecked(False)
        self.message.setText(f"已保存：{entry.staff.name} {entry.day:%m-%d} 的民情日记"
                             + ("（重大民情，请在时限内上报）" if entry.major else ""))
        self.saved.emit()
        self.refresh()

    def refresh(self) -> None:
        today, account, calendar = self.desk.today(), self.desk.account, self.desk.calendar()
        self.loader.load(lambda: _read_entries(today, account, calendar), self._show_entries)

    def _show_entries(self, found: tuple[list[diary.DiaryEntry], list[tuple[str, ...]], list[str | None]]) -> None:
        self.shown, rows, statuses = found
        fill(self.list, rows, statuses, 2)
        wanted, self._select_after = self._select_after, None
        ids = [e.id for e in self.shown]
        if wanted in ids:
            self.list.selectRow(ids.index(wanted))
        self._selected()

    def select_entry(self, entry_id: int) -> None:
        """Show the entry (a major one picked in 待跟进) selected once the list is read again."""
        self._select_after = entry_id
        self.refresh()

    def current(self) -> diary.DiaryEntry | None:
        row = self.list.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _selected(self) -> None:
        entry = self.current()
        self.report_button.setEnabled(bool(entry and entry.major and entry.reported_at is None))
        self.answer_button.setEnabled(bool(entry and entry.reported_at is not None and entry.answered_at is None))
        if entry is None:
            self.detail.setText("")
            return
        account = self.desk.account
        text = f"{entry.day:%Y-%m-%d} {entry.staff.name}：{mask_text(account, entry.heard)}"
        if entry.reported_at:
            text += f"\n已于{entry.reported_at:%m-%d %H:%M}报告{entry.reported_to}"
        if entry.answered_at:
            text += f"\n领导答复（{entry.answered_at:%m-%d}）：{mask_text(account, entry.answer)}"
        self.detail.setText(text)

    def _step(self, title: str, label: str, multiline: bool, write) -> None:
        entry = self.current()
        if entry is None:
            return
        if StepDialog(title, label, multiline, lambda text: write(entry, text), self).exec():
            self.saved.emit()
            self.refresh()

    def report(self) -> None:
        self._step("登记上报", "报告给谁", False,
                   lambda e, text: diary.report_entry(e, text, self.desk.now(), self.desk.who, self.desk.now()))

    def answer(self) -> None:
        self._step("登记领导答复", "处理意见", True,
                   lambda e, text: diary.answer_entry(e, text, self.desk.now(), self.desk.who, self.desk.now()))


def _stage(entry: diary.DiaryEntry, today: dt.date, calendar: WorkdayCalendar) -> tuple[str, str | None]:
    if not entry.major:
        return "", None
    step = diary.major_deadline(entry, calendar)
    if step.due is None:
        return STAGE_LABELS[step.stage], "ok"
    # green is for what is done; a step still to do is uncoloured until its date comes near
    status = "overdue" if today > step.due else "due_soon" if (step.due - today).days <= 1 else None
    late = "，已超期" if status == "overdue" else ""
    return f"{STAGE_LABELS[step.stage]}（{step.due:%m-%d}前{late}）", status


def _read_entries(today: dt.date, account, calendar: WorkdayCalendar) -> tuple[
        list[diary.DiaryEntry], list[tuple[str, ...]], list[str | None]]:
    """The last ``SHOWN_DAYS`` days' entries, their rows (masked for ``account``, V09) and the
    status of each major one's next step (G05); read in a worker once the app runs."""
    shown = diary.entries(today - dt.timedelta(days=SHOWN_DAYS), today)
    stages = [_stage(e, today, calendar) for e in shown]
    masked = text_masker(account)
    rows = [(e.day.isoformat()[5:], e.staff.name, stage, short(e.where, 16), short(masked(e.heard)),
             short(masked(e.done))) for e, (stage, _s) in zip(shown, stages, strict=True)]
    return shown, rows, [s for _t, s in stages]
