"""The 网格走访 tab (Ctrl+5): 入户走访, 走访进度, 民情日记, 片区与住户 (G01-G05) and 知晓率抽查 (G06).

Pages are built the first time the tab is shown, so start-up and the other tabs stay light. A
household code scanned anywhere in the main window opens a new visit for it here (G03).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.store.grid.household import household_by_code
from dutydesk.ui.events import DeskEvents
from dutydesk.ui.grid.household_scanner import HOUSEHOLD_TAIL
from dutydesk.ui.notices.slip_scanner import SlipScanner
from dutydesk.ui.page_layout import ScrolledPages

TAB_TITLE = "网格走访"
GRID = "grid"  # the DeskEvents.changed kind of a grid write


class GridTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.events: DeskEvents | None = None
        self.built = False
        self.scanner: SlipScanner | None = None
        # Each page scrolls on its own, so the tallest never makes the window taller than the screen.
        self.pages = ScrolledPages()
        self.pages.setAccessibleName("网格走访页面")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

    def build(self) -> None:
        if self.built:
            return
        self.built = True
        from dutydesk.ui.grid.areas_page import AreasPage
        from dutydesk.ui.grid.diary_page import DiaryPage
        from dutydesk.ui.grid.progress_board import ProgressBoard
        from dutydesk.ui.grid.spot_check_page import SpotCheckPage
        from dutydesk.ui.grid.visit_page import HouseholdVisitPage

        self.visit_page = HouseholdVisitPage(self.desk)
        self.board = ProgressBoard(self.desk)
        self.diary = DiaryPage(self.desk)
        self.areas = AreasPage(self.desk)
        self.spot_checks = SpotCheckPage(self.desk)
        for page, title in ((self.visit_page, "入户走访"), (self.board, "走访进度"), (self.diary, "民情日记"),
                            (self.areas, "片区与住户"), (self.spot_checks, "知晓率抽查")):
            self.pages.addTab(page, title)
        # A need registered from a visit is a new matter of 来访登记 too.
        self.visit_page.saved.connect(lambda visit: self._changed("visit" if visit.need_rows.count() else GRID))
        self.diary.saved.connect(lambda: self._changed(GRID))
        self.areas.saved.connect(lambda: self._changed(GRID))
        self.spot_checks.saved.connect(lambda: self._changed(GRID))
        self.pages.currentChanged.connect(lambda _i: self.refresh())
        self.board.refresh()

    def showEvent(self, event) -> None:
        self.build()
        super().showEvent(event)

    def set_events(self, events: DeskEvents) -> None:
        self.events = events
        events.changed.connect(lambda _kind: self.refresh())
        # The main window adds the tab right after this call: look for 待跟进 once it is in it.
        QTimer.singleShot(0, self._watch_followups)
        QTimer.singleShot(0, self.install_scanner)

    def install_scanner(self) -> None:
        """Watch the whole main window for scanned household codes (G03)."""
        if self.scanner is None and self.window() is not self:
            self.scanner = SlipScanner(self._main_window, self.open_household_code, self, pattern=HOUSEHOLD_TAIL)
            self.scanner.install()

    def _main_window(self) -> QWidget | None:
        try:
            return self.window()
        except RuntimeError:  # being destroyed
            return None

    def open_household_code(self, code: str) -> bool:
        """A scanned household code: a new visit for that household in 入户走访 (an unknown code is
        left to the widget that had focus)."""
        household = household_by_code(code)
        if household is None:
            return False
        if self.events is not None:
            self.events.show_tab.emit(TAB_TITLE)
        self.build()
        self.pages.setCurrentWidget(self.visit_page)
        self.visit_page.start_new()
        self.visit_page.take_household(household)
        self.visit_page.message.setText(f"已扫码：{household.code} {household.head.name}户，请填写走访情况")
        return True

    def _watch_followups(self) -> None:
        """A major diary entry picked in 来访登记's 待跟进 panel opens here (G05)."""
        from dutydesk.ui.visits.followup_panel import FollowupPanel

        panel = self.window().findChild(FollowupPanel) if self.window() is not self else None
        if panel is not None:
            panel.open_matter.connect(self.open_matter)

    def open_matter(self, matter) -> None:
        if matter.kind != "diary" or self.events is None:
            return
        self.events.show_tab.emit(TAB_TITLE)
        self.build()
        self.pages.setCurrentWidget(self.diary)
        self.diary.select_entry(matter.record_id)

    def _changed(self, kind: str) -> None:
        if self.events is not None:
            self.events.changed.emit(kind)
        else:
            self.refresh()

    def refresh(self) -> None:
        if not self.built:
            return
        page = self.pages.currentWidget()
        if page is not None:
            page.refresh()


def build(desk: Desk) -> QWidget:
    return GridTab(desk)
