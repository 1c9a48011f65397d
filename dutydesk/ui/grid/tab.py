"""The 网格走访 tab (Ctrl+5): 入户走访, 走访进度, 民情日记, 片区与住户 (G01-G05) and 知晓率抽查 (G06).

Pages are built the first time they are shown, so start-up and the other tabs stay light. A
household code scanned anywhere in the main window opens a new visit for it here (G03).
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.store.grid.household import household_by_code
from dutydesk.ui import lazy_tabs
from dutydesk.ui.events import DeskEvents
from dutydesk.ui.grid.household_scanner import HOUSEHOLD_TAIL
from dutydesk.ui.notices.slip_scanner import SlipScanner
from dutydesk.ui.page_layout import ScrolledPages

TAB_TITLE = "网格走访"
GRID = "grid"  # the DeskEvents.changed kind of a grid write
# The pages: attribute, title, class, whether to read the books when built (the others do it themselves).
PAGES = (
    ("visit_page", "入户走访", "dutydesk.ui.grid.visit_page:HouseholdVisitPage", False),
    ("board", "走访进度", "dutydesk.ui.grid.progress_board:ProgressBoard", False),
    ("diary", "民情日记", "dutydesk.ui.grid.diary_page:DiaryPage", False),
    ("areas", "片区与住户", "dutydesk.ui.grid.areas_page:AreasPage", False),
    ("spot_checks", "知晓率抽查", "dutydesk.ui.grid.spot_check_page:SpotCheckPage", False),
)


class GridTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.events: DeskEvents | None = None
        self.built = False
        self.scanner: SlipScanner | None = None
        self._built: dict[str, QWidget] = {}
        # Each page scrolls on its own, so the tallest never makes the window taller than the screen.
        self.pages = ScrolledPages()
        self.pages.setAccessibleName("网格走访页面")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

    def build(self) -> None:
        """The pages' tabs; each page is built when first shown once the app runs (issue 17: building
        and reading all five at once froze the window), all at once otherwise (tests, scripts)."""
        if self.built:
            return
        self.built = True
        for _name, title, _module, _refresh in PAGES:
            self.pages.addTab(QWidget(), title)  # a placeholder, replaced by the page when it is built
        if lazy_tabs.on_demand():
            self._build_soon(PAGES[0][0])
        else:
            for name, *_rest in PAGES:
                self._page(name)
        self.pages.currentChanged.connect(self._page_shown)

    def _build_soon(self, name: str) -> None:
        """Start building the page in the next turn of the event loop (a timer, not a posted
        event: the window paints first), so the tab switch itself stays short (issue 17)."""
        QTimer.singleShot(1, self, lambda: self._page(name))

    def _page(self, name: str) -> QWidget:
        """The page called ``name`` (``PAGES``), built now if it was not yet."""
        self.build()
        page = self._built.get(name)
        if page is not None:
            return page
        index = next(i for i, spec in enumerate(PAGES) if spec[0] == name)
        _name, _title, module, refresh = PAGES[index]
        module_name, class_name = module.split(":")
        page = self._built[name] = getattr(importlib.import_module(module_name), class_name)(self.desk)
        holder = QTabWidget.widget(self.pages, index)  # the page's PageScroll (see ScrolledPages)
        holder.setWidget(page)
        page.installEventFilter(holder)
        if name == "visit_page":  # a need registered from a visit is a new matter of 来访登记 too
            page.saved.connect(lambda visit: self._changed("visit" if visit.need_rows.count() else GRID))
        elif hasattr(page, "saved"):  # the progress board writes nothing
            page.saved.connect(lambda *_args: self._changed(GRID))
        if refresh:
            page.refresh()
        return page

    def _whole(self, name: str) -> QWidget:
        """The page called ``name`` with every step of its building done (``lazy_tabs.StagedBuild``): a
        caller reaching into it (a scanned code, 待跟进, tests) finds all its parts."""
        page = self._page(name)
        steps = getattr(page, "steps", None)
        if steps is not None:
            steps.complete()
        return page

    def _page_shown(self, index: int) -> None:
        name = PAGES[index][0]
        if name in self._built:
            self.refresh()
        elif lazy_tabs.on_demand():
            self._build_soon(name)  # reads its books as it is built
        else:
            self._page(name)

    visit_page = property(lambda self: self._whole("visit_page"))
    board = property(lambda self: self._whole("board"))
    diary = property(lambda self: self._whole("diary"))
    areas = property(lambda self: self._whole("areas"))
    spot_checks = property(lambda self: self._whole("spot_checks"))

    def showEvent(self, event) -> None:
        self.build()
        super().showEvent(event)

    def set_events(self, events: DeskEvents) -> None:
        self.events = events
        events.changed.connect(lambda _kind: self.refresh())
        # The main window adds the tab right after this call: look for 待跟进 once it is in it.
        QTimer.singleShot(0, self, self._watch_followups)
        QTimer.singleShot(0, self, self.install_scanner)  # dropped if the tab goes first

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
        if not self.built or self.pages.currentIndex() < 0:
            return
        page = self._built.get(PAGES[self.pages.currentIndex()][0])
        steps = getattr(page, "steps", None)
        if page is not None and (steps is None or steps.done):  # a page still being built reads its books last
            page.refresh()


def build(desk: Desk) -> QWidget:
    return GridTab(desk)
