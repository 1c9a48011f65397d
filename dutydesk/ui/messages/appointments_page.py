"""预约 page (V14): bookings from today on; book a day and time for a resident (usually by phone),
mark a booking nobody came for as 未到, or cancel one. When the person comes, 到场登记 opens the
来访登记 form filled in from the booking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from dutydesk.desk import Desk
from dutydesk.domain import appointment as rules
from dutydesk.store.messages.appointments import (
    Appointment,
    AppointmentDraft,
    AppointmentInvalid,
    book,
    cancel,
    mark_missed,
    upcoming,
)
from dutydesk.store.privacy import mask_for
from dutydesk.ui.messages.form_dialog import RecordFormDialog, combo, when
from dutydesk.ui.messages.record_page import RecordPage


def booking_dialog(desk: Desk, parent: QWidget | None = None) -> RecordFormDialog:
    """V14: a day and time for a service, booked at the desk or on the phone."""
    start = (desk.now() + dt.timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    fields = [("person_name", "预约人", QLineEdit()), ("contact", "联系电话", QLineEdit()),
              ("service", "预约办理事项", QPlainTextEdit()), ("slot_at", "预约时间", when(start)),
              ("booked_via", "预约方式", combo(rules.BOOKED_VIA))]
    return RecordFormDialog("新预约", fields, lambda v: book(AppointmentDraft(**v), desk.who, desk.now()), parent)


class AppointmentsPage(RecordPage):
    headers = ("预约时间", "预约人", "电话", "办理事项", "方式", "状态")
    list_name = "预约列表"

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.come: Callable[[Appointment], None] = lambda a: None
        self.add_button("新预约", self.new_booking, primary=True)
        self.add_button("到场登记", self.arrived)
        self.add_button("记为未到", self.missed)
        self.add_button("取消预约…", self.cancel)
        self.finish_buttons()

    def records(self) -> list[Appointment]:
        return upcoming(self.desk.today() - dt.timedelta(days=1))

    def cells(self, a: Appointment) -> Sequence[str]:
        return (f"{a.slot_at:%Y-%m-%d %H:%M}", a.person_name, mask_for(self.desk.account, "phone", a.contact),
                " ".join(a.service.split()), a.booked_via, a.state_label)

    def enabled(self, a: Appointment | None) -> dict[str, bool]:
        booked = a is not None and a.state == rules.BOOKED
        return {"到场登记": booked and a.slot_at.date() == self.desk.today(), "记为未到": booked, "取消预约…": booked}

    def new_booking(self) -> RecordFormDialog:
        dialog = booking_dialog(self.desk, self)

        def saved() -> None:
            a = dialog.result_record
            self.changed()
            if isinstance(a, Appointment):
                self.select(a.id)
                self.say(f"已预约：{a.person_name} {a.slot_at:%m月%d日 %H:%M}，{' '.join(a.service.split())}")

        dialog.accepted.connect(saved)
        dialog.open()
        return dialog

    def arrived(self) -> None:
        a = self.current()
        if a is not None:
            self.come(a)

    def missed(self) -> None:
        a = self.current()
        if a is None:
            return
        try:
            mark_missed(a, self.desk.who, self.desk.now())
        except AppointmentInvalid as exc:
            self.say(str(exc), ok=False)
            return
        self.changed()
        self.say(f"已记为未到：{a.person_name} {a.slot_at:%m月%d日 %H:%M}")

    def cancel(self) -> RecordFormDialog | None:
        a = self.current()
        if a is None:
            return None
        dialog = RecordFormDialog("取消预约", [("reason", "取消原因", QLineEdit())],
                                  lambda v: cancel(a, v["reason"], self.desk.who, self.desk.now()), self)
        dialog.accepted.connect(self.changed)
        dialog.open()
        return dialog
