"""UI-wide signals, so one tab's write refreshes the others without knowing them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DeskEvents(QObject):
    # Emitted after a committed write, with the kind of record changed ("visit", "duty", ...).
    changed = Signal(str)
    # Ask the main window to show a tab by its title.
    show_tab = Signal(str)
