"""The 留言预约 tab: 留言转告 (V10), 预约 (V14) and 外来函件 (V13), one page each.

Its F3 handler (记录留言转告, in 文件, declared in ``ui.tabs``) writes a message down from anywhere
in the main window in seconds. 到场登记 on a booking opens the 来访登记 form filled in from it (V14).
"""

from __future__ import annotations

from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.store.messages.appointments import Appointment
from dutydesk.ui.events import DeskEvents
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.menu_context import MenuContext, context_of

if TYPE_CHECKING:  # imported in the turns that build them (issue 17)
    from dutydesk.ui.messages.appointments_page import AppointmentsPage
    from dutydesk.ui.messages.letters_page import LettersPage
    from dutydesk.ui.messages.messages_page import MessagesPage

TAB_TITLE = "留言预约"


PAGES = (  # attribute, title, module, class
    ("messages", "留言转告", "dutydesk.ui.messages.messages_page", "MessagesPage"),
    ("appointments", "预约", "dutydesk.ui.messages.appointments_page", "AppointmentsPage"),
    ("letters", "外来函件", "dutydesk.ui.messages.letters_page", "LettersPage"),
)


class MessagesTab(QWidget):
    """Its three pages' places at once; each page, its module imported in the turn before, in a
    turn of its own once the app runs (issue 17: ``lazy_tabs.StagedBuild``)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.events: DeskEvents | None = None
        self.messages: MessagesPage | None = None
        self.appointments: AppointmentsPage | None = None
        self.letters: LettersPage | None = None
        layout = QVBoxLayout(self)
        self.pages = QTabWidget()
        self.pages.setAccessibleName("留言预约页面")
        for _attribute, title, _module, _class in PAGES:
            self.pages.addTab(QWidget(), title)  # an empty page holds the place until it is built
        layout.addWidget(self.pages)
        self.staged = StagedBuild()
        for index, (_attribute, _title, module, _class) in enumerate(PAGES):
            self.staged.add(partial(import_module, module), partial(self._build_page, index))
        self.staged.start(self)

    def _build_page(self, index: int) -> None:
        attribute, title, module, class_name = PAGES[index]
        page = getattr(import_module(module), class_name)(self.desk)
        page.on_change = self._changed
        setattr(self, attribute, page)
        if attribute == "appointments":
            page.come = self._come
        current = self.pages.currentIndex()
        placeholder = self.pages.widget(index)
        self.pages.blockSignals(True)
        try:
            self.pages.removeTab(index)
            self.pages.insertTab(index, page, title)
            self.pages.setCurrentIndex(current)
        finally:
            self.pages.blockSignals(False)
        placeholder.deleteLater()

    def set_events(self, events: DeskEvents) -> None:
        self.events = events
        events.changed.connect(self._changed_elsewhere)

    def _changed(self) -> None:
        if self.events is not None:
            self.events.changed.emit("message")

    def _changed_elsewhere(self, kind: str) -> None:
        if kind in ("message", "visit"):
            for page in (self.messages, self.appointments, self.letters):
                if page is not None:  # not built yet: reads fresh when it is
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
    from dutydesk.ui.messages.messages_page import message_dialog

    dialog = message_dialog(context.desk, context.window)
    dialog.accepted.connect(lambda: context.changed("message"))
    dialog.open()


def build_messages_tab(desk: Desk) -> QWidget:
    return MessagesTab(desk)
