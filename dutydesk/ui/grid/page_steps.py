"""A grid page built in steps (issue 17: building a whole page in one go held the window for
100-200 ms on the first opening of 网格走访 and its pages).

A page lists its steps: its frame (the main table) first, then its form, its side panels, its
buttons, and last the first reading of its books. Once the app runs for a user
(``ui.lazy_tabs.build_on_demand``), the first step runs at once and each of the others in a later
turn of the event loop, so the window answers in between; otherwise (tests, scripts that build a
page and use it at once) every step runs at once, as the page always was. Anything needing the
whole page calls ``complete()`` first (``GridTab`` does for every page it hands out).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

from dutydesk.ui import lazy_tabs


class PageSteps(QObject):
    """The steps of one page's building still to run; ``done`` once all have run."""

    def __init__(self, page: QObject, steps: Sequence[Callable[[], object]]) -> None:
        super().__init__(page)  # the queued turns go with the page
        self._steps = list(steps)
        # A real zero timer, not ``QTimer.singleShot(0)``: that posts an event, and events posted
        # while posted events are delivered may run in the same pass, steps back to back with no
        # timer (a clock, a blinking cursor, the stall probe) served in between.
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._next)

    @property
    def done(self) -> bool:
        return not self._steps

    def start(self) -> None:
        """The first step now; the others one per event-loop turn once the app runs, else now."""
        if not lazy_tabs.on_demand():
            self.complete()
            return
        self._next()

    def _next(self) -> None:
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            self._turn.start()

    def complete(self) -> None:
        """Run every step left now (the page is about to be used as a whole)."""
        while self._steps:
            self._steps.pop(0)()
