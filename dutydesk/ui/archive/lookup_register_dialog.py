"""The lookup register (查阅登记簿, A02) for directors: read-only, exportable, never editable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from dutydesk.desk import Desk
from dutydesk.reports.archive_ledgers import approval_text, lookup_register_ledger, retention_text
from dutydesk.reports.ledger import ExportCancelled, write_ledger
from dutydesk.store.archive.lookup_register import LookupEntry, register_page
from dutydesk.store.privacy import log_export, mask_numbers
from dutydesk.store.search_index import kinds
from dutydesk.ui.background import Cancelled, run_with_progress
from dutydesk.ui.forms import date_edit
from dutydesk.ui.record_list import RecordListDialog

HEADERS = ("查阅时间", "查阅人", "检索内容", "记录类型", "保管期限", "查阅记录", "查阅原因", "批准人", "批准方式")


def _cell(entry: LookupEntry, column: int) -> str:
    # V09: the query, title and reason may quote a resident's number: masked, as in the export
    values = (f"{entry.opened_at:%Y-%m-%d %H:%M}", entry.opened_by, mask_numbers(entry.query),
              kinds().get(entry.kind, entry.kind), retention_text(entry), mask_numbers(entry.title),
              mask_numbers(entry.reason), entry.approved_by, approval_text(entry))
    return values[column]


class LookupRegisterDialog(RecordListDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, "档案查阅登记簿", 1100, 560, parent)
        today = desk.today()
        self.start = self.add_filter("开始日期", date_edit(dt.date(today.year, 1, 1)))
        self.end = self.add_filter("结束日期", date_edit(today))
        self.show_records("查阅登记", HEADERS, _cell, actions=[("导出登记簿", self.export)],
                          note="登记簿由系统自动记录，不能修改或删除。")

    def period(self) -> tuple[dt.date, dt.date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def fetch(self, offset: int, limit: int) -> list[LookupEntry]:
        start, end = self.period()
        return register_page(offset, limit, start, end)

    def ask_path(self) -> Path | None:
        start, end = self.period()
        name = f"档案查阅登记簿_{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
        chosen, _ = QFileDialog.getSaveFileName(self, "导出登记簿", str(Path.home() / name), "Excel 文件 (*.xlsx)")
        return Path(chosen) if chosen else None

    def export(self) -> None:
        path = self.ask_path()
        if path is None:
            return
        start, end = self.period()
        desk = self.desk
        ledger = lookup_register_ledger(start, end, desk.today())

        def work(report, cancelled):
            def progress(done: int) -> None:
                report(done, ledger.row_count or 0)
                if cancelled():
                    raise ExportCancelled()

            return write_ledger(ledger, path, "xlsx", progress)

        try:
            written = run_with_progress(self, "正在导出登记簿…", work)
        except (ExportCancelled, Cancelled):
            return
        log_export(desk.who, desk.now(), "档案查阅登记簿", path=str(written))
        QMessageBox.information(self, "导出完成", f"已导出到：{written}")


def show_lookup_register(desk: Desk, parent: QWidget) -> None:
    if not (desk.account and desk.account.is_director):
        QMessageBox.warning(parent, "无权查看", "查阅登记簿仅主任可查看和导出。")
        return
    LookupRegisterDialog(desk, parent).exec()
