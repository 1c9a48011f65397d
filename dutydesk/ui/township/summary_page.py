"""汇总: the 镇级汇总表 on screen (issue 16 point 6), one row per village with the township's
totals, the key figures against last month, and 导出Excel / 导出PDF writing the same table the
CLI writes (``township.summary_ledger``), in a worker thread behind a progress dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dutydesk.reports.ledger.model import format_cell
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.faults import plain_message
from dutydesk.township.summary import MonthsLoader, TownshipSummary, VillageFigures, township_summary
from dutydesk.ui.background import run_with_progress
from dutydesk.ui.forms import button_row, message_label, push_button
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.record_list import read_only
from dutydesk.ui.theme import OK_GREEN, OVERDUE_RED
from dutydesk.ui.township.submissions_page import chosen_period, last_full_month, month_edit

COLUMNS = (("村（社区）", "text"), ("报送情况", "text"), ("受理", "int"), ("办结", "int"),
           ("按期办结率", "percent"), ("超期", "int"), ("满意率", "percent"), ("代办受理", "int"),
           ("代办办结", "int"), ("缺勤（次）", "int"), ("处罚及连带（元）", "int"), ("入户走访（次）", "int"),
           ("走访任务完成率", "percent"), ("上月受理", "int"))
FILTERS = {"xlsx": "Excel 文件 (*.xlsx)", "pdf": "PDF 文件 (*.pdf)"}
PathChooser = Callable[[QWidget, str, str, str], str]


def ask_save_path(parent: QWidget, title: str, proposed: str, name_filter: str) -> str:
    return QFileDialog.getSaveFileName(parent, title, proposed, name_filter)[0]


def _row(v: VillageFigures, last: VillageFigures | None) -> list[object]:
    last_visits = last.visits if last is not None and last.submitted else None
    if not v.submitted:
        return [v.name, v.status_label, *[None] * (len(COLUMNS) - 3), last_visits]
    return [v.name, v.status_label, v.visits, v.completed, v.on_time_rate, v.overdue, v.satisfaction_rate,
            v.proxy_opened, v.proxy_closed, v.absences, v.total_penalty, v.household_visits, v.quota_rate, last_visits]


class SummaryPage(QWidget):
    open_requested = Signal()  # a village's row opened (double click or Enter): 查看村级记录

    def __init__(self, loader: MonthsLoader, township: str, today: dt.date, parent: QWidget | None = None,
                 choose_path: PathChooser = ask_save_path) -> None:
        super().__init__(parent)
        self.loader, self.township, self.today = loader, township, today
        self.choose_path = choose_path
        self.summary: TownshipSummary | None = None
        self.loading = PageLoader(self)
        self._build(last_full_month(today))
        self.month.dateChanged.connect(lambda _date: self.refresh())
        self.table.activated.connect(lambda _index: self.open_requested.emit())
        self.refresh()

    def _build(self, month: dt.date) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("月份："))
        self.month = month_edit(month, "月份")
        row.addWidget(self.month)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = read_only(QTableWidget(), "各村汇总表")
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel("全镇主要指标（与上月对比）："))
        self.key_table = read_only(QTableWidget(), "全镇主要指标")
        layout.addWidget(self.key_table, 2)
        self.message = message_label("导出结果")
        layout.addWidget(self.message)
        self.xlsx_button = push_button("导出Excel", lambda: self.export("xlsx"), primary=True)
        self.pdf_button = push_button("导出PDF", lambda: self.export("pdf"))
        layout.addLayout(button_row(self.xlsx_button, self.pdf_button))

    def refresh(self) -> None:
        period = chosen_period(self.month)  # the summary (twelve months of every village) is read
        self.loading.load(lambda: township_summary(period, self.loader), self._show)  # off the GUI thread

    def _show(self, summary: TownshipSummary) -> None:
        from dutydesk.township.summary_ledger import key_rows

        self.summary = summary
        keys = key_rows(self.summary)
        self._fill(self.key_table, ["指标", "本月", "上月", "增减"], [list(r) for r in keys])
        rows = [_row(v, self.summary.last_month_of(v.code)) for v in self.summary.villages]
        rows.append(_row(self.summary.total, self.summary.last.total))
        kinds = [kind for _header, kind in COLUMNS]
        self._fill(self.table, [header for header, _kind in COLUMNS],
                   [[format_cell(value, kind) for value, kind in zip(r, kinds, strict=True)] for r in rows])
        for r, village in enumerate(self.summary.villages):  # the totals row (last) has no village
            self.table.item(r, 0).setData(Qt.ItemDataRole.UserRole, village.code)
        bold = self.table.font()
        bold.setBold(True)
        for column in range(self.table.columnCount()):  # the township's totals row
            self.table.item(self.table.rowCount() - 1, column).setFont(bold)
        self.xlsx_button.setEnabled(bool(self.summary.villages))
        self.pdf_button.setEnabled(bool(self.summary.villages))

    def chosen(self) -> tuple[str, Period] | None:
        """The village of the selected row and the month shown (None on the township's totals)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        code = self.table.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        return (code, chosen_period(self.month)) if code else None

    @staticmethod
    def _fill(table: QTableWidget, headers: list[str], rows: list[list]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels(headers)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(str(value)))
        table.resizeColumnsToContents()

    def export(self, fmt: str) -> Path | None:
        """Ask where, then write the summary; the result (or a plain Chinese fault) shows below."""
        from dutydesk.township.summary_ledger import file_name, write_summary

        summary = self.summary
        if summary is None or not summary.villages:
            return None
        chosen = self.choose_path(self, "导出镇级汇总表", file_name(self.township, summary.period.slug, fmt),
                                  FILTERS[fmt])
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() != f".{fmt}":
            out = out.with_name(f"{out.name}.{fmt}")
        try:
            run_with_progress(self, "正在导出镇级汇总表…",
                              lambda report, cancelled: write_summary(summary, self.township, self.today, out, fmt))
        except Exception as exc:  # a fault the user can act on (full disk, file open in WPS)
            message = plain_message(exc)
            if message is None:
                raise
            self._say(f"导出失败：{message}", OVERDUE_RED)
            return None
        self._say(f"已导出{summary.period.text}镇级汇总表：{out}", OK_GREEN)
        return out

    def _say(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};")
