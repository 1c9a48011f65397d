"""Building a duty page in steps, one per event-loop turn (issue 17: never freeze).

A 今日值班 page first opened on big books built all its forms, lists and buttons and read its data
in one go: 75–180 ms with the window unable to answer. ``PageSteps(page, step, step, ...)`` runs
the steps one per turn of the event loop once the app builds its tabs on demand
(``ui.lazy_tabs.build_on_demand``), so each turn stays short and the window keeps answering;
otherwise (tests, scripts that build a page and use it at once) every step runs at once, as the
page always did. The page keeps the object (``self.steps = PageSteps(...)``), then calls
``start()``; a caller needing the whole page before the steps are through calls ``finish()``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from dutydesk.ui import lazy_tabs
from dutydesk.ui.page_layout import BodyScroll, action_bar, fill
from dutydesk.ui.panes import Part

# A real timer (a 0 ms single shot is a posted call in Qt 6, and two of them may run back to back
# before the window repaints or any other timer fires): each step gets a turn of its own.
STEP_DELAY_MS = 1


class PageSteps(QObject):
    """The steps still to run for ``page``; they stop with the page (a child of it)."""

    def __init__(self, page: QWidget, *steps: Callable[[], None]) -> None:
        super().__init__(page)
        self._steps: deque[Callable[[], None]] = deque(steps)

    def start(self) -> None:
        """The first step in the next turn of the event loop once the app runs, else all now."""
        if lazy_tabs.on_demand():
            QTimer.singleShot(STEP_DELAY_MS, self, self._next)
        else:
            self.finish()

    @property
    def done(self) -> bool:
        return not self._steps

    def finish(self) -> None:
        """Run every step still waiting, now."""
        while self._steps:
            self._steps.popleft()()

    def _next(self) -> None:
        if self._steps:
            self._steps.popleft()()
        if self._steps:
            QTimer.singleShot(STEP_DELAY_MS, self, self._next)


def body_first(page: QWidget, body: QWidget) -> QVBoxLayout:
    """``page_layout.page_with_actions`` for a page built in steps, its body first: ``page``
    shows ``body`` (scrolling on its own) now, so each part added to it later is laid out and
    styled in its own turn; ``bar_last(column, *actions)`` adds the button bar under it once the
    body is complete (so Tab still reaches the buttons after the fields)."""
    holder, column = body_holder(body)
    fill(page, holder)
    return column


def body_holder(body: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """``body_first`` for a part of a page: the widget to lay out, and its column for ``bar_last``."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(BodyScroll(body), 1)
    return holder, column


def bar_last(column: QVBoxLayout, *actions: Part | tuple[QLayout, int]) -> None:
    column.addWidget(action_bar(*actions))
