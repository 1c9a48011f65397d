"""A tab widget whose pages are built when first shown, or in idle time after the window shows.

Issue 17: building every tab before the window appeared cost most of the start-up (queries, page
layouts, printing libraries). Each page starts as an empty placeholder; the real widget replaces
it the first time the tab is opened, asked for (``widget(i)``), or when the event loop is idle, one
tab per turn so no single step holds the window. Generic over ``ui.tabs.TABS``: a feature adding a
tab needs nothing here.

A page too big for one turn builds its frame (title, main list) in its constructor and hands its
other parts to a ``StagedBuild`` (its ``staged`` attribute): once the app runs they are built one per
event-loop turn, by the idle builder or right after the page is opened; otherwise (tests, scripts)
at once. Code asking for a page (``widget(i)``) gets it whole.

The idle building starts ``IDLE_DELAY_MS`` after the window shows, and not before the first screen
has finished its own staged build (``first_screen_done()``), nor later than ``FIRST_SCREEN_WAIT_MS``
after the window shows when nobody says so. Once every page and part is built, what they made is set
aside from the collector's full collections (``collector.set_aside``): it lives as long as the window.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget
from shiboken6 import isValid

from dutydesk.collector import resume_after_start, set_aside

IDLE_DELAY_MS = 120  # after the window shows: let it paint first, then build the rest one at a time
FIRST_SCREEN_WAIT_MS = 1_000  # the longest the idle builds wait for ``first_screen_done()``
PARTS_CHECK_MS = 15  # how often the idle builder looks whether a page's parts are all built

_on_demand = False
_first_screen_done = False
_waiting: weakref.WeakSet[LazyTabWidget] = weakref.WeakSet()
_after_first_screen: list[Callable[[], object]] = []


def build_on_demand(on: bool = True) -> None:
    """The app's start turns this on (``app.launch``); off, every tab is built when added, as
    code and tests that build a window and reach into its tabs at once expect."""
    global _on_demand, _first_screen_done
    _on_demand = on
    _first_screen_done = False  # a new start: its first screen has yet to finish
    _after_first_screen.clear()


def turn_timer(owner: QObject, step: Callable[[], object]) -> QTimer:
    """A timer running ``step`` in the next turn of the event loop each time it is started, after
    the timers and input due by then. (``QTimer.singleShot(0, …)`` posts an event instead, and a
    chain of those runs back to back, starving every timer, the 10 ms stall probe's included.)
    It goes with ``owner``."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(step)
    return timer


def first_screen_done() -> None:
    """The first screen (the page shown at the start, built in stages after the first paint) is
    complete: the other tabs may now be built in idle time. Called once by whoever builds it."""
    global _first_screen_done
    _first_screen_done = True
    for tabs in list(_waiting):
        if isValid(tabs):  # not closed meanwhile
            tabs._first_screen_ready()
    waiting = list(_after_first_screen)
    _after_first_screen.clear()
    for run in waiting:
        run()


def after_first_screen(owner: QObject, work: Callable[[], object]) -> None:
    """Run ``work`` once, when the first screen is complete (``first_screen_done``) or at the latest
    ``FIRST_SCREEN_WAIT_MS`` from now (the start showed another tab first); at once when it is
    complete already or pages are not built on demand; never once ``owner`` has gone."""
    done = False

    def run() -> None:
        nonlocal done
        if done or not isValid(owner):
            return
        done = True
        work()

    if _first_screen_done or not _on_demand:
        run()
        return
    _after_first_screen.append(run)
    QTimer.singleShot(FIRST_SCREEN_WAIT_MS, owner, run)


class StagedBuild:
    """The parts of a page still to build, one per event-loop turn once the app runs (issue 17).

    A page builds its frame in its constructor, ``add``s the rest as steps (a step may add more)
    and calls ``start(self)``: outside the app every step runs at once, as pages always built. A
    method that needs the whole page calls ``complete()`` first. A step puts what it makes into a
    layout already on the page: a widget or layout left without a parent for a later step is freed
    by the collector in any order if the page goes first (a crash)."""

    def __init__(self, *steps: Callable[[], object]) -> None:
        self._steps: deque[Callable[[], object]] = deque(steps)
        self._timer: QTimer | None = None
        self._owner: QObject | None = None

    def add(self, *steps: Callable[[], object], first: bool = False) -> None:
        """Steps to build after the others, or (``first``, a part adding its own parts) before."""
        if first:
            self._steps.extendleft(reversed(steps))
        else:
            self._steps.extend(steps)

    def pending(self) -> bool:
        return bool(self._steps)

    @property
    def done(self) -> bool:
        return not self._steps

    def step(self) -> bool:
        """Build the next part; whether any is left."""
        if self._steps:
            self._steps.popleft()()
        return bool(self._steps)

    def complete(self) -> None:
        while self._steps:
            self._steps.popleft()()

    def start(self, owner: QObject, first_now: bool = False) -> None:
        """Build the parts from now on, one per turn (stopped if ``owner`` goes), the first one
        in this turn if ``first_now``; all now when the pages are not built on demand."""
        if not _on_demand:
            self.complete()
            return
        if first_now:
            self.step()
        if self._timer is None or not isValid(self._timer):
            self._owner = owner
            self._timer = turn_timer(owner, self._next)
        if self._steps and not self._timer.isActive():
            self._timer.start()

    def _next(self) -> None:
        if not isValid(self._owner):  # being destroyed (its timer fires no more once it is gone)
            return
        if self.step() and self._timer is not None and isValid(self._timer):
            self._timer.start()


def staged_build(page: QWidget | None) -> StagedBuild | None:
    """The parts of ``page`` (or of the page a ``PageScroll`` holds) still to build, if it builds in
    stages and has some left."""
    if isinstance(page, QScrollArea) and page.widget() is not None:
        page = page.widget()
    staged = getattr(page, "staged", None)
    return staged if isinstance(staged, StagedBuild) and staged.pending() else None


def complete(page: QWidget | None) -> QWidget | None:
    """``page`` with all its parts built (code about to use its widgets)."""
    staged = staged_build(page)
    if staged is not None:
        staged.complete()
    return page


def on_demand() -> bool:
    return _on_demand


class _Placeholder(QWidget):
    """Stands in for a tab not built yet (an empty page, shown for no longer than one build)."""


class LazyTabWidget(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builders: dict[int, Callable[[], QWidget]] = {}
        self._building = False
        self._idle_delay_over = False
        self._idle_started = False
        self._set_aside = False
        self._idle_turn = turn_timer(self, self._build_next)
        self.currentChanged.connect(self.ensure_built)

    def add_lazy_tab(self, title: str, build: Callable[[], QWidget]) -> int:
        """A tab whose page ``build()`` makes when it is first needed."""
        if not _on_demand:
            return self.addTab(build(), title)
        index = self.addTab(_Placeholder(), title)
        self._builders[index] = build
        return index

    def is_built(self, index: int) -> bool:
        return index not in self._builders

    def ensure_built(self, index: int) -> QWidget | None:
        """Build tab ``index`` now if it is still a placeholder; return its page."""
        build = self._builders.pop(index, None)
        if build is None or self._building:
            return super().widget(index)
        self._building = True
        try:
            page = build()
            current = self.currentIndex()
            tooltip, title = self.tabToolTip(index), self.tabText(index)
            placeholder = super().widget(index)
            self.blockSignals(True)
            try:
                self.removeTab(index)
                self.insertTab(index, page, title)
                self.setTabToolTip(index, tooltip)
                self.setCurrentIndex(current)
            finally:
                self.blockSignals(False)
            placeholder.deleteLater()
        finally:
            self._building = False
        if index == self.currentIndex() and (staged := staged_build(page)) is not None:
            staged.start(page)  # opened by the user: its parts follow, one per turn
        return page

    def built_widgets(self) -> list[QWidget]:
        """The pages built so far (asking ``widget(i)`` would build the others)."""
        return [super(LazyTabWidget, self).widget(i) for i in range(self.count()) if self.is_built(i)]

    def build_all(self) -> None:
        for index in list(self._builders):
            self.ensure_built(index)

    def showEvent(self, event: QShowEvent) -> None:  # the page shown is built before it paints
        self.ensure_built(self.currentIndex())
        super().showEvent(event)

    def build_in_idle_time(self) -> None:
        """Build the tabs not opened yet, and their staged parts, one per event-loop turn, once the
        window has painted and the first screen is complete (``first_screen_done``)."""
        if self._idle_started or self._idle_delay_over:
            return
        _waiting.add(self)
        QTimer.singleShot(IDLE_DELAY_MS, self, self._idle_delay_ended)  # dropped if the tabs go
        QTimer.singleShot(FIRST_SCREEN_WAIT_MS, self, self._first_screen_ready)  # nobody said so

    def _idle_delay_ended(self) -> None:
        self._idle_delay_over = True
        if _first_screen_done:
            self._first_screen_ready()

    def _first_screen_ready(self) -> None:
        if not isValid(self) or self._idle_started or not self._idle_delay_over:
            return  # the delay's end starts it (``first_screen_done`` is remembered)
        self._idle_started = True
        _waiting.discard(self)
        resume_after_start()  # the collector, paused by the window's entry point (issue 17)
        self._idle_turn.start(0)

    def _build_next(self) -> None:
        if not self.isVisible():  # closed meanwhile: nothing to prepare (until shown again)
            self._idle_started = self._idle_delay_over = False
            return
        built = (super(LazyTabWidget, self).widget(i) for i in range(self.count()) if self.is_built(i))
        building = next((page for page in built if staged_build(page) is not None), None)
        if building is not None:  # one page complete before the next: its parts come one per turn
            staged_build(building).start(building)  # (its own timer: two stepping it could run back to back)
            self._idle_turn.start(PARTS_CHECK_MS)
        elif self._builders:
            self.ensure_built(min(self._builders))
            self._idle_turn.start(0)
        elif not self._set_aside:  # every page and part built: they live as long as the window
            self._set_aside = True
            set_aside()

    # Callers asking for a page get the real widget, built on demand, with all its parts.
    def widget(self, index: int) -> QWidget | None:
        if index in self._builders:
            return complete(self.ensure_built(index))
        return complete(super().widget(index))

    def currentWidget(self) -> QWidget | None:
        return self.widget(self.currentIndex())
