"""The 一次性告知 tab: checklist at the desk, proxy case tracking, and the service catalogue.

It also installs the slip scanner on the main window, so a scanned 代办单 number opens the case
whatever tab is showing, and gives the 代办 count for the status bar (declared in ``ui.tabs``).
"""

from __future__ import annotations

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
from dutydesk.ui import lazy_tabs
from dutydesk.ui.events import DeskEvents
from dutydesk.ui.menu_context import MenuContext
from dutydesk.ui.notices.catalogue_page import CataloguePage
from dutydesk.ui.notices.checklist_page import ChecklistPage
from dutydesk.ui.notices.document_dialog import DocumentDialog, show_document
from dutydesk.ui.notices.proxy_case_page import CasePage
from dutydesk.ui.notices.slip_scanner import SlipScanner
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.screen_fit import PageScroll

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


LATER_PAGES = {"cases": 1, "catalogue": 2}  # the pages built when first shown, and their tab index


class NoticeTab(QWidget):
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
        self.built = False
        self._later: dict[str, QWidget] = {}

    def build(self) -> None:
        """Build the pages the first time the tab is used (keeps start-up and other tabs light)."""
        if self.built:
            return
        self.built = True
        desk = self.desk
        if not catalogue.current_versions(include_retired=True):
            catalogue.seed_default_catalogue(desk.who, desk.now())
        self.checklist = ChecklistPage(desk, self.show_notice, self.show_accepted_papers)
        self.checklist.notice_recorded.connect(lambda _n: self._changed("notice"))
        self.checklist.case_created.connect(lambda _c: self._changed("proxy"))
        # Scrollable, so a small window (or a large font) never forces the main window wider. Once the
        # app runs, 代办跟踪 and 办事指南目录 are built when first shown (issue 17: building all three
        # at once froze the window); a placeholder holds their place until then.
        for page, title in ((self.checklist, "告知与受理"), (QWidget(), "代办跟踪"), (QWidget(), "办事指南目录")):
            self.pages.addTab(PageScroll(page), title)
        if not lazy_tabs.on_demand():
            self._later_page("cases")
            self._later_page("catalogue")
        self.pages.currentChanged.connect(self._page_shown)

    def _page_shown(self, index: int) -> None:
        self._later_page(next((name for name, at in LATER_PAGES.items() if at == index), ""))

    def _later_page(self, name: str) -> QWidget | None:
        """代办跟踪 (``cases``) or 办事指南目录 (``catalogue``), built now if it was not yet."""
        if name not in LATER_PAGES:
            return None
        page = self._later.get(name)
        if page is None:
            self.build()
            if name == "cases":
                page = CasePage(self.desk, self.show_case_docs, lambda: self._changed("proxy"))
            else:
                page = CataloguePage(self.desk, lambda: self._changed("catalogue"))
            self._later[name] = page
            holder = self.pages.widget(LATER_PAGES[name])
            holder.setWidget(page)
            page.installEventFilter(holder)
        return page

    cases = property(lambda self: self._later_page("cases"))
    catalogue = property(lambda self: self._later_page("catalogue"))

    # -- wiring -------------------------------------------------------------------------------
    def set_events(self, events: DeskEvents) -> None:
        self.events = events
        events.changed.connect(self._refresh)
        # The main window adds the tab right after this call: install once it has its window.
        QTimer.singleShot(0, self.install_scanner)

    def showEvent(self, event) -> None:
        self.build()
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
            self.cases.reload()
        if kind == "catalogue":
            self.checklist.refresh_items()
        if self.events is not None:
            self.events.changed.emit(kind)

    def _refresh(self, kind: str) -> None:
        if kind == "visit" and self.built:
            self.checklist.refresh_visits()

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
