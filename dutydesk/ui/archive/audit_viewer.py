"""The audit trail viewer (A03): every create, update and void, for directors."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.store.audit_query import (
    ACTIONS,
    AuditFilter,
    audit_accounts,
    audit_page,
    audited_tables,
)
from dutydesk.ui.lazy_table import LazyTableModel

HEADERS = ("时间", "账户", "表", "记录号", "操作", "字段", "原值", "新值", "原因")
ALL = "全部"


def _cell(entry, column: int) -> str:
    values = (
        f"{entry.at:%Y-%m-%d %H:%M:%S}", entry.account, entry.table_name, str(entry.record_id),
        ACTIONS.get(entry.action, entry.action), entry.field or "", entry.old_value or "",
        entry.new_value or "", entry.reason or "",
    )
    return values[column]


class AuditViewer(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("审计记录")
        self.resize(1100, 600)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.table_box = QComboBox()
        self.table_box.setAccessibleName("数据表")
        self.table_box.addItem(ALL, "")
        for name in audited_tables():
            self.table_box.addItem(name, name)
        self.account_box = QComboBox()
        self.account_box.setAccessibleName("账户")
        self.account_box.addItem(ALL, "")
        for name in audit_accounts():
            self.account_box.addItem(name, name)
        self.start = QDateEdit()
        self.start.setAccessibleName("开始日期")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        today = desk.today()
        self.start.setDate(QDate(today.year - 1, today.month, 1))
        self.end = QDateEdit()
        self.end.setAccessibleName("结束日期")
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.end.setDate(QDate(today.year, today.month, today.day))
        for label, widget in (("数据表", self.table_box), ("账户", self.account_box),
                              ("开始日期", self.start), ("结束日期", self.end)):
            bar.addWidget(QLabel(label + "："))
            bar.addWidget(widget)
        apply = QPushButton("筛选")
        apply.setAccessibleName("筛选")
        apply.clicked.connect(self.reload)
        bar.addWidget(apply)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model = LazyTableModel(HEADERS, self._fetch, _cell, self)
        self.view = QTableView()
        self.view.setAccessibleName("审计记录")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        layout.addWidget(self.view)
        self.reload()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            table_name=self.table_box.currentData() or "",
            account=self.account_box.currentData() or "",
            start=self.start.date().toPython(),
            end=self.end.date().toPython(),
        )

    def _fetch(self, offset: int, limit: int):
        return audit_page(self.current_filter(), offset, limit)

    def reload(self) -> None:
        self.model.reload()
        self.view.resizeColumnsToContents()


def show_audit_viewer(desk: Desk, parent: QWidget) -> None:
    if not (desk.account and desk.account.is_director):
        QMessageBox.warning(parent, "无权查看", "审计记录仅主任或管理员可查看。")
        return
    AuditViewer(desk, parent).exec()
