"""上传下达 page: log a notice received from the township (relayed at once or later) or a matter
passed up, and mark a waiting notice as relayed (D18). Notices not yet relayed are in 待跟进."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.store.duty.relay import (
    DIRECTIONS,
    RELAY_HOW,
    RelayDraft,
    RelayEntry,
    RelayInvalid,
    mark_relayed,
    record_entry,
    relay_page,
    void_entry,
)
from dutydesk.store.privacy import mask_text
from dutydesk.ui.duty.common import pydate, show_message, table_view
from dutydesk.ui.duty.table_model import PagedTableModel
from dutydesk.ui.forms import FormField, add_field, date_edit, message_label, push_button, show_errors
from dutydesk.ui.lazy_tabs import StagedBuild
from dutydesk.ui.page_layout import bar_last, body_first
from dutydesk.ui.page_loader import PageLoader
from dutydesk.ui.theme import OK_GREEN, OVERDUE_RED

HEADERS = ["日期", "类别", "来文或报送单位", "事由", "内容摘要", "传达对象", "传达方式", "经办人", "状态"]


def how_box() -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.addItems(["", *RELAY_HOW])
    return box


class RelayPage(QWidget):
    changed = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.content = QWidget()
        self._columns = QHBoxLayout(self.content)
        # At 字号 特大 the forms scroll; the buttons that act on them stay on the screen.
        self._column = body_first(self, self.content)
        self.loader = PageLoader(self)  # the list's first rows, masked, off the GUI thread
        # Issue 17: one part per event-loop turn once the app runs (at once in tests), each laid
        # out and styled in its own turn.
        self.steps = StagedBuild(lambda: self._build_form(self._columns), self._build_list,
                               lambda: self._build_relay(self._right),
                               lambda: bar_last(self._column, self.save_button, self.relay_button, self.void_button),
                               self.refresh)
        self.steps.start(self)

    def _build_list(self) -> None:
        self._right = right = QVBoxLayout()
        self._columns.addLayout(right, 3)
        self.model = PagedTableModel(HEADERS, relay_page, self._cells,
                                     lambda e: OK_GREEN if e.relayed else OVERDUE_RED, len(HEADERS) - 1)
        self.table = table_view("上传下达记录")
        self.table.setModel(self.model)
        right.addWidget(self.table, 1)

    def _build_form(self, layout: QHBoxLayout) -> None:
        box = QGroupBox("登记（收到镇里通知，或向镇里报送事项）")
        layout.addWidget(box, 2)
        form = QFormLayout(box)
        self.direction = QComboBox()
        for key, label in DIRECTIONS.items():
            self.direction.addItem(label, key)
        self.day = date_edit(self.desk.today())
        self.counterpart = QLineEdit()
        self.subject = QLineEdit()
        self.detail = QLineEdit()
        self.relayed_to = QLineEdit()
        self.how = how_box()
        self.fields = {
            "direction": add_field(form, FormField("登记类别", self.direction)),
            "day": add_field(form, FormField("登记日期", self.day)),
            "counterpart": add_field(form, FormField("来文或报送单位", self.counterpart, "如：桃源镇党政办")),
            "subject": add_field(form, FormField("事项", self.subject)),
            "detail": add_field(form, FormField("内容摘要", self.detail)),
            "relayed_to": add_field(form, FormField("传达对象", self.relayed_to, "已当场传达的填写；稍后传达的留空")),
            "relay_how": add_field(form, FormField("传达方式", self.how)),
        }
        self.save_button = push_button("登记（Ctrl+Enter）", self.do_save, primary=True)
        self.save_button.setShortcut("Ctrl+Return")
        self.message = message_label("上传下达提示")
        form.addRow(self.message)

    def _build_relay(self, layout: QVBoxLayout) -> None:
        box = QGroupBox("传达所选通知")
        layout.addWidget(box)
        form = QFormLayout(box)
        self.later_to = QLineEdit()
        self.later_how = how_box()
        self.relay_fields = {
            "relayed_to": add_field(form, FormField("本次传达对象", self.later_to)),
            "relay_how": add_field(form, FormField("本次传达方式", self.later_how)),
        }
        self.relay_button = push_button("标记已传达（Ctrl+Shift+Enter）", self.do_relay)
        self.relay_button.setShortcut("Ctrl+Shift+Return")
        self.void_reason = QLineEdit()
        self.void_field = add_field(form, FormField("作废原因", self.void_reason,
                                                    "登记错误的，写明原因后作废（记录保留）"))
        self.void_button = push_button("作废所选登记", self.do_void)
        self.relay_message = message_label("传达提示")
        form.addRow(self.relay_message)

    def _cells(self, e: RelayEntry) -> list[str]:
        return [f"{e.day:%Y-%m-%d}", DIRECTIONS.get(e.direction, e.direction), e.counterpart,
                mask_text(self.desk.account, e.subject), mask_text(self.desk.account, e.detail),
                e.relayed_to, e.relay_how, e.handled_by, e.status_text]

    def refresh(self) -> None:
        self.steps.complete()  # asked before the page is through building: finish it first
        self.model.reload_with(self.loader)

    def do_save(self) -> None:
        draft = RelayDraft(self.direction.currentData(), pydate(self.day.date()), self.counterpart.text(),
                           self.subject.text(), self.detail.text(), self.desk.who, self.relayed_to.text(),
                           self.how.currentText())
        try:
            entry = record_entry(draft, self.desk.who, self.desk.now())
        except RelayInvalid as exc:
            show_errors(self.fields, exc.errors)
            return
        show_errors(self.fields, {})
        for edit in (self.counterpart, self.subject, self.detail, self.relayed_to):
            edit.clear()
        self.how.setCurrentIndex(0)
        show_message(self.message, f"已登记：{entry.subject}（{entry.status_text}）", ok=True)
        self._after_write()

    def do_relay(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            show_message(self.relay_message, "请先在列表中选中一条未传达的通知", ok=False)
            return
        entry = self.model.rows[index.row()]
        try:
            mark_relayed(entry, self.later_to.text(), self.later_how.currentText(), self.desk.who, self.desk.now())
        except RelayInvalid as exc:
            show_errors(self.relay_fields, exc.errors)
            if "entry" in exc.errors:
                show_message(self.relay_message, exc.errors["entry"], ok=False)
            return
        show_errors(self.relay_fields, {})
        self.later_to.clear()
        show_message(self.relay_message, f"已传达：{entry.subject}（{entry.relayed_to}，{entry.relay_how}）", ok=True)
        self._after_write()

    def do_void(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            show_message(self.relay_message, "请先在列表中选中要作废的登记", ok=False)
            return
        if not self.void_reason.text().strip():
            self.void_field.set_error("请填写作废原因")
            return
        entry = self.model.rows[index.row()]
        void_entry(entry, self.desk.who, self.desk.now(), self.void_reason.text())
        self.void_field.clear_error()
        self.void_reason.clear()
        show_message(self.relay_message, f"已作废：{entry.subject}", ok=True)
        self._after_write()

    def _after_write(self) -> None:
        self.refresh()
        self.changed.emit("duty")
