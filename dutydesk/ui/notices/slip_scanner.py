"""Typing or scanning a slip number anywhere in the main window opens its case.

A USB barcode scanner is a keyboard: it types ``DB2026-000123`` and presses Enter into whatever
has focus. An event filter on the main window and on its focused widget (moved along as focus
changes) watches the key presses, keeps the last characters typed, and when Enter completes a slip
number it opens the case and swallows that Enter. Characters typed into a line edit as part of
the number are taken out again, so a search box is not left holding a scanned number.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from shiboken6 import getCppPointer

_TAIL = re.compile(r"([A-Za-z]{2}\d{4}-\d{6})$")
_KEEP = 32


class SlipScanner(QObject):
    """Watches key presses for ``window()`` and calls ``open_slip(number)`` on a complete number."""

    def __init__(self, window: Callable[[], QWidget | None], open_slip: Callable[[str], bool],
                 parent: QObject | None = None, pattern: re.Pattern[str] = _TAIL) -> None:
        super().__init__(parent)
        self.pattern = pattern  # what a complete code looks like at the end of what was typed
        self.window = window  # asked at each key press: the tab is put into its window after creation
        self.open_slip = open_slip
        self.buffer = ""
        self._last_event = 0
        self._last_obj: QObject | None = None

    def install(self) -> bool:
        """Filter the window and whichever of its widgets has focus (not every event of the app)."""
        window = self.window()
        if window is None:
            return False
        window.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            focus = app.focusWidget()
            if focus is not None:
                self._focus_changed(None, focus)
        return True

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        window = self.window()
        try:
            if old is not None and old is not window:
                old.removeEventFilter(self)
            if new is not None and window is not None and new.window() is window:
                new.installEventFilter(self)
        except RuntimeError:  # a widget already destroyed
            pass

    def _is_repeat(self, obj: QObject, event: QEvent) -> bool:
        """The same key press propagating from a child up to its parents is counted once."""
        pointer = getCppPointer(event)[0]
        repeat = (pointer == self._last_event and isinstance(obj, QWidget)
                  and isinstance(self._last_obj, QWidget) and obj is not self._last_obj
                  and obj.isAncestorOf(self._last_obj))
        self._last_event, self._last_obj = pointer, obj
        return repeat

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget):
            return False
        if self._is_repeat(obj, event):
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            match = self.pattern.search(self.buffer)
            self.buffer = ""
            if match:
                number = match.group(1).upper()
                self._take_out_of_line_edit(obj, match.group(1))
                return bool(self.open_slip(number))
            return False
        text = event.text()
        if text and text.isprintable():
            self.buffer = (self.buffer + text)[-_KEEP:]
        elif event.key() not in (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock):
            self.buffer = ""
        return False

    @staticmethod
    def _take_out_of_line_edit(target: QWidget, typed: str) -> None:
        if isinstance(target, QLineEdit) and not target.isReadOnly() and target.text().endswith(typed):
            target.setText(target.text()[: -len(typed)])
