"""A tab widget whose pages are built when first shown, or in idle time after the window shows.

Issue 17: building every tab before the window appeared cost most of the start-up (queries, page
layouts, printing libraries). Each page starts as an empty placeholder; the real widget replaces
it the first time the tab is opened, asked for (``widget(i)``), or when the event loop is idle, one
tab per turn so no single step holds the window. Generic over ``ui.tabs.TABS``: a feature adding a
tab needs nothing here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

IDLE_DELAY_MS = 120  # after the window shows: let it paint first, then build the rest one at a time

_on_demand = False


def build_on_demand(on: bool = True) -> None:
    """The app's start turns this on (``app.launch``); off, every tab is built when added, as
    code and tests that build a window and reach into its tabs at once expect."""
    global _on_demand
    _on_demand = on


def on_demand() -> bool:
    return _on_demand


class _Placeholder(QWidget):
    """Stands in for a tab not built yet (an empty page, shown for no longer than one build)."""


class LazyTabWidget(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builders: dict[int, Callable[[], QWidget]] = {}
        self._building = False
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
        """Build the tabs not opened yet, one per event-loop turn, after the window has painted."""
        if self._builders:
            QTimer.singleShot(IDLE_DELAY_MS, self, self._build_next)  # dropped if the tabs go

    def _build_next(self) -> None:
        if not self._builders or not self.isVisible():  # closed meanwhile: nothing to prepare
            return
        self.ensure_built(min(self._builders))
        if self._builders:
            QTimer.singleShot(0, self, self._build_next)

    # Callers asking for a page get the real widget, built on demand.
    def widget(self, index: int) -> QWidget | None:
        if index in self._builders:
            return self.ensure_built(index)
        return super().widget(index)

    def currentWidget(self) -> QWidget | None:
        return self.widget(self.currentIndex())
