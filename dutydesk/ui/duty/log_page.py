"""值班记录簿 page: one day's duty log (D10), with free-text entries for incidents and disputes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.store.duty.duty_log import duty_log
from dutydesk.store.duty.handover import NOTE_KINDS, add_note
from dutydesk.store.duty_log_feed import DutyLogEntry
from dutydesk.store.privacy import mask_numbers
from dutydesk.ui.duty.common import pydate, qdate, show_message, table_view
from dutydesk.ui.duty.table_model import PagedTableModel, list_source
from dutydesk.ui.forms import FormField, add_field, date_edit, message_label, push_button
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_loader import PageLoader

HEADERS = ["时间", "类别", "内容", "结果"]


class LogPage(QWidget):
    changed = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("日期："))
        self.day = date_edit(desk.today(), "记录日期")
        top.addWidget(self.day)
        top.addStretch(1)
        layout.addLayout(top)
        self._entries: list[DutyLogEntry] = []  # the day's log as last read
        self.model = PagedTableModel(HEADERS, list_source(lambda: self._entries),
                                     lambda e: [f"{e.at:%H:%M}", e.kind, mask_numbers(e.text), mask_numbers(e.result)])
        # A busy day of 1M-visit books holds thousands of visits: read off the GUI thread (issue 17).
        self.loader = PageLoader(self)
        self.table = table_view("值班记录簿")
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        # Issue 17: the form and the day's reading a turn of the event loop later once the app runs.
        self.steps = StagedBuild(lambda: self._build_form(layout), self._connect_and_read)
        self.steps.start(self)

    def _build_form(self, layout: QVBoxLayout) -> None:
        box = QGroupBox("添加记录（突发事件须立即报告村两委负责人和镇党委）")
        layout.addWidget(box)
        form = QFormLayout(box)
        self.kind = QComboBox()
        self.kind.addItems(NOTE_KINDS)
        self.text = QLineEdit()
        self.result = QLineEdit()
        self.fields = {"kind": add_field(form, FormField("记录类别", self.kind)),
                       "text": add_field(form, FormField("记录内容", self.text)),
                       "result": add_field(form, FormField("处理结果", self.result))}
        self.add_button = push_button("添加记录", self.do_add, primary=True)
        form.addRow(self.add_button)
        self.message = message_label("记录提示")
        form.addRow(self.message)

    def _connect_and_read(self) -> None:
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.steps.complete()  # asked before the page is through building: finish it first
        day, now = pydate(self.day.date()), self.desk.now()
        self.loader.load(lambda: duty_log(day, now), self._show)

    def _show(self, entries: list[DutyLogEntry]) -> None:
        self._entries = entries
        self.model.reload()

    def do_add(self) -> None:
        if not self.text.text().strip():
            self.fields["text"].set_error("请填写记录内容")
            return
        self.fields["text"].clear_error()
        add_note(self.desk.now(), self.kind.currentText(), self.text.text(), self.desk.who, self.desk.now(),
                 self.result.text())
        self.text.clear()
        self.result.clear()
        self.day.setDate(qdate(self.desk.today()))
        self.refresh()
        show_message(self.message, "已记入今日值班记录簿", ok=True)
        self.changed.emit("duty")
