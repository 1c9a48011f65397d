"""The 今日值班 tab: a page per job the desk does around duty; each page reads and writes the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.ui.duty.today import TodayPage
from dutydesk.ui.events import DeskEvents
from dutydesk.ui.lazy_tabs import LazyTabWidget
from dutydesk.ui.screen_fit import PageScroll

if TYPE_CHECKING:  # imported when first opened: it brings every ledger (issue 17)
    from dutydesk.ui.duty.tally_page import TallyPage


class DutyTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.events: DeskEvents | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.pages = LazyTabWidget()
        self.pages.setAccessibleName("值班页面")
        layout.addWidget(self.pages)
        self.today = TodayPage(desk)
        self.tally: TallyPage | None = None  # built when first opened (``ui.lazy_tabs``)
        self._add(lambda: self.today, "今日")
        self._build_more()
        self._add(self._build_tally, "考勤统计")

    def _build_tally(self) -> TallyPage:
        from dutydesk.ui.duty.tally_page import TallyPage

        self.tally = TallyPage(self.desk)
        return self.tally

    def _build_more(self) -> None:
        """Pages added as they are built (roster, leave, inspections, log, staff)."""
        from dutydesk.ui.duty.pages import page_builders

        for title, build in page_builders(self.desk):
            self._add(build, title)

    def _add(self, build: Callable[[], QWidget], title: str) -> None:
        def scrolled() -> QWidget:
            page = build()
            changed = getattr(page, "changed", None)
            if changed is not None:
                changed.connect(self._page_changed)
            # A scroll area keeps the window usable on small office screens (1366x768 and below).
            return PageScroll(page)

        self.pages.add_lazy_tab(title, scrolled)

    def _page_changed(self, kind: str) -> None:
        for holder in self.pages.built_widgets():  # a page not built yet reads fresh data when it is
            page = holder.widget()
            if page is not self.sender() and hasattr(page, "refresh"):
                page.refresh()
        if self.events is not None:
            self.events.changed.emit(kind)

    def set_events(self, events: DeskEvents) -> None:
        self.events = events
        events.changed.connect(self._outside_change)

    def _outside_change(self, kind: str) -> None:
        if kind != "duty":
            self.today.refresh()

    def show_page(self, title: str) -> QWidget:
        page = self.page(title)
        self.pages.setCurrentWidget(page.parentWidget().parentWidget())
        return page

    def page(self, title: str) -> QWidget:
        for index in range(self.pages.count()):
            if self.pages.tabText(index) == title:
                return self.pages.widget(index).widget()
        raise KeyError(title)
