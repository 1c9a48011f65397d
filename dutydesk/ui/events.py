"""UI-wide signals, so one tab's write refreshes the others without knowing them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DeskEvents(QObject):
    # Emitted after a committed write, with the kind of record changed ("visit", "duty", ...).
    changed = Signal(str)
    # Ask the main window to show a tab by its title.
    show_tab = Signal(str)
    # The logged-in account changed (user switched at the idle lock): menus and role-dependent
    # controls follow it; read the new account from ``desk.account``.
    account_changed = Signal()
