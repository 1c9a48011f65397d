"""The audit trail viewer (A03): every create, update and void, for directors."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget

from dutydesk.desk import Desk
from dutydesk.domain.labels import label
from dutydesk.store.archive.audit_query import (
    AuditFilter,
    audit_accounts,
    audit_page,
    audited_tables,
)
from dutydesk.store.archive.record_view import display_value, field_label, record_number, table_label
from dutydesk.store.privacy import mask_numbers
from dutydesk.ui.forms import date_edit
from dutydesk.ui.record_list import RecordListDialog

HEADERS = ("时间", "账户", "表", "记录号", "操作", "字段", "原值", "新值", "原因")
ALL = "全部"


def _cell(entry, column: int) -> str:
    # V09: old and new values quote residents' numbers (a phone, an ID, a request); the trail is
    # read for who changed what, so they are masked here as on every other screen.
    values = (
        f"{entry.at:%Y-%m-%d %H:%M:%S}", entry.account, table_label(entry.table_name),
        record_number(entry.table_name, entry.record_id),
        label("audit_action", entry.action), field_label(entry.table_name, entry.field) if entry.field else "",
        mask_numbers(display_value(entry.table_name, entry.field or "", entry.old_value)) if entry.old_value else "",
        mask_numbers(display_value(entry.table_name, entry.field or "", entry.new_value)) if entry.new_value else "",
        mask_numbers(entry.reason or ""),
    )
    return values[column]


class AuditViewer(RecordListDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, "审计记录", 1100, 600, parent)
        self.table_box = self.add_filter("数据表", _choices(audited_tables(), table_label))
        self.account_box = self.add_filter("账户", _choices(audit_accounts()))
        today = desk.today()
        self.start = self.add_filter("开始日期", date_edit(dt.date(today.year - 1, today.month, 1)))
        self.end = self.add_filter("结束日期", date_edit(today))
        self.show_records("审计记录", HEADERS, _cell)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            table_name=self.table_box.currentData() or "",
            account=self.account_box.currentData() or "",
            start=self.start.date().toPython(),
            end=self.end.date().toPython(),
        )

    def fetch(self, offset: int, limit: int):
        return audit_page(self.current_filter(), offset, limit)


def _choices(names, shown=str) -> QComboBox:
    """全部 first, then each name as staff read it (data: the name, or "" for all)."""
    box = QComboBox()
    box.addItem(ALL, "")
    for name in names:
        box.addItem(shown(name), name)
    return box


def show_audit_viewer(desk: Desk, parent: QWidget) -> None:
    if not (desk.account and desk.account.is_director):
        QMessageBox.warning(parent, "无权查看", "审计记录仅主任或管理员可查看。")
        return
    AuditViewer(desk, parent).exec()
