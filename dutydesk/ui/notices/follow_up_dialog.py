"""告知跟进 (N07): the notices whose supply date has passed, or whose person is not eligible; the
desk phones the reason, records the call, and the matter closes as 不予受理."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.catalogue import Outcome
from dutydesk.store.notices import notice_follow_up as follow
from dutydesk.store.notices.notice import NoticeRecord
from dutydesk.store.privacy import mask_for
from dutydesk.ui.forms import FormField, add_field, button_row, message_label, push_button, show_errors
from dutydesk.ui.record_list import read_only

HEADERS = ["告知单号", "群众", "联系电话", "办理事项", "跟进原因", "应跟进日期"]


class FollowUpDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.notices: list[NoticeRecord] = []
        self.setWindowTitle("告知跟进")
        self.setAccessibleName("告知跟进")
        self.resize(820, 520)
        self.table = read_only(QTableWidget(0, len(HEADERS)), "待电话告知")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.phone = QLineEdit()
        self.said = QPlainTextEdit()
        self.said.setTabChangesFocus(True)
        self.said.setFixedHeight(70)
        form = QFormLayout()
        self.fields = {
            "phone": add_field(form, FormField("所拨电话", self.phone)),
            "said": add_field(form, FormField("电话告知内容", self.said, "告知不予受理的原因，以及补齐后可再来办理")),
        }
        self.result = message_label("跟进结果")
        self.close_button = push_button("登记电话并按不予受理办结", self.record, primary=True)
        layout = QVBoxLayout(self)
        hint = message_label("说明")
        hint.setText("材料不全的告知单过了补齐期限，或群众不符合条件的，请电话告知原因并登记。")
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addLayout(button_row(self.close_button, push_button("关闭", self.accept)))
        self.refresh()

    def refresh(self) -> None:
        calendar = self.desk.calendar()
        self.notices = follow.waiting(self.desk.today(), calendar)
        self.table.setRowCount(len(self.notices))
        for row, notice in enumerate(self.notices):
            why = "不符合条件" if notice.outcome == Outcome.NOT_ELIGIBLE.value else "补齐期限已过"
            cells = [notice.ref, notice.person_name, mask_for(self.desk.account, "phone", notice.person_phone),
                     notice.item_version.name, why, f"{follow.due_on(notice, calendar):%Y-%m-%d}"]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.notices:
            self.table.selectRow(0)
        self.close_button.setEnabled(bool(self.notices))

    def record(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.notices):
            self.result.setText("请先选择一份告知单")
            return
        notice = self.notices[row]
        try:
            follow.record_call(notice, self.phone.text(), self.said.toPlainText(), self.desk.who, self.desk.now(),
                               self.desk.calendar())
        except follow.FollowUpInvalid as exc:
            show_errors(self.fields, exc.errors)
            if "notice" in exc.errors:
                self.result.setText(exc.errors["notice"])
            return
        show_errors(self.fields, {})
        self.phone.clear()
        self.said.clear()
        self.result.setText(f"已登记电话告知，{notice.person_name}的“{notice.item_version.name}”按不予受理办结")
        self.refresh()


def open_follow_up(desk: Desk, window: QWidget) -> None:
    FollowUpDialog(desk, window).exec()
