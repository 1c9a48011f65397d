"""档案保管期限 (A02): the retention class of each record type, which decides who approves a
lookup (director for short-term files, principal leader for permanent and long-term ones).

A dated setting: the new table applies to records filed from the chosen date on, so records
already filed keep their class unless the date is set back.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.retention import APPROVER_LABELS, RETENTION_LABELS, approver_needed
from dutydesk.store.archive.retention import retention_table, set_retention
from dutydesk.store.search_index import kinds
from dutydesk.ui.forms import button_row, date_edit, push_button
from dutydesk.ui.screen_fit import scrolling


class RetentionDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("档案保管期限")
        layout = QVBoxLayout(self)
        intro = QLabel("一般性（短期）档案经主任批准查阅；永久、长期档案须经主要领导批准。\n"
                       "新的保管期限自执行日期起归档的记录适用；已归档的记录保留原期限，除非把执行日期提前。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows = QWidget()  # one row per kind of record: the list grows, so it scrolls (screen fit)
        form = QFormLayout(rows)
        form.setContentsMargins(0, 0, 0, 0)
        today = desk.today()
        current = retention_table(today)
        self.boxes: dict[str, QComboBox] = {}
        self.approver_labels: dict[str, QLabel] = {}
        for kind, label in kinds().items():
            box = QComboBox()
            box.setAccessibleName(label)
            for code, text in RETENTION_LABELS.items():
                box.addItem(text, code)
            box.setCurrentIndex(box.findData(current[kind]))
            approver = QLabel()
            approver.setAccessibleName(f"{label}批准人")
            row = QHBoxLayout()
            row.addWidget(box)
            row.addWidget(approver, 1)
            form.addRow(f"{label}：", row)
            box.currentIndexChanged.connect(lambda _i, k=kind: self._show_approver(k))
            self.boxes[kind] = box
            self.approver_labels[kind] = approver
            self._show_approver(kind)
        self.rows = scrolling(rows)
        layout.addWidget(self.rows, 1)
        # The date and the buttons stay below the list, in sight whatever the screen and font.
        dated = QFormLayout()
        self.effective = date_edit(today, "执行日期")
        dated.addRow("执行日期：", self.effective)
        layout.addLayout(dated)
        layout.addLayout(button_row(push_button("取消", self.reject), push_button("保存", self.save, primary=True)))
        # A scroll area asks for a few lines only: ask for the whole list (clamped to the screen on show).
        self.resize(self.sizeHint() + QSize(0, max(rows.sizeHint().height() - self.rows.sizeHint().height(), 0)))

    def _show_approver(self, kind: str) -> None:
        needed = approver_needed(self.boxes[kind].currentData())
        self.approver_labels[kind].setText(f"查阅须经{APPROVER_LABELS[needed]}批准")

    def save(self) -> None:
        table = {kind: box.currentData() for kind, box in self.boxes.items()}
        set_retention(table, self.effective.date().toPython(), self.desk.who, self.desk.now())
        self.accept()


def show_retention(desk: Desk, parent: QWidget) -> None:
    if not (desk.account and desk.account.is_director):
        QMessageBox.warning(parent, "无权操作", "档案保管期限须由主任设置。")
        return
    RetentionDialog(desk, parent).exec()
