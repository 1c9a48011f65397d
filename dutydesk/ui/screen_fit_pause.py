"""The screen-fit filter set aside while the main window is built and shown (issue 17).

``screen_fit.ScreenFitFilter`` sits on the QApplication, so every event of every object passes
through Python to find the few ``Show`` events of windows. Building the main window and showing
it sends ~3,400 events (children added, properties set, polish, layout, move and resize of
hundreds of widgets): tens of milliseconds before the first paint, for one window to clamp.
While the window is built the filter is off; when it is back on, each window showing then gets the
``Show`` it missed, so it is clamped to its screen as before (the main window first of all; a
dialog opened and closed again within the build, e.g. an error message, is not clamped).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication

from dutydesk.ui.screen_fit import ScreenFitFilter


@contextmanager
def screen_fit_paused() -> Iterator[None]:
    app = QApplication.instance()
    fit = app.findChild(ScreenFitFilter) if isinstance(app, QApplication) else None
    if fit is None:
        yield
        return
    app.removeEventFilter(fit)
    try:
        yield
    finally:
        app.installEventFilter(fit)
        for window in QApplication.topLevelWidgets():
            if window.isVisible():
                fit.eventFilter(window, QShowEvent())
