"""民情分析会 (V11): prepare the month's pack from the books in one action, and record the
meeting's decisions, each with who follows it up and by when (they then wait in 待跟进)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.reports.analysis_pack import write_pack
from dutydesk.reports.ledgers import Period
from dutydesk.store.faults import plain_message
from dutydesk.store.visits.analysis_meeting import DecisionDraft, MeetingInvalid, record_meeting
from dutydesk.ui.forms import FormField, add_field, button_row, date_edit, message_label, push_button, show_errors

DECISION_ROWS = 3


class AnalysisMeetingDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("民情分析会")
        self.setAccessibleName("民情分析会")
        self.resize(760, 620)
        self.month = QComboBox()
        period = Period.month(desk.today().year, desk.today().month)
        for _ in range(6):
            self.month.addItem(period.text, period)
            period = period.previous_month()
        self.held_on = date_edit(desk.today())
        self.chair = QLineEdit()
        self.attendees = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        form = QFormLayout()
        self.fields = {
            "month": add_field(form, FormField("分析月份", self.month)),
            "held_on": add_field(form, FormField("会议日期", self.held_on)),
            "chair": add_field(form, FormField("主持人", self.chair)),
            "attendees": add_field(form, FormField("参会人员", self.attendees)),
            "notes": add_field(form, FormField("会议记录", self.notes)),
        }
        grid = QGridLayout()
        for column, text in enumerate(("会议决定", "跟进人", "完成日期")):
            grid.addWidget(QLabel(text), 0, column)
        self.rows: list[tuple[QLineEdit, QLineEdit, QDateEdit]] = []
        for n in range(DECISION_ROWS):
            content, follower = QLineEdit(), QLineEdit()
            content.setAccessibleName(f"决定{n + 1}")
            follower.setAccessibleName(f"决定{n + 1}跟进人")
            due = date_edit(desk.today() + dt.timedelta(days=7), f"决定{n + 1}完成日期")
            self.rows.append((content, follower, due))
            for column, widget in enumerate((content, follower, due)):
                grid.addWidget(widget, n + 1, column)
        grid.setColumnStretch(0, 3)
        self.decision_error = message_label("会议决定错误提示")
        self.decision_error.setProperty("role", "error")
        self.result = message_label("民情分析会结果")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(self.decision_error)
        layout.addWidget(self.result)
        layout.addLayout(button_row(push_button("生成会议材料…", self.ask_pack),
                                    push_button("保存会议记录", self.save, primary=True),
                                    push_button("关闭", self.accept)))

    @property
    def period(self) -> Period:
        return self.month.currentData()

    def pack_to(self, path: Path) -> Path:
        """V11: the month's pack from the books, as a PDF."""
        return write_pack(self.desk, self.period, path)

    def ask_pack(self) -> None:
        name, _f = QFileDialog.getSaveFileName(self, "生成会议材料",
                                               str(Path.home() / f"{self.period.text}民情分析会材料.pdf"),
                                               "PDF 文件 (*.pdf)")
        if not name:
            return
        try:
            self.pack_to(Path(name))
        except OSError as exc:
            self.result.setText(plain_message(exc))
            return
        self.result.setText(f"会议材料已生成：{name}")

    def save(self) -> None:
        year, month = self.period.year_month
        drafts = [DecisionDraft(c.text(), f.text(), d.date().toPython()) for c, f, d in self.rows]
        try:
            record_meeting(year, month, self.held_on.date().toPython(), self.chair.text(), self.attendees.text(),
                           self.notes.toPlainText(), drafts, self.desk.who, self.desk.now())
        except MeetingInvalid as exc:
            show_errors(self.fields, exc.errors)
            self.decision_error.setText("；".join(v for k, v in exc.errors.items() if k.startswith("decision")))
            return
        show_errors(self.fields, {})
        self.decision_error.clear()
        count = sum(1 for c, f, _d in self.rows if c.text().strip())
        for content, follower, _due in self.rows:
            content.clear()
            follower.clear()
        self.result.setText(f"已保存{self.period.text}民情分析会记录，{count}项决定已列入待跟进")


def open_analysis_meeting(desk: Desk, window: QWidget) -> None:
    AnalysisMeetingDialog(desk, window).exec()
