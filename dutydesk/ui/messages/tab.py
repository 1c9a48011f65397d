"""The 留言预约 tab: 留言转告 (V10), 预约 (V14) and 外来函件 (V13), one page each.

Its F3 handler (记录留言转告, in 文件, declared in ``ui.tabs``) writes a message down from anywhere
in the main window in seconds. 到场登记 on a booking opens the 来访登记 form filled in from it (V14).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.store.messages.appointments import Appointment
from dutydesk.ui.events import DeskEvents
from dutydesk.ui.menu_context import MenuContext, context_of
from dutydesk.ui.messages.appointments_page import AppointmentsPage
from dutydesk.ui.messages.letters_page import LettersPage
from dutydesk.ui.messages.messages_page import MessagesPage, message_dialog

TAB_TITLE = "留言预约"


class MessagesTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.events: DeskEvents | None = None
        layout = QVBoxLayout(self)
        self.pages = QTabWidget()
        self.pages.setAccessibleName("留言预约页面")
        self.messages = MessagesPage(desk)
        self.appointments = AppointmentsPage(desk)
        self.letters = LettersPage(desk)
        for page, title in ((self.messages, "留言转告"), (self.appointments, "预约"), (self.letters, "外来函件")):
            self.pages.addTab(page, title)
            page.on_change = self._changed
        self.appointments.come = self._come
        layout.addWidget(self.pages)

    def set_events(self, events: DeskEvents) -> None:
        self.events = events
        events.changed.connect(self._changed_elsewhere)

    def _changed(self) -> None:
        if self.events is not None:
            self.events.changed.emit("message")

    def _changed_elsewhere(self, kind: str) -> None:
        if kind in ("message", "visit"):
            for page in (self.messages, self.appointments, self.letters):
                page.refresh()

    def _come(self, appointment: Appointment) -> None:
        from dutydesk.ui.visits.tab import register_appointment

        register_appointment(context_of(self), appointment.id)


def show_message(context: MenuContext | None, message_id: int) -> None:
    """Open 留言预约 → 留言转告 with one message selected (from 待跟进)."""
    tab = context.open_tab("messages") if context is not None else None
    if not isinstance(tab, MessagesTab):
        return
    tab.pages.setCurrentWidget(tab.messages)
    tab.messages.refresh()
    tab.messages.select(message_id)


def new_message(context: MenuContext) -> None:
    """F3: the message form over whatever tab is open; the lists refresh after saving."""
    dialog = message_dialog(context.desk, context.window)
    dialog.accepted.connect(lambda: context.changed("message"))
    dialog.open()


def build_messages_tab(desk: Desk) -> QWidget:
    return MessagesTab(desk)
