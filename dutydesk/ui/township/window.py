"""The township's main window (``dutydesk --township``, issue 16 point 3): its own tabs over the
villages' months, read through a ``months_loader`` (the township store's ``village_months``).

``dutydesk --township`` (``app.run_township_gui``) passes the township's books' loader, name and
day, and the books themselves (``books``) for the actions of ``township_actions``. The tabs show
counts and statuses; 查看村级记录 (F3, or double click / Enter on a village's month) opens that
village's own records read-only, masked as on the desk (V09).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from dutydesk.reports.ledgers.registry import Period
from dutydesk.township.summary import MonthsLoader
from dutydesk.township.village_month import NOT_SUBMITTED, VillageMonth
from dutydesk.ui.forms import button_row, message_label, push_button
from dutydesk.ui.screen_fit import PageScroll, fitted_size, should_maximise
from dutydesk.ui.theme import OVERDUE_RED
from dutydesk.ui.township.submissions_page import Flags, SubmissionsPage
from dutydesk.ui.township.summary_page import SummaryPage

SUBMISSIONS = "报送情况"
SUMMARY = "汇总"
TOWNSHIP_TABS = (SUBMISSIONS, SUMMARY)  # the titles the user guide's township pages name
RECORDS_SHORTCUT = "F3"


class TownshipWindow(QMainWindow):
    def __init__(self, loader: MonthsLoader, township: str, today: dt.date, flags: Flags | None = None,
                 parent: QWidget | None = None, books=None) -> None:
        super().__init__(parent)
        self.loader = loader
        self.setWindowTitle(f"值班台（镇级汇总）— {township}" if township else "值班台（镇级汇总）")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("镇级页签")
        extra = {"flags": flags} if flags is not None else {}
        self.submissions = SubmissionsPage(loader, today, **extra)
        self.summary = SummaryPage(loader, township, today)
        self.tabs.addTab(PageScroll(self.submissions), SUBMISSIONS)
        self.tabs.addTab(PageScroll(self.summary), SUMMARY)
        self.records_button = push_button(f"查看村级记录 ({RECORDS_SHORTCUT})", self.open_records)
        shortcut = QAction("查看村级记录", self)
        shortcut.setShortcut(QKeySequence(RECORDS_SHORTCUT))
        shortcut.triggered.connect(self.open_records)
        self.addAction(shortcut)
        self.records_button.setToolTip("只读查看所选村（社区）该月报送的来访、代办、值班和走访记录")
        self.records_message = message_label("查看村级记录提示")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.tabs, 1)
        row = button_row(self.records_button, at_left=True)
        row.insertWidget(1, self.records_message, 1)
        layout.addLayout(row)
        self.setCentralWidget(central)
        for page in (self.submissions, self.summary):
            page.open_requested.connect(self.open_records)
        self.tabs.currentChanged.connect(lambda _index: self.records_message.setText(""))
        # Like the desk's main window: the whole screen on the office's laptops and old monitors
        # (the status line and the buttons never below its edge), elsewhere a size clamped to it.
        self.resize(fitted_size(QSize(1200, 760), self))
        if should_maximise(self):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        self.guide = None
        QShortcut(QKeySequence("F1"), self, self.show_guide)
        self.township_actions = None
        if books is not None:  # the township's open books: import, review, package (township_actions)
            from dutydesk.ui.township.township_actions import TownshipActions

            self.township_actions = TownshipActions(self, books)

    def shortcut_lines(self) -> list[str]:
        lines = ["F1\t使用说明", f"{RECORDS_SHORTCUT}\t查看村级记录"]
        if self.township_actions is not None:
            lines += [f"{a.shortcut().toString()}\t{a.text().rstrip('…')}"
                      for a in (self.township_actions.import_action, self.township_actions.package_action)]
        return lines

    def show_guide(self) -> None:
        """F1: the township's pages of the user guide, on the tab shown."""
        from dutydesk.ui.help.guide_window import GuideWindow

        if self.guide is None:
            self.guide = GuideWindow(self.shortcut_lines, self, tab_order=TOWNSHIP_TABS, app="township")
        self.guide.show_for_tab(self.tabs.tabText(self.tabs.currentIndex()))

    def chosen(self) -> tuple[str, Period] | None:
        page = self.submissions if self.tabs.currentIndex() == 0 else self.summary
        return page.chosen()

    def chosen_month(self) -> VillageMonth | None:
        """The village's month selected on the tab shown, as the loader gives it."""
        chosen = self.chosen()
        if chosen is None:
            return None
        code, period = chosen
        return next((m for m in self.loader(period.slug) if m.code == code), None)

    def open_records(self) -> None:
        from dutydesk.ui.township.village_records_dialog import VillageRecordsDialog

        if self.chosen() is None:
            self._say("请先在表中选中一个村（社区）的月份，再查看村级记录。")
            return
        month = self.chosen_month()
        if month is None or month.status == NOT_SUBMITTED:
            self._say("所选村（社区）该月未报送数据包，没有可查看的记录。")
            return
        self.records_message.setText("")
        VillageRecordsDialog(month, self).exec()

    def _say(self, text: str) -> None:
        self.records_message.setText(text)
        self.records_message.setStyleSheet(f"color: {OVERDUE_RED};")
