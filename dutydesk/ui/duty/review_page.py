"""周例会 page: whether last week's and this week's duty review meetings were held, and the form to
record one (D13). The review sheet itself is printed from the 排班 page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.store.duty.meetings import review_signed_in_week
from dutydesk.store.duty.review_meeting import (
    ReviewMeetingInvalid,
    WeekMeeting,
    last_week_meeting,
    recent_meetings,
    record_meeting,
    week_meeting,
)
from dutydesk.store.duty.staff import active_staff
from dutydesk.ui.duty.common import pydate, show_message, table_view
from dutydesk.ui.duty.table_model import PagedTableModel, list_source
from dutydesk.ui.forms import FormField, add_field, date_edit, message_label, push_button, show_errors
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.theme import OK_GREEN, OVERDUE_RED

HEADERS = ["会议日期", "主持人", "参会人员", "会议内容", "登记人"]


def week_text(title: str, week: WeekMeeting) -> str:
    period = f"{week.week_start:%m月%d日}—{week.week_end:%m月%d日}"
    if not week.held:
        return f"{title}（{period}）：未召开"
    m = week.meeting
    return (f"{title}（{period}）：已召开，{m.held_on:%m月%d日}，主持人{m.chair}，"
            f"参会{len(m.attendee_names)}人")


class ReviewPage(QWidget):
    changed = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QVBoxLayout(self)
        self._build_status(layout)
        # Issue 17: one part per event-loop turn once the app runs (at once in tests).
        self.steps = StagedBuild(lambda: self._build_form(layout), lambda: self._build_list(layout), self.refresh)
        self.steps.start(self)

    def _build_list(self, layout: QVBoxLayout) -> None:
        self.model = PagedTableModel(HEADERS, list_source(recent_meetings), lambda m: [
            f"{m.held_on:%Y-%m-%d}", m.chair, m.attendees, m.notes, m.recorded_by])
        self.table = table_view("例会记录")
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)

    def _build_status(self, layout: QVBoxLayout) -> None:
        self.last_week = QLabel()
        self.last_week.setAccessibleName("上周例会")
        self.this_week = QLabel()
        self.this_week.setAccessibleName("本周例会")
        layout.addWidget(self.last_week)
        layout.addWidget(self.this_week)

    def _build_form(self, layout: QVBoxLayout) -> None:
        box = QGroupBox("登记例会（每周一由书记主持，全体值班人员参加，回顾上周值班情况）")
        layout.addWidget(box)
        form = QFormLayout(box)
        self.held_on = date_edit(self.desk.today())
        self.chair = QComboBox()
        self.chair.setEditable(True)
        self.attendees = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.fields = {
            "held_on": add_field(form, FormField("会议日期", self.held_on)),
            "chair": add_field(form, FormField("主持人", self.chair)),
            "attendees": add_field(form, FormField("参会人员", self.attendees, "姓名之间用顿号分隔")),
            "notes": add_field(form, FormField("会议内容", self.notes)),
        }
        self.save_button = push_button("登记例会", self.do_save, primary=True)
        form.addRow(self.save_button)
        self.message = message_label("例会提示")
        form.addRow(self.message)

    def refresh(self) -> None:
        self.steps.complete()  # asked before the page is through building: finish it first
        today = self.desk.today()
        last, this = last_week_meeting(today), week_meeting(today)
        self.last_week.setText(week_text("上周例会", last))
        self.last_week.setStyleSheet(f"color: {OK_GREEN if last.held else OVERDUE_RED}; font-weight: bold;")
        self.this_week.setText(week_text("本周例会", this))
        self.model.reload()
        if not self.attendees.text():
            self._fill_people()

    def _fill_people(self) -> None:
        staff = active_staff(self.desk.today())
        self.chair.clear()
        self.chair.addItems([s.name for s in staff])
        chair = next((s.name for s in staff if s.role == "书记"), "")
        self.chair.setCurrentText(chair)
        # D13/D17: those who signed in at this week's 周例会 on the 会议学习 page, else everyone
        signed = review_signed_in_week(self.desk.today())
        self.attendees.setText("、".join(signed or [s.name for s in staff]))

    def do_save(self) -> None:
        try:
            meeting = record_meeting(pydate(self.held_on.date()), self.chair.currentText(), self.attendees.text(),
                                     self.notes.toPlainText(), self.desk.who, self.desk.now())
        except ReviewMeetingInvalid as exc:
            show_errors(self.fields, exc.errors)
            return
        show_errors(self.fields, {})
        self.notes.clear()
        show_message(self.message, f"已登记{meeting.held_on:%m月%d日}例会", ok=True)
        self.refresh()
        self.changed.emit("duty")
