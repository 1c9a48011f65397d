"""The sign-in book's part of 值班设置 (D05, D19) and the 乡镇机关考勤 preset (seed 004).

A group box added to ``DutySettingsDialog``: what a sign-in after the cutoff counts as, whether
arriving less than the expected minutes early counts as 迟到, and the two D19 report thresholds.
The preset fills the whole dialog with seed 004's numbers; nothing is saved until 保存设置.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QSpinBox, QWidget

from dutydesk.domain import duty_settings as ds
from dutydesk.domain import sign_in_book as book
from dutydesk.store.settings import get_setting
from dutydesk.ui.forms import FormField, message_label, push_button


class SignInBookSettings(QGroupBox):
    def __init__(self, dialog: Any, parent: QWidget | None = None) -> None:
        super().__init__("签到簿：停签、提前到岗与上报（乡镇可套用预设）", parent)
        self.dialog = dialog
        today = dialog.desk.today()
        form = QFormLayout(self)
        form.setVerticalSpacing(4)  # a few pixels a row: the tab fits a laptop at 字号 特大
        self.after_cutoff = QComboBox()
        for code, label in book.AFTER_CUTOFF_CHOICES.items():
            self.after_cutoff.addItem(label, code)
        self.after_cutoff.setCurrentIndex(max(0, self.after_cutoff.findData(get_setting(book.AFTER_CUTOFF, today))))
        form.addRow("停签后签到计为：", FormField("停签后签到计为", self.after_cutoff,
                                                 "会议通知、领导安排、假条经主任认定的计为出勤"))
        self.not_early = QCheckBox("未按时提前到岗计为迟到")
        self.not_early.setAccessibleName("未提前到岗计为迟到")
        self.not_early.setChecked(bool(get_setting(book.NOT_EARLY_IS_LATE, today)))
        form.addRow("提前到岗：", FormField("未提前到岗计为迟到", self.not_early,
                                            "不勾选时，签到簿只注明“未提前到岗”，不扣罚"))
        self.consecutive = _spin(get_setting(book.REPORT_CONSECUTIVE_DAYS, today), " 天")
        self.per_year = _spin(get_setting(book.REPORT_DAYS_PER_YEAR, today), " 天")
        form.addRow("连续缺勤达到：", FormField("连续缺勤上报天数", self.consecutive, "即提示上报组织部门"))
        form.addRow("全年累计缺勤达到：", FormField("全年缺勤上报天数", self.per_year, "即提示上报组织部门"))
        self.preset_button = push_button(f"套用预设：{book.TOWNSHIP_PRESET_NAME}", self.apply_township_preset)
        self.preset_button.setProperty("compact", True)  # an occasional action: the tab fits at 字号 特大
        self.preset_message = message_label("预设提示")
        preset_row = QHBoxLayout()  # the result beside the button: a row less
        preset_row.addWidget(self.preset_button)
        preset_row.addWidget(self.preset_message, 1)
        form.addRow(preset_row)

    def values(self) -> dict[str, Any]:
        return {
            book.AFTER_CUTOFF.key: self.after_cutoff.currentData(),
            book.NOT_EARLY_IS_LATE.key: self.not_early.isChecked(),
            book.REPORT_CONSECUTIVE_DAYS.key: self.consecutive.value(),
            book.REPORT_DAYS_PER_YEAR.key: self.per_year.value(),
        }

    def apply_township_preset(self) -> None:
        """Fill the dialog with seed 004's township rules; the user still saves (with a date)."""
        values = book.township_preset(self.dialog.values())
        rows = {row["key"]: row for row in values[ds.SESSIONS.key]}
        for key, widgets in self.dialog.session_rows.items():
            if key in rows and widgets["enabled"].isChecked():
                t = ds.parse_time(rows[key]["cutoff"])
                widgets["cutoff"].setTime(QTime(t.hour, t.minute))
        for role, spin in self.dialog.penalties.items():
            spin.setValue(int(values[ds.PENALTIES.key].get(role, spin.value())))
        self.dialog.joint.setValue(int(values[ds.JOINT_LIABILITY.key]))
        self.after_cutoff.setCurrentIndex(self.after_cutoff.findData(values[book.AFTER_CUTOFF.key]))
        self.consecutive.setValue(int(values[book.REPORT_CONSECUTIVE_DAYS.key]))
        self.per_year.setValue(int(values[book.REPORT_DAYS_PER_YEAR.key]))
        self.preset_message.setText("已套用乡镇机关考勤：上午08:30停签，停签后签到计缺勤，缺勤每次20元，"
                                    "当月公示、半年累计，连续缺勤15天或全年30天提示上报。请核对后保存。")


def _spin(value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 366)
    spin.setValue(int(value))
    spin.setSuffix(suffix)
    return spin
