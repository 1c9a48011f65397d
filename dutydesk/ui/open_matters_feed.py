"""The open matters the window shows, read off the GUI thread (issue 17: never freeze).

The handover note (D09, 今日值班), the 待跟进 panel and the status bar show the open matters
(``store.open_matters``), worked out once per change of the books. On 1M-visit books that is
tens of thousands of visits and their urgency: a third of a second and more on the GUI thread
after each change. Here a worker thread (``ui.page_loader``, the collector paused) reads them with
their handover lines; the answer is kept back in the GUI thread and ``ready`` tells the three to
show it. Until then they show the last answer (or 正在读取… before the first).

A change of the books while a worker reads is not lost: the answer is kept for the books' state
when it was asked, so the next ask after the change reads again, and the worker's answer itself
asks again at once if the books changed meanwhile. Outside the app (tests, scripts) the reading
is done at once, as ``PageLoader`` does.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal

from dutydesk.desk import Desk
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import open_matters
from dutydesk.store.duty.handover import OPEN_MATTERS_LOADING, keep_lines, matter_lines, matters_text
from dutydesk.store.feature_loading import features_pending
from dutydesk.store.open_matters import OpenMatter
from dutydesk.ui.page_loader import PageLoader

Parts = tuple[tuple[OpenMatter, ...], tuple[OpenMatter, ...]]


def _read(today: dt.date, calendar: WorkdayCalendar) -> tuple[tuple[OpenMatter, ...], tuple[str, ...]]:
    """In the worker: the day's matters and their handover lines (no widgets, no caches)."""
    daily = open_matters.daily_matters(today, calendar)
    return daily, matter_lines(daily)


class OpenMattersFeed(QObject):
    """One per app: ``parts(desk)`` answers at once; ``ready`` once a newer answer is there."""

    ready = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._loader = PageLoader(self)
        self._reading: tuple | None = None  # the books' state the worker reads for
        self._asking = False  # read at once (tests): the one who asked has the answer

    def parts(self, desk: Desk) -> Parts | None:
        """The open matters now, or, while they are read after a change, the last ones; None
        before the first answer."""
        today, calendar, now = desk.today(), desk.calendar(), desk.now()
        found = open_matters.ready_parts(today, calendar, now)
        if found is not None:
            return found
        self._ask(today, calendar)
        return open_matters.ready_parts(today, calendar, now) or open_matters.latest_parts(today, calendar, now)

    def matters(self, desk: Desk) -> list[OpenMatter] | None:
        found = self.parts(desk)
        return None if found is None else open_matters.merged(*found)

    def handover_text(self, desk: Desk) -> str:
        """D09: the open matters' text for 今日值班's handover box (正在读取… until the first)."""
        if features_pending():
            return OPEN_MATTERS_LOADING
        found = self.parts(desk)
        return OPEN_MATTERS_LOADING if found is None else matters_text(*found)

    @property
    def busy(self) -> bool:
        return self._loader.busy

    def _ask(self, today: dt.date, calendar: WorkdayCalendar) -> None:
        key = open_matters.books_key(today, calendar)
        if self._loader.busy and key == self._reading:
            return  # on its way already
        self._reading = key
        self._asking = True
        try:
            self._loader.load(lambda: _read(today, calendar),
                              lambda found: self._keep(key, today, calendar, found))
        finally:
            self._asking = False

    def _keep(self, key: tuple | None, today: dt.date, calendar: WorkdayCalendar,
              found: tuple[tuple[OpenMatter, ...], tuple[str, ...]]) -> None:
        daily, lines = found
        open_matters.keep_daily(key, daily)
        keep_lines(daily, lines)
        self._reading = None
        if key is not None and open_matters.books_key(today, calendar) != key:
            self._ask(today, calendar)  # the books changed while the worker read: read again
        if not self._asking:
            self.ready.emit()


_feed: OpenMattersFeed | None = None


def feed() -> OpenMattersFeed:
    """The app's one feed (made in the GUI thread on first use)."""
    global _feed
    if _feed is None:
        _feed = OpenMattersFeed()
    return _feed
