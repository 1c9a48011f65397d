"""The 一次性告知 tab: checklist at the desk, proxy case tracking, and the service catalogue.

It also installs the slip scanner on the main window, so a scanned 代办单 number opens the case
whatever tab is showing, and gives the 代办 count for the status bar (declared in ``ui.tabs``).
"""

from __future__ import annotations

from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog, QMessageBox, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.domain.catalogue import Outcome
from dutydesk.domain.placeholders import UnfilledTemplate, check_printable
from dutydesk.domain.proxy_case import normalize_slip_no
from dutydesk.store.center import load_center
from dutydesk.store.notices import catalogue, proxy_cases
from dutydesk.store.notices.notice import NoticeRecord
from dutydesk.store.notices.proxy_cases import ProxyCase
from dutydesk.store.notices.reprints import Reprint
from dutydesk.ui.events import DeskEvents
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.menu_context import MenuContext
from dutydesk.ui.notices.slip_scanner import SlipScanner
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.screen_fit import PageScroll

if TYPE_CHECKING:  # imported in the steps that build them (issue 17), or when a paper is shown
    from dutydesk.ui.notices.checklist_page import ChecklistPage
    from dutydesk.ui.notices.document_dialog import DocumentDialog

TITLE = "一次性告知"


def open_count_text(desk: Desk) -> str:
    count = proxy_cases.count_cases(open_only=True)
    return f"在办代办单：{count}" if count else ""


def open_by_number(context: MenuContext) -> None:
    """文件 → 按代办单号打开 (Ctrl+G): for a desk without a scanner, or a number read over the phone."""
    window = context.window
    text, ok = QInputDialog.getText(window, "按代办单号打开", "代办单号（如 DB2026-000123）：")
    if not ok or not text.strip():
        return
    number = normalize_slip_no(text)
    if number is None:
        QMessageBox.warning(window, "单号格式不对", f"“{text.strip()}”不是代办单号，格式应为 DB2026-000123。")
        return
    tab = context.tab("notices")  # built now if it was not yet (ui.lazy_tabs)
    if isinstance(tab, NoticeTab):
        tab.open_slip(number)


PAGES = {"checklist": 0, "cases": 1, "catalogue": 2}  # each page's tab index
LATER_PAGES = {"cases": 1, "catalogue": 2}  # the pages built after 告知与受理
PAGE_MODULES = ("dutydesk.ui.notices.checklist_page", "dutydesk.ui.notices.proxy_case_page",
                "dutydesk.ui.notices.catalogue_page")


class NoticeTab(QWidget):
    """Its three pages are built in steps (issue 17: ``lazy_tabs.StagedBuild``), each page's module
    imported in a turn of its own: once the app runs, in idle time or from the tab's first showing,
    one step per event-loop turn; a page opened before its turn builds its frame at once. Code
    using a page (``checklist``, ``cases``, ``catalogue``, ``build()``) gets it whole."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.events: DeskEvents | None = None
        self.scanner: SlipScanner | None = None
        self.prefs = UiPrefs(desk.folder.ui_settings_path)
        self.dialogs: list[DocumentDialog] = []
        self.pages = QTabWidget()
        self.pages.setAccessibleName("一次性告知页面")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        # Scrollable, so a small window (or a large font) never forces the main window wider. Each
        # page's place is there from the start, an empty page holding it until the page is built.
        for title in ("告知与受理", "代办跟踪", "办事指南目录"):
            self.pages.addTab(PageScroll(QWidget()), title)
        self.pages.currentChanged.connect(self._page_shown)
        self.built = False  # 告知与受理 is there
        self._checklist: ChecklistPage | None = None
        self._later: dict[str, QWidget] = {}
        self.staged = StagedBuild()
        self.staged.add(partial(import_module, PAGE_MODULES[0]), self._build_checklist,
                        partial(import_module, PAGE_MODULES[1]), partial(self._later_page, "cases", False),
                        partial(import_module, PAGE_MODULES[2]), partial(self._later_page, "catalogue", False))

    def build(self) -> None:
        """Build every page now (code about to use them)."""
        self.staged.complete()

    def _build_checklist(self) -> None:
        from dutydesk.ui.notices.checklist_page import ChecklistPage

        if self.built:
            return
        self.built = True
        desk = self.desk
        if not catalogue.current_versions(include_retired=True):
            catalogue.seed_default_catalogue(desk.who, desk.now())
        self._checklist = ChecklistPage(desk, self.show_notice, self.show_accepted_papers, staged=self.staged)
        self._checklist.notice_recorded.connect(lambda _n: self._changed("notice"))
        self._checklist.case_created.connect(lambda _c: self._changed("proxy"))
        self.staged.add(partial(self._hold, PAGES["checklist"], self._checklist), first=True)  # in a turn of its own

    def _hold(self, index: int, page: QWidget) -> None:
        holder = self.pages.widget(index)
        holder.takeWidget().deleteLater()  # the empty page
        holder.setWidget(page)
        page.installEventFilter(holder)

    def _page_shown(self, index: int) -> None:
        """The user opened a page: its frame now if it was not built yet, its other parts next."""
        self._later_page(next((name for name, at in LATER_PAGES.items() if at == index), ""), whole=False)
        if self.isVisible():
            self.staged.start(self)

    def _later_page(self, name: str, whole: bool = True) -> QWidget | None:
        """代办跟踪 (``cases``) or 办事指南目录 (``catalogue``), built now if it was not yet; ``whole``:
        with every part (code about to use it), else its frame (its parts are steps to come)."""
        if name not in LATER_PAGES:
            return None
        page = self._later.get(name)
        if page is None:
            while not self.built:  # its place comes with 告知与受理
                self.staged.step()
            if name == "cases":
                from dutydesk.ui.notices.proxy_case_page import CasePage

                page = CasePage(self.desk, self.show_case_docs, lambda: self._changed("proxy"), staged=self.staged)
            else:
                from dutydesk.ui.notices.catalogue_page import CataloguePage

                page = CataloguePage(self.desk, lambda: self._changed("catalogue"), staged=self.staged)
            self._later[name] = page
            self._hold(LATER_PAGES[name], page)
        if whole:
            self.staged.complete()
        return page

    cases = property(lambda self: self._later_page("cases"))
    catalogue = property(lambda self: self._later_page("catalogue"))

    @property
    def checklist(self) -> ChecklistPage:
        self.staged.complete()
        assert self._checklist is not None
        return self._checklist

    # -- wiring -------------------------------------------------------------------------------
    def set_events(self, events: DeskEvents) -> None:
        self.events = events
        events.changed.connect(self._refresh)
        # The main window adds the tab right after this call: install once it has its window.
        QTimer.singleShot(0, self, self.install_scanner)  # dropped if the tab goes first

    def showEvent(self, event) -> None:
        self.staged.start(self)  # once the app runs, one step per turn; else all now
        super().showEvent(event)
        self.install_scanner()

    def install_scanner(self) -> None:
        """Watch the whole main window for scanned slip numbers (Qt drops the filter with the tab)."""
        if self.scanner is None and self.window() is not self:
            self.scanner = SlipScanner(self._main_window, self.open_slip, self)
            self.scanner.install()

    def _main_window(self) -> QWidget | None:
        try:
            return self.window()
        except RuntimeError:  # being destroyed
            return None

    def _changed(self, kind: str) -> None:
        if not self.built:
            return
        if kind in ("proxy", "notice") and "cases" in self._later:  # not built yet: reads fresh when it is
            self._later["cases"].reload()
        if kind == "catalogue" and self._checklist is not None:
            self._checklist.refresh_items()
        if self.events is not None:
            self.events.changed.emit(kind)

    def _refresh(self, kind: str) -> None:
        if kind == "visit" and self._checklist is not None:
            self._checklist.refresh_visits()

    def show_page(self, page: QWidget) -> None:
        self.build()
        for index in range(self.pages.count()):
            holder = self.pages.widget(index)
            if isinstance(holder, QScrollArea) and holder.widget() is page:
                self.pages.setCurrentIndex(index)

    def current_page(self) -> QWidget | None:
        holder = self.pages.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    # -- actions used by other parts ------------------------------------------------------------
    def open_slip(self, slip_no: str) -> bool:
        """Show the case of a scanned or typed slip number (whatever tab was showing)."""
        self.build()
        if self.events is not None:
            self.events.show_tab.emit(TITLE)
        self.show_page(self.cases)
        return self.cases.open_slip(slip_no)

    def start_from_visit(self, visit_id: int) -> None:
        self.build()
        if self.events is not None:
            self.events.show_tab.emit(TITLE)
        self.show_page(self.checklist)
        self.checklist.start_from_visit(visit_id)

    # -- documents ------------------------------------------------------------------------------
    def _center(self):
        center = load_center()
        if center is None:
            raise RuntimeError("center profile missing")
        return center

    def show_notice(self, notice: NoticeRecord, reprint: Reprint | None = None) -> DocumentDialog | None:
        from dutydesk.reports import notice_records  # lazy: reportlab and pdfium load on first print
        from dutydesk.ui.notices.document_dialog import show_document

        title = f"一次性告知单 {notice.ref}"
        if Outcome(notice.outcome) in (Outcome.ACCEPT_PROXY, Outcome.DONE_NOW):
            title = f"受理告知单 {notice.ref}"
        if reprint is not None:
            title += "（补打）"
        try:
            dialog = show_document(
                title, lambda size: notice_records.print_notice(notice, self._center(), self.desk.folder.path, size,
                                                                reprint),
                self.prefs, self)
        except UnfilledTemplate as exc:
            QMessageBox.warning(self, "请先填写办事指南", str(exc))
            return None
        self.dialogs.append(dialog)
        return dialog

    def show_case_docs(self, case: ProxyCase, again: list[Reprint] | None = None) -> DocumentDialog | None:
        """One preview for both papers (never two windows stacked): 打印 prints them together;
        ``again`` (registered reprints) marks them 补打 under the same number."""
        from dutydesk.reports import notice_records  # lazy: reportlab and pdfium load on first print
        from dutydesk.ui.notices.document_dialog import show_document

        center, folder = self._center(), self.desk.folder.path
        try:
            check_printable(case.item_version.item)
        except UnfilledTemplate as exc:
            QMessageBox.warning(self, "请先填写办事指南", str(exc))
            return None
        by_paper = {r.paper: r for r in again or []}
        receipt, slip = by_paper.get("receipt"), by_paper.get("slip")
        mark = "（补打）" if again else ""
        dialog = show_document(f"收件回执单和代办单 {case.slip_no}{mark}", {
            "收件回执单": lambda size: notice_records.print_receipt(case, center, folder, size, receipt),
            "代办单": lambda size: notice_records.print_slip(case, center, folder, size, slip),
        }, self.prefs, self)
        self.dialogs.append(dialog)
        return dialog

    def show_accepted_papers(self, case: ProxyCase) -> DocumentDialog | None:
        """P02/P04: after 受理代办 one preview holds the slip and the receipt (printed together)."""
        from dutydesk.reports import notice_records  # lazy: reportlab and pdfium load on first print
        from dutydesk.ui.notices.document_dialog import show_document

        center, folder = self._center(), self.desk.folder.path
        try:
            check_printable(case.item_version.item)
        except UnfilledTemplate as exc:
            QMessageBox.warning(self, "请先填写办事指南", str(exc))
            return None
        dialog = show_document(f"代办单和收件回执 {case.slip_no}",
                               lambda size: notice_records.print_case_papers(case, center, folder, size),
                               self.prefs, self)
        self.dialogs.append(dialog)
        return dialog


def open_checklist_for_visit(context: MenuContext | None, visit_id: int) -> bool:
    """For the visit register: open the 一次性告知 checklist for a visit in the main window
    (none when the visits tab is shown on its own)."""
    tab = context.tab("notices") if context is not None else None  # built now if need be
    if not isinstance(tab, NoticeTab):
        return False
    tab.start_from_visit(visit_id)
    return True


def build(desk: Desk) -> QWidget:
    return NoticeTab(desk)
