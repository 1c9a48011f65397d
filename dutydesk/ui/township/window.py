"""The township's main window (``dutydesk --township``, issue 16 point 3): its own tabs over the
villages' months, read through a ``months_loader`` (the township store's ``village_months``).

``dutydesk --township`` (``app.run_township_gui``) passes the township's books' loader, name and
day, and the books themselves (``books``) for the actions of ``township_actions``; everything
shown here is counts and statuses (no resident's data, V09).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from dutydesk.township.summary import MonthsLoader
from dutydesk.ui.screen_fit import PageScroll
from dutydesk.ui.township.submissions_page import Flags, SubmissionsPage
from dutydesk.ui.township.summary_page import SummaryPage

SUBMISSIONS = "报送情况"
SUMMARY = "汇总"
TOWNSHIP_TABS = (SUBMISSIONS, SUMMARY)  # the titles the user guide's township pages name


class TownshipWindow(QMainWindow):
    def __init__(self, loader: MonthsLoader, township: str, today: dt.date, flags: Flags | None = None,
                 parent: QWidget | None = None, books=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"值班台（镇级汇总）— {township}" if township else "值班台（镇级汇总）")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("镇级页签")
        extra = {"flags": flags} if flags is not None else {}
        self.submissions = SubmissionsPage(loader, today, **extra)
        self.summary = SummaryPage(loader, township, today)
        self.tabs.addTab(PageScroll(self.submissions), SUBMISSIONS)
        self.tabs.addTab(PageScroll(self.summary), SUMMARY)
        self.setCentralWidget(self.tabs)
        self.resize(1200, 760)
        self.guide = None
        QShortcut(QKeySequence("F1"), self, self.show_guide)
        self.township_actions = None
        if books is not None:  # the township's open books: import, review, package (township_actions)
            from dutydesk.ui.township.township_actions import TownshipActions

            self.township_actions = TownshipActions(self, books)

    def shortcut_lines(self) -> list[str]:
        lines = ["F1\t使用说明"]
        if self.township_actions is not None:
            lines += [f"{a.shortcut().toString()}\t{a.text().rstrip('…')}"
                      for a in (self.township_actions.import_action, self.township_actions.package_action)]
        return lines

    def show_guide(self) -> None:
        """F1: the township's pages of the user guide, on the tab shown."""
        from dutydesk.ui.help.guide_window import GuideWindow

        if self.guide is None:
            self.guide = GuideWindow(self.shortcut_lines, self, tab_order=TOWNSHIP_TABS)
        self.guide.show_for_tab(self.tabs.tabText(self.tabs.currentIndex()))
