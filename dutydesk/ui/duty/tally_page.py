"""考勤统计 page: the monthly attendance tally with penalties and half-year totals (D14), exported as
the official 月度考勤统计表 ledger (the same file the USB hand-off writes)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.domain.attendance import LEAVE_TYPES
from dutydesk.domain.tally import TallyRow
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.reports.ledgers.attendance_tally import tally_row
from dutydesk.store.duty.tally import month_tally
from dutydesk.ui.duty.background import run_in_background
from dutydesk.ui.duty.common import show_message, table_view
from dutydesk.ui.duty.table_model import PagedTableModel, list_source
from dutydesk.ui.forms import message_label, push_button
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.theme import OVERDUE_RED

# The on-screen column titles (shorter than the ledger's); the cells are the ledger's own row.
TALLY_HEADERS: list[str] = [
    "姓名", "职务", "应值班次", "实到", "迟到", "早退", "缺勤", *LEAVE_TYPES,
    "替他人值班", "由他人替班", "查实次数", "处罚(元)", "连带责任(元)", "半年累计次数", "半年累计金额(元)", "处理意见",
    "停签后签到", "代签", "事后补假", "上报提示", "超假", "未销假",
]


class TallyPage(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("统计月份："))
        self.month = QDateEdit()
        self.month.setAccessibleName("统计月份")
        self.month.setDisplayFormat("yyyy年MM月")
        today = desk.today()
        self.month.setDate(QDate(today.year, today.month, 1))
        top.addWidget(self.month)
        self.export_xlsx_button = push_button("导出Excel", lambda: self.export("xlsx"))
        self.export_pdf_button = push_button("导出PDF", lambda: self.export("pdf"))
        top.addWidget(self.export_xlsx_button)
        top.addWidget(self.export_pdf_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setAccessibleName("统计说明")
        layout.addWidget(self.summary)
        self.loader = PageLoader(self)  # a year of books is read for a month's tally: off the GUI thread
        self._tally: list[TallyRow] = []
        self._say_counting()
        # Issue 17: once the app runs, the wide table a turn after the page's top, and the month's
        # reading a turn later still: its worker then shares the interpreter with an idle window.
        self.steps = StagedBuild(lambda: self._build_table(layout), self.refresh)
        self.steps.start(self)

    def _build_table(self, layout: QVBoxLayout) -> None:
        self.model = PagedTableModel(TALLY_HEADERS, list_source(lambda: self._tally), tally_row,
                                     lambda r: OVERDUE_RED if r.flag or r.absent or r.report_flag else None,
                                     TALLY_HEADERS.index("处理意见"))
        self.table = table_view("考勤统计表")
        self.table.setModel(self.model)
        layout.addWidget(self.table)
        self.message = message_label("导出结果")
        layout.addWidget(self.message)
        self.month.dateChanged.connect(lambda _d: self.refresh())

    @property
    def year_month(self) -> tuple[int, int]:
        d = self.month.date()
        return d.year(), d.month()

    def _say_counting(self) -> None:
        year, month = self.year_month
        self.summary.setText(f"正在统计{year}年{month}月考勤…")

    def refresh(self) -> None:
        self.steps.complete()  # asked before the page is through building: finish it first
        year, month = self.year_month
        now = self.desk.now()
        self._say_counting()
        self.loader.load(lambda: month_tally(year, month, now), lambda rows: self._show(year, month, rows))

    def _show(self, year: int, month: int, rows: list[TallyRow]) -> None:
        self._tally = rows
        self.model.reload()
        first_half = "上半年" if month <= 6 else "下半年"
        self.summary.setText(f"{year}年{month}月考勤统计（处罚按当月有效的标准计算；半年累计为{year}年{first_half}至本月）")

    def ask_path(self, suffix: str) -> Path | None:
        year, month = self.year_month
        default = str(Path.home() / f"考勤统计_{year}年{month:02d}月.{suffix}")
        name, _ = QFileDialog.getSaveFileName(self, "导出考勤统计", default, f"*.{suffix}")
        return Path(name) if name else None

    def export(self, suffix: str) -> None:
        path = self.ask_path(suffix)
        if path is None:
            return
        year, month = self.year_month
        # Built here (it reads the books on this thread's connection); only the writing is slow.
        ledger = LEDGERS["attendance"].make(self.desk, Period.month(year, month))

        def work(progress) -> Path:
            progress(50)
            return write_ledger(ledger, path, suffix)

        result = run_in_background(self, "正在导出考勤统计…", work)
        if result.error:
            show_message(self.message, f"导出失败：{result.error}", ok=False)
        elif result.cancelled:
            show_message(self.message, "已取消导出", ok=False)
        else:
            show_message(self.message, f"已导出：{path}", ok=True)
