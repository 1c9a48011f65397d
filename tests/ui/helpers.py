"""Small helpers for GUI tests: find widgets the way a screen reader would, answer modal dialogs."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def by_name(root: QWidget, name: str, kind: type[QWidget] = QWidget) -> QWidget:
    """The one visible-or-not child whose accessible name is ``name``."""
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, f"expected one widget named {name!r}, found {len(found)}"
    return found[0]


def when_modal(handler: Callable[[QWidget], None], timeout_ms: int = 5000,
               kind: type[QWidget] = QWidget) -> list[QWidget]:
    """Run ``handler(dialog)`` as soon as a modal dialog (of ``kind``, when given) is open;
    returns a list it appends to."""
    seen: list[QWidget] = []
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            seen.append(dialog)
            try:
                handler(dialog)
            except BaseException:
                # A failing handler must not leave the modal dialog open: the test would hang
                # in exec() instead of failing with the handler's error.
                if hasattr(dialog, "reject"):
                    dialog.reject()
                raise
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as a user would, Chinese included.

    ``qtbot.keyClicks`` aborts the process on non-ASCII characters (QTest's qasciikey assert).
    Chinese is really typed through an input method, so non-ASCII runs are committed with a
    QInputMethodEvent, exactly what an IME sends; ASCII goes through ordinary key clicks.
    """
    from PySide6.QtGui import QInputMethodEvent

    run = ""
    for ch in text + "\0":
        if ch != "\0" and not ch.isascii():
            run += ch
            continue
        if run:
            widget.setFocus()
            event = QInputMethodEvent("", [])
            event.setCommitString(run)
            QApplication.sendEvent(widget.focusProxy() or widget, event)
            run = ""
        if ch != "\0":
            qtbot.keyClicks(widget, ch)


def activate(qtbot, window: QWidget) -> None:
    """Make ``window`` the active window so window shortcuts (Ctrl+1, F2 ...) reach it.

    ``qtbot.waitActive`` returns before the offscreen platform has activated the window.
    """
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def accessible_names(root: QWidget) -> set[str]:
    """Every accessible name under ``root``: what a screen reader (and a staged-build test) sees."""
    return {w.accessibleName() for w in root.findChildren(QWidget) if w.accessibleName()}


def shown(qtbot, widget: QWidget, width: int = 1400, height: int = 900) -> QWidget:
    """``widget`` owned by the test, at a desk-like size, on the screen; returns it."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    return widget


def printed_by_a_fresh_process(code: str) -> str:
    """What ``code`` prints in a new interpreter on Qt's offscreen platform: for checks of what a
    start imports, which the test process (everything already imported) cannot make."""
    prelude = "import sys, os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
    out = subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, check=True)
    return out.stdout.strip()
