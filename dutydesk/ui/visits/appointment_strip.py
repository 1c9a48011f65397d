"""今日预约 (V14): the day's bookings on 今日值班 and 来访登记 (shown only on a day with bookings).
Enter on a booking, or 到场登记 (F4), turns it into a visit: the registration form is filled in
from the booking and, once saved, the booking is marked 已到场 with its visit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.domain import appointment as rules
from dutydesk.store.messages.appointments import (
    Appointment,
    appointment_by_id,
    appointments_on,
    line_text,
    visit_fields_for,
)
from dutydesk.ui.forms import button_row, push_button
from dutydesk.ui.theme import OK_GREEN, OVERDUE_RED


class AppointmentStrip(QWidget):
    """The list of today's bookings; ``come(appointment_id)`` when one is activated."""

    come = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None, with_button: bool = True) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.title = QLabel("今日预约")
        self.title.setProperty("role", "title")
        self.title.setAccessibleName("今日预约标题")
        self.button = push_button("到场登记 (F4)", self._come_current)
        self.button.setShortcut("F4")
        self.button.setVisible(with_button)
        header = button_row(self.button)
        header.insertWidget(0, self.title)
        layout.addLayout(header)
        self.list = QListWidget()
        self.list.setAccessibleName("今日预约")
        self.list.setMinimumHeight(36)
        self.list.setMaximumHeight(96)
        self.list.itemActivated.connect(self._activated)
        layout.addWidget(self.list)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        day = appointments_on(self.desk.today())
        for a in day:
            item = QListWidgetItem(line_text(a))
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            if a.state == rules.MISSED:
                item.setForeground(Qt.GlobalColor.gray)
            elif a.state == rules.ARRIVED:
                item.setForeground(Qt.GlobalColor.darkGreen)
            self.list.addItem(item)
        waiting = sum(1 for a in day if a.state == rules.BOOKED)
        self.title.setText(f"今日预约（{len(day)}，待到场 {waiting}）")
        self.title.setStyleSheet(f"color: {OVERDUE_RED if waiting else OK_GREEN};")
        self.setVisible(bool(day))  # no bookings today: the page keeps its room

    def _activated(self, item: QListWidgetItem) -> None:
        self.come.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _come_current(self) -> None:
        """F4: the selected booking, or the first still waiting."""
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            booked = [a for a in appointments_on(self.desk.today()) if a.state == rules.BOOKED]
            if booked:
                self.come.emit(booked[0].id)
            return
        self._activated(item)


def prefill_form(form, appointment: Appointment) -> None:
    """Fill the 来访登记 form from a booking (V14) and put the cursor on 事项类别."""
    fields = visit_fields_for(appointment)
    form.start_new()
    form.editor("person_name").setText(str(fields["person_name"]))
    form.editor("contact").set_value(str(fields["contact"]))
    form.editor("request").setPlainText(str(fields["request"]))
    form.editor("channel").setCurrentText(str(fields["channel"]))
    form.resident_id = fields["resident_id"]
    form.editor("category").setFocus()


def booked_appointment(appointment_id: int) -> Appointment | None:
    a = appointment_by_id(appointment_id)
    return a if a is not None and a.voided_at is None and a.state == rules.BOOKED else None
