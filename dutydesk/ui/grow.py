"""Making a dialog tall enough for the messages that just appeared in it.

A form's error labels word-wrap; Qt's layouts do not count wrapped height in a window's minimum
size, so a dialog already on screen squeezes its inputs and the new messages are drawn over them.
Calling ``grow_to_fit`` after showing messages lets the dialog grow (never shrink) instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget


def grow_to_fit(window: QWidget) -> None:
    layout = window.layout()
    if layout is None:
        return
    for _ in range(2):  # a form in a scroll area (page_layout.page_with_actions) asks in two steps
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    layout.activate()
    needed = max(layout.sizeHint().height(), layout.heightForWidth(window.width()))
    if needed > window.height():
        window.resize(window.width(), needed)
