"""作废签到 on the 会议学习 page (D17): a wrong meeting sign-in is voided with a reason; the store
keeps the row, marked void, with who did it and when (A03). A form over one store call."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.store.duty.meetings import MeetingAttendance, MeetingInvalid, MeetingSession, void_sign_in
from dutydesk.store.duty.staff import Staff
from dutydesk.ui.forms import FormField, add_field, button_row, push_button, show_errors


class VoidSignInDialog(QDialog):
    def __init__(self, desk: Desk, session: MeetingSession, staff: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.session, self.staff = desk, session, staff
        self.row: MeetingAttendance | None = None
        self.setWindowTitle(f"作废签到：{staff.name}")
        layout = QVBoxLayout(self)
        note = QLabel("签错的会议签到（选错人员、签错会议）作废后，该人员重新计为未签到，会议进行中可再次签到。"
                      "作废记录保留备查，不能删除。")
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        layout.addWidget(note)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.fields = {
            "session": add_field(form, FormField("会议", QLabel(session.title))),
            "staff": add_field(form, FormField("签到人员", QLabel(staff.name))),
            "void_reason": add_field(form, FormField("作废原因", self.reason, hint="如：误选签到人员，实为赵文书")),
        }
        layout.addLayout(form)
        layout.addLayout(button_row(push_button("取消", self.reject),
                                    push_button("确认作废", self.try_void, primary=True)))

    def try_void(self) -> None:
        try:
            self.row = void_sign_in(self.session, self.staff, self.reason.text(), self.desk.who, self.desk.now())
        except MeetingInvalid as exc:
            show_errors(self.fields, exc.errors)
            return
        self.accept()
