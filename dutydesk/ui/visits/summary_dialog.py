"""来访情况汇总 (V08): the period's requests and hot issues as text, to copy into the report upward."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.store.privacy import mask_numbers
from dutydesk.store.visits.visit_summary import visit_summary
from dutydesk.ui.forms import button_row, date_edit, push_button


class VisitSummaryDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("来访情况汇总")
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = desk.today()
        first = today.replace(day=1)
        self.start = date_edit(first, "起始日期")
        self.end = date_edit(today, "截止日期")
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.refresh)
        bar.addWidget(QLabel("从"))
        bar.addWidget(self.start)
        bar.addWidget(QLabel("到"))
        bar.addWidget(self.end)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("汇总内容")
        layout.addWidget(self.text, 1)
        copy = push_button("复制", lambda: QApplication.clipboard().setText(self.text.toPlainText()))
        layout.addLayout(button_row(copy, push_button("关闭", self.accept), at_left=True))
        self.refresh()

    def refresh(self) -> None:
        start: dt.date = self.start.date().toPython()
        end: dt.date = self.end.date().toPython()
        if end < start:
            self.text.setPlainText("截止日期不能早于起始日期")
            return
        # Hot issues quote requests; the text is copied into reports upward: numbers masked (V09).
        self.text.setPlainText(mask_numbers(visit_summary(start, end).text()))
