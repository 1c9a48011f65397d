"""The 工作日日历 page: a year's holidays and make-up workdays with their source (built into the
software / entered here); a director adds or removes days or imports a year from a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain.calendar_file import CalendarFileError, parse_calendar_text
from dutydesk.store.calendar_days import enter_day, import_days, remove_day
from dutydesk.ui.forms import FormField, add_field, date_edit, message_label, push_button
from dutydesk.ui.record_list import read_only

WEEKDAYS = "一二三四五六日"
COLUMNS = ("日期", "星期", "类型", "名称", "来源")


class CalendarSettingsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("工作日日历")
        self.resize(720, 640)
        self.can_edit = bool(desk.account and desk.account.is_director)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("年份："))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(desk.today().year)
        self.year.setAccessibleName("年份")
        self.year.valueChanged.connect(self.refresh)
        top.addWidget(self.year)
        top.addStretch(1)
        layout.addLayout(top)
        self.notice = message_label("日历说明")
        layout.addWidget(self.notice)
        self.table = read_only(QTableWidget(0, len(COLUMNS)), "节假日与调休")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        form = QFormLayout()
        self.day = date_edit(desk.today())
        self.kind = QComboBox()
        self.kind.addItems(["放假", "调休上班"])
        self.name = QLineEdit()
        self.fields = {
            "day": add_field(form, FormField("日期", self.day)),
            "kind": add_field(form, FormField("类型", self.kind)),
            "name": add_field(form, FormField("名称", self.name, "如：元旦、春节调休")),
        }
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.add_button = push_button("添加日期", self.add_day)
        self.remove_button = push_button("删除所选", self.remove_selected)
        self.import_button = push_button("从文件导入…", self.choose_file)
        close = push_button("关闭", self.accept)
        for button in (self.add_button, self.remove_button, self.import_button, close):
            buttons.addWidget(button)
            button.setEnabled(self.can_edit or button is close)
        layout.addLayout(buttons)
        self.message = message_label("操作结果")
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.value()
        calendar = self.desk.calendar()
        days = calendar.special_days(year)
        if calendar.has_official_year(year):
            self.notice.setText(f"{year} 年的国家法定节假日已内置；本中心录入的日期优先。")
        elif days:
            self.notice.setText(f"软件未内置 {year} 年的节假日安排，以下为本中心录入的日期。")
        else:
            self.notice.setText(f"软件未内置 {year} 年的节假日安排，目前只按周末计算。请按国务院办公厅通知"
                                f"录入放假和调休上班日，或从 CSV/JSON 文件导入（每行：日期,休/班,名称）。")
        self.table.setRowCount(len(days))
        for row, special in enumerate(days):
            values = (special.day.isoformat(), "星期" + WEEKDAYS[special.day.weekday()],
                      "调休上班" if special.is_workday else "放假", special.name,
                      "软件内置" if special.source == "package" else "本中心录入")
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, special)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def add_day(self) -> None:
        day = self.day.date().toPython()
        enter_day(day, self.kind.currentText() == "调休上班", self.name.text(), self.desk.who, self.desk.now())
        self.message.setText(f"已录入 {day}")
        self.year.setValue(day.year)
        self.refresh()

    def remove_selected(self) -> None:
        item = self.table.currentItem()
        if item is None:
            self.message.setText("请先选择要删除的日期")
            return
        special = item.data(Qt.ItemDataRole.UserRole)
        try:
            remove_day(special.day, self.desk.who, self.desk.now())
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(f"已删除 {special.day}（记录保留在修改历史中）")
        self.refresh()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "导入节假日文件", "", "日历文件 (*.csv *.json)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> int:
        try:
            days = parse_calendar_text(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            self.message.setText(f"无法读取 {path.name}，请确认是 UTF-8 编码的 CSV 或 JSON 文件")
            return 0
        except CalendarFileError as exc:
            self.message.setText(f"{path.name} 未导入：{exc}")
            return 0
        count = import_days(days, self.desk.who, self.desk.now())
        self.message.setText(f"已从 {path.name} 导入 {count} 天")
        if days:
            self.year.setValue(days[0].day.year)
        self.refresh()
        return count
