"""The register view: filters over a lazily fetched table of visits (stays quick at a million rows).

The model asks the store for one page at a time (keyset paging) when the view scrolls near the
end (``canFetchMore``/``fetchMore``); nothing loads the whole register.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain import visit_rules as rules
from dutydesk.domain.calendar_years import deadline_text
from dutydesk.store.privacy import mask_numbers
from dutydesk.store.visits.visit_queries import VisitFilter, VisitRow, visit_page
from dutydesk.ui.forms import date_edit, push_button
from dutydesk.ui.lazy_tabs import turn_timer
from dutydesk.ui.page_loader import loading_in_background
from dutydesk.ui.theme import DUE_AMBER, OK_GREEN, OVERDUE_RED
from dutydesk.ui.visits.register_table import RegisterTable

COLUMNS = ("编号", "来访时间", "方式", "姓名", "类别", "诉求内容", "首问责任人", "处理方式", "承诺期限", "状态")
SIZING_ROWS = 30  # columns are sized from the first rows (and those on screen), not every one loaded
PAGE = 100  # a page as the view scrolls (issue 17: 200 rows took a noticeable pause on ten years of books)
URGENCY_COLOURS = {rules.URGENCY_OVERDUE: OVERDUE_RED, rules.URGENCY_DUE_SOON: DUE_AMBER}

_Index = QModelIndex | QPersistentModelIndex


def status_text(row: VisitRow) -> str:
    v = row.visit
    if v.voided_at is not None:
        return "已作废"
    if v.closed_at is not None:
        return "已关闭（未反馈）"
    text = v.status_label
    if row.urgency in (rules.URGENCY_OVERDUE, rules.URGENCY_DUE_SOON, rules.URGENCY_PAUSED):
        text += "·" + rules.URGENCY_LABELS[row.urgency]
    return text


# One row as the list keeps it: a plain tuple of plain values (issue 17). Scrolling 1M-visit books
# to the end holds hundreds of thousands of rows; as full visits (a dict and a set each) every full
# garbage collection walked them all, up to a second with the window frozen. A plain tuple of
# strings, numbers and times is left out of the collector (a named tuple, a subclass, never is).
_Line = tuple  # (id, received_at, voided, fed_back, urgency, cells)
_ID, _RECEIVED_AT, _VOIDED, _FED_BACK, _URGENCY, _CELLS = range(6)


class VisitTableModel(QAbstractTableModel):
    def __init__(self, desk: Desk, parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.filter = VisitFilter()
        self.rows: list[_Line] = []
        # Nothing to read before ``set_filter``: a view laid out first (built in idle time) would
        # otherwise fetch a page with no filter, read in vain in the GUI thread (issue 17).
        self._exhausted = True

    def set_filter(self, f: VisitFilter) -> None:
        self.beginResetModel()
        self.filter = f
        self.rows = []
        self._exhausted = False
        self._calendar = self.desk.calendar()
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def reload(self) -> None:
        self.set_filter(self.filter)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid() or self._exhausted:
            return
        after = None
        if self.rows:
            last = self.rows[-1]
            after = (last[_RECEIVED_AT], last[_ID])
        if not hasattr(self, "_calendar"):
            self._calendar = self.desk.calendar()
        page = visit_page(self.filter, self._calendar, self.desk.today(), after, PAGE)
        if len(page) < PAGE or self.filter.overdue_only:
            self._exhausted = True
        if not page:
            return
        lines = [self._line(row) for row in page]
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(lines) - 1)
        self.rows.extend(lines)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return line[_CELLS][col]
        if role == Qt.ItemDataRole.ForegroundRole and col in (8, 9):
            colour = URGENCY_COLOURS.get(line[_URGENCY])
            if line[_VOIDED]:
                return QColor("#888888")
            if colour:
                return QColor(colour)
            if col == 9 and line[_FED_BACK]:
                return QColor(OK_GREEN)
        if role == Qt.ItemDataRole.UserRole:
            return line[_ID]
        return None

    def _line(self, row: VisitRow) -> _Line:
        """The row's texts, worked out once when its page arrives: painting and sizing columns ask
        for every cell again."""
        v = row.visit
        request = mask_numbers(" ".join(v.request.split()))  # before cutting: no part of a number (V09)
        cells = (
            v.ref, f"{v.received_at:%Y-%m-%d %H:%M}", v.channel, v.person_name, v.category,
            request if len(request) <= 30 else request[:29] + "…", v.responder_name, v.outcome,
            deadline_text(row.due, self._calendar) if row.due else "", status_text(row),
        )
        return (v.id, v.received_at, v.voided_at is not None, v.status == rules.FED_BACK, row.urgency, cells)

    def visit_id(self, row: int) -> int:
        return self.rows[row][_ID]


class VisitListView(QWidget):
    """Filters and the table; ``open_visit(id)`` is emitted when a row is opened."""

    open_visit = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        today = desk.today()
        self.start = date_edit(today - dt.timedelta(days=90), "起始日期")
        self.end = date_edit(today, "截止日期")
        self.status = QComboBox()
        self.status.addItem("全部状态", "")
        for key, label in rules.STATUS_LABELS.items():
            self.status.addItem(label, key)
        self.status.setAccessibleName("状态")
        self.category = QComboBox()
        self.category.addItems(["全部类别", *rules.CATEGORIES])
        self.category.setAccessibleName("类别")
        self.channel = QComboBox()
        self.channel.addItems(["全部方式", *rules.CHANNELS])
        self.channel.setAccessibleName("方式")
        self.responder = QLineEdit()
        self.responder.setPlaceholderText("首问责任人")
        self.responder.setAccessibleName("首问责任人")
        self.overdue = QCheckBox("只看超期")
        self.overdue.setAccessibleName("只看超期")
        self.apply_button = push_button("查询", self.apply)
        second = QHBoxLayout()
        for label, widget in (("从", self.start), ("到", self.end)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        # A02: the list holds daily work only (visit_queries.visit_page); say where the rest is.
        self.archive_hint = QLabel("往年已办结的记录请到“档案查询”查阅")
        self.archive_hint.setAccessibleName("档案提示")
        self.archive_hint.setToolTip("本列表显示今年的记录和所有未办结的事项；往年已办结或已归档的记录，"
                                     "须在“档案查询”中经批准并登记后查阅。")
        self.archive_hint.setProperty("role", "hint")
        self.archive_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens
        bar.addWidget(self.archive_hint, 1)  # the row's room after the dates (a stretch took it all: 0 px)
        third = QHBoxLayout()
        for widget in (self.status, self.category, self.channel):
            second.addWidget(widget)
        for widget in (self.responder, self.overdue, self.apply_button):
            third.addWidget(widget)
        for row in (second, third):
            row.addStretch(1)
        for row in (bar, second, third):
            layout.addLayout(row)
        for combo in (self.status, self.category, self.channel):
            combo.currentIndexChanged.connect(self.apply)
        self.overdue.toggled.connect(self.apply)
        self.responder.returnPressed.connect(self.apply)

        self.model = VisitTableModel(desk, self)
        self.table = RegisterTable()  # keeps room for whole rows on the desk PC's screen
        self.table.setAccessibleName("来访记录")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setResizeContentsPrecision(SIZING_ROWS)
        self.table.doubleClicked.connect(lambda index: self.open_visit.emit(self.model.visit_id(index.row())))
        self.table.activated.connect(lambda index: self.open_visit.emit(self.model.visit_id(index.row())))
        layout.addWidget(self.table)
        self._sized = False
        # Built in idle time (issue 17): its first page in a turn of its own, the columns sized to it
        # in the turn after (with the build, 12 + 18 + 13 ms in one turn: a singleShot(0) ran back to
        # back with it).
        self._sizing = turn_timer(self, self._size_columns)
        if loading_in_background():
            self._first_page = turn_timer(self, self.apply)
            self._first_page.start()
        else:
            self.apply()

    def current_filter(self) -> VisitFilter:
        return VisitFilter(
            start=self.start.date().toPython(),
            end=self.end.date().toPython(),
            status=self.status.currentData() or "",
            category="" if self.category.currentIndex() == 0 else self.category.currentText(),
            channel="" if self.channel.currentIndex() == 0 else self.channel.currentText(),
            responder=self.responder.text(),
            overdue_only=self.overdue.isChecked(),
        )

    def apply(self) -> None:
        self.model.set_filter(self.current_filter())
        if not self._sized and self.model.rowCount() > 0:
            if loading_in_background():
                self._sizing.start()
            else:
                self._size_columns()

    def _size_columns(self) -> None:
        if not self._sized and self.model.rowCount() > 0:
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(5, max(self.table.columnWidth(5), 220))
            self._sized = True

    def refresh(self) -> None:
        # A registration made today must show even when the view was opened yesterday.
        if self.end.date().toPython() < self.desk.today():
            self.end.setDate(QDate(self.desk.today()))
        self.apply()
