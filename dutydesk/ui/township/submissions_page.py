"""报送情况: which village handed in which month, and what to look at (issue 16 points 3 and 5).

A village × month grid over the last months up to the one chosen: each cell the month's status in
Chinese (已报送 / 未报送 / 已退回 / 已审核) and the flags of ``township.month_flags`` under it,
coloured as the desk colours deadlines (green approved, amber returned, red not handed in).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from dutydesk.reports.ledgers.registry import Period
from dutydesk.township.month_flags import month_flags
from dutydesk.township.summary import MonthsLoader, township_calendar, village_figures
from dutydesk.township.village_month import APPROVED, NOT_SUBMITTED, RETURNED, STATUS_LABELS, VillageMonth
from dutydesk.ui.forms import message_label
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.record_list import read_only
from dutydesk.ui.theme import DUE_AMBER, OK_GREEN, OVERDUE_RED

MONTHS_SHOWN = 6
COLOURS = {APPROVED: OK_GREEN, RETURNED: DUE_AMBER, NOT_SUBMITTED: OVERDUE_RED}
Flags = Callable[..., list[str]]


def month_edit(day: dt.date, name: str) -> QDateEdit:
    """A month chooser shown as 2026年11月."""
    edit = QDateEdit(QDate(day.year, day.month, 1))
    edit.setAccessibleName(name)
    edit.setDisplayFormat("yyyy年MM月")
    return edit


def chosen_period(edit: QDateEdit) -> Period:
    date = edit.date()
    return Period.month(date.year(), date.month())


def last_full_month(today: dt.date) -> dt.date:
    return today.replace(day=1) - dt.timedelta(days=1)


class SubmissionsPage(QWidget):
    open_requested = Signal()  # a village's month opened (double click or Enter): 查看村级记录

    def __init__(self, loader: MonthsLoader, today: dt.date, flags: Flags = month_flags,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loader, self.flags = loader, flags
        self.loading = PageLoader(self)  # the villages' months are read off the GUI thread once the app runs
        self.codes: list[str] = []  # each row's village and each column's month, once shown
        self.shown: list[Period] = []
        self._build(last_full_month(today))
        self.month.dateChanged.connect(lambda _date: self.refresh())
        self.grid.activated.connect(lambda _index: self.open_requested.emit())
        self.refresh()

    def _build(self, month: dt.date) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("截至月份："))
        self.month = month_edit(month, "截至月份")
        row.addWidget(self.month)
        row.addStretch(1)
        layout.addLayout(row)
        self.grid = read_only(QTableWidget(), "报送情况表")
        self.grid.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectItems)
        self.grid.setWordWrap(True)
        layout.addWidget(self.grid, 1)
        self.summary = message_label("报送小结")
        layout.addWidget(self.summary)

    def periods(self) -> list[Period]:
        periods = [chosen_period(self.month)]
        while len(periods) < MONTHS_SHOWN:
            periods.append(periods[-1].previous_month())
        return list(reversed(periods))

    def refresh(self) -> None:
        periods = self.periods()
        self.loading.load(lambda: self._read(periods), self._show)

    def _read(self, periods: list[Period]) -> tuple[list[Period], dict, dict[str, str]]:
        """Every village's status and flags in ``periods`` (no widgets: may run in a worker)."""
        calendar = township_calendar()
        cells: dict[tuple[str, str], tuple[str, str, list[str]]] = {}
        names: dict[str, str] = {}
        for period in periods:
            for month in self.loader(period.slug):
                names[month.code] = month.name
                cells[(month.code, period.slug)] = self._cell(month, calendar)
        return periods, cells, names

    def _show(self, read: tuple[list[Period], dict, dict[str, str]]) -> None:
        periods, cells, names = read
        codes = sorted(names)
        self.codes, self.shown = codes, periods  # what each row and column is (the review actions)
        self.grid.clear()
        self.grid.setRowCount(len(codes))
        self.grid.setColumnCount(len(periods) + 1)
        self.grid.setHorizontalHeaderLabels(["村（社区）", *[p.text for p in periods]])
        for row, code in enumerate(codes):
            name = QTableWidgetItem(names[code])
            name.setData(Qt.ItemDataRole.UserRole, code)
            self.grid.setItem(row, 0, name)
            for column, period in enumerate(periods, start=1):
                status, label, flags = cells.get((code, period.slug), (NOT_SUBMITTED, STATUS_LABELS[NOT_SUBMITTED], []))
                item = QTableWidgetItem("\n".join([label, *flags]))
                if status in COLOURS:
                    item.setForeground(QBrush(QColor(COLOURS[status])))
                if flags:
                    item.setToolTip("；".join(flags))
                self.grid.setItem(row, column, item)
        self.grid.resizeColumnsToContents()
        self.grid.resizeRowsToContents()
        last = periods[-1].slug
        handed = sum(1 for code in codes if cells.get((code, last), (NOT_SUBMITTED,))[0] != NOT_SUBMITTED)
        self.summary.setText(f"{periods[-1].text}：共{len(codes)}个村（社区），已报送{handed}个，"
                             f"未报送{len(codes) - handed}个。" if codes else "还没有村（社区）报送数据包。")

    def chosen(self) -> tuple[str, Period] | None:
        """The village and month of the selected cell (its latest month when the name is chosen)."""
        index = self.grid.currentIndex()
        if not index.isValid():
            return None
        code = self.grid.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        periods = self.periods()
        return code, periods[index.column() - 1] if index.column() > 0 else periods[-1]

    def _cell(self, month: VillageMonth, calendar) -> tuple[str, str, list[str]]:
        figures = village_figures(month, calendar)
        return month.status, STATUS_LABELS.get(month.status, ""), self.flags(month, figures)

    def cell(self, village: str, period: Period) -> QTableWidgetItem:
        """The grid's cell for ``village`` in ``period`` (what the user reads there)."""
        headers = [self.grid.horizontalHeaderItem(c).text() for c in range(self.grid.columnCount())]
        rows = [r for r in range(self.grid.rowCount()) if self.grid.item(r, 0).text() == village]
        return self.grid.item(rows[0], headers.index(period.text))

