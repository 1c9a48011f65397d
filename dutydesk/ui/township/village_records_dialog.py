"""村级记录: a village's month read-only at the township (issue 16 point 6), one page per kind of
record (来访登记, 跟进与反馈, 代办, 代办环节, 值班, 考勤统计, 入户走访), masked as on the desk.

The rows are ``township.village_records``' display text; nothing here can change them: the table
models are read-only (no cell is editable) and the views accept no edit trigger.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QDialog, QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.reports.ledgers.registry import Period
from dutydesk.township.summary import township_calendar
from dutydesk.township.village_month import NOT_SUBMITTED, STATUS_LABELS, VillageMonth
from dutydesk.township.village_records import RecordTable, catalogue_names, village_records
from dutydesk.ui.forms import button_row, push_button
from dutydesk.ui.lazy_table import LazyTableModel
from dutydesk.ui.record_list import read_only

NOTE = "只读查看：村（社区）报送的记录，不能修改；电话和身份证号已打码。"


def _model(table: RecordTable, parent: QWidget) -> LazyTableModel:
    rows = table.rows
    model = LazyTableModel(table.headers, lambda offset, limit: rows[offset:offset + limit],
                           lambda row, column: row[column], parent)
    model.reload()
    return model


class VillageRecordsDialog(QDialog):
    def __init__(self, month: VillageMonth, parent: QWidget | None = None,
                 calendar: WorkdayCalendar | None = None, item_names: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.month = month
        period = Period.parse_month(month.period)
        self.setWindowTitle(f"村级记录 — {month.name} {period.text}")
        self.tables = village_records(month, calendar or township_calendar(),
                                      catalogue_names() if item_names is None else item_names)
        self._build(period)
        self.resize(1100, 640)

    def _build(self, period: Period) -> None:
        layout = QVBoxLayout(self)
        status = STATUS_LABELS.get(self.month.status, "")
        heading = QLabel(f"{self.month.name}　{period.text}　{status}")
        heading.setAccessibleName("村级记录标题")
        layout.addWidget(heading)
        note = QLabel(NOTE if self.month.status != NOT_SUBMITTED else "该月未报送数据包，没有可查看的记录。")
        note.setAccessibleName("村级记录说明")
        note.setProperty("role", "hint")
        layout.addWidget(note)
        self.pages = QTabWidget()
        self.pages.setAccessibleName("村级记录页签")
        for table in self.tables:
            view = read_only(QTableView(), table.title)
            view.setModel(_model(table, view))
            view.setWordWrap(False)
            view.resizeColumnsToContents()
            self.pages.addTab(view, f"{table.title}（{len(table.rows)}）")
        layout.addWidget(self.pages, 1)
        layout.addLayout(button_row(push_button("关闭", self.accept)))

    def view(self, title: str) -> QTableView:
        """The page named ``title`` (来访登记, 代办 …)."""
        found = [v for v in self.findChildren(QTableView) if v.accessibleName() == title]
        return found[0]
