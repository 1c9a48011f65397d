"""The 使用说明 window (F1): the guide's pages beside their list, the shortcut list, and 打印.

It opens on the page of the tab the user is looking at. Printing goes through Qt's print preview
(choose the printer, or save as PDF there), printing what the window shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dutydesk import APP_TITLE
from dutydesk.ui.forms import button_row, push_button
from dutydesk.ui.help.guide_pages import GuidePage, guide_pages, page_for_tab
from dutydesk.ui.record_list import read_only
from dutydesk.ui.tabs import TABS

GUIDE_TITLE = "使用说明"
SHORTCUTS_TITLE = "快捷键一览"


class GuideWindow(QDialog):
    """Not modal: the user reads the guide beside the window they are working in."""

    def __init__(self, shortcut_lines: Callable[[], list[str]], parent: QWidget | None = None,
                 tab_order: Sequence[str] | None = None, app: str = "desk") -> None:
        """The desk's guide (its tabs' pages and the pages of no tab), or with ``tab_order`` another
        window's (the township's): only the pages of those tabs."""
        super().__init__(parent)
        self.shortcut_lines = shortcut_lines
        order = list(tab_order) if tab_order is not None else [spec.title for spec in TABS]
        self.pages: list[GuidePage] = guide_pages(tab_order=order, app=app)
        self.setWindowTitle(f"{GUIDE_TITLE} — {APP_TITLE}")
        self.setModal(False)
        self.resize(980, 720)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("帮助页面")
        self.tabs.addTab(self._build_guide(), GUIDE_TITLE)
        self.tabs.addTab(self._build_shortcuts(), SHORTCUTS_TITLE)
        self.print_button = push_button("打印…", self.print_preview)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(button_row(self.print_button, push_button("关闭", self.close)))
        self.contents.currentRowChanged.connect(self._show_row)
        self.browser.sourceChanged.connect(self._follow_link)

    def _build_guide(self) -> QWidget:
        self.contents = QListWidget()
        self.contents.setAccessibleName("目录")
        self.contents.setMaximumWidth(180)
        for page in self.pages:
            self.contents.addItem(QListWidgetItem(page.title))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("使用说明内容")
        self.browser.setOpenExternalLinks(False)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.contents)
        row.addWidget(self.browser, 1)
        return holder

    def _build_shortcuts(self) -> QWidget:
        self.shortcuts = read_only(QTableWidget(0, 2), SHORTCUTS_TITLE)
        self.shortcuts.setHorizontalHeaderLabels(["快捷键", "操作"])
        self.shortcuts.horizontalHeader().setStretchLastSection(True)
        return self.shortcuts

    # -- showing ---------------------------------------------------------------------------
    def show_for_tab(self, tab_title: str) -> None:
        """Open (or bring forward) the guide on the page of ``tab_title``, shortcuts up to date."""
        self.refresh_shortcuts()
        self.show_page(page_for_tab(tab_title))
        self.tabs.setCurrentIndex(0)
        self.show()
        self.raise_()
        self.activateWindow()

    def show_page(self, page: GuidePage) -> None:
        self.contents.setCurrentRow(self.pages.index(page))

    def current_page(self) -> GuidePage:
        return self.pages[max(0, self.contents.currentRow())]

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            url = QUrl.fromLocalFile(str(self.pages[row].path))
            if self.browser.source() != url:
                self.browser.setSource(url)

    def _follow_link(self, url: QUrl) -> None:
        """A link inside a page moves the list too."""
        target = Path(url.toLocalFile()).resolve() if url.isLocalFile() else None
        for row, page in enumerate(self.pages):
            if page.path.resolve() == target:
                self.contents.setCurrentRow(row)

    def refresh_shortcuts(self) -> None:
        lines = [line.split("\t", 1) for line in self.shortcut_lines() if "\t" in line]
        self.shortcuts.setRowCount(len(lines))
        for row, (keys, action) in enumerate(lines):
            self.shortcuts.setItem(row, 0, QTableWidgetItem(keys))
            self.shortcuts.setItem(row, 1, QTableWidgetItem(action))
        self.shortcuts.resizeColumnToContents(0)

    # -- printing ---------------------------------------------------------------------------
    def printed_document(self) -> QTextDocument:
        """What 打印 prints: the page shown, or the shortcut list when that tab is open."""
        if self.tabs.currentIndex() == 0:
            return self.browser.document()
        rows = "".join(
            f"<tr><td>{escape(self.shortcuts.item(r, 0).text())}</td>"
            f"<td>{escape(self.shortcuts.item(r, 1).text())}</td></tr>"
            for r in range(self.shortcuts.rowCount())
        )
        document = QTextDocument(self)
        document.setDefaultFont(self.browser.font())
        document.setHtml(f"<h1>{SHORTCUTS_TITLE}</h1><table cellpadding='4' border='1' cellspacing='0'>"
                         f"<tr><th>快捷键</th><th>操作</th></tr>{rows}</table>")
        return document

    def print_to(self, printer: QPrinter) -> None:
        self.printed_document().print_(printer)

    def print_preview(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        title = self.current_page().title if self.tabs.currentIndex() == 0 else SHORTCUTS_TITLE
        printer.setDocName(title)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(f"打印预览 — {title}")
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.paintRequested.connect(self.print_to)
        dialog.exec()
