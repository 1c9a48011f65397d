"""工具 → 会议学习设置: when study sessions and the review meeting are held (D17, D13), the penalty
for a missed session (none by default) and how soon a township notice must be relayed (D18).
Directors only; a change applies from a date on, like 值班设置."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QMessageBox, QSpinBox, QTimeEdit, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.domain import meeting_rules as rules
from dutydesk.domain.settings import Setting
from dutydesk.store.duty.relay import RELAY_DAYS
from dutydesk.store.settings import get_setting, set_setting
from dutydesk.ui.duty.common import pydate
from dutydesk.ui.forms import FormField, add_field, button_row, date_edit, push_button
from dutydesk.ui.menu_context import MenuContext

REVIEW_CHOICES = {1: "每周一", 2: "隔周周一"}


def _spin(value: int, low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setValue(int(value))
    return spin


def _time(text: str) -> QTimeEdit:
    value = rules.parse_time(text)
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


class MeetingSettingsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("会议学习设置")
        today = desk.today()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.effective = date_edit(today)
        self.fields = {"effective": add_field(form, FormField(
            "生效日期", self.effective, "新设置从该日起执行，之前各月仍按原设置统计。"))}
        self.mode = QComboBox()
        for key, label in rules.STUDY_MODES.items():
            self.mode.addItem(label, key)
        self.mode.setCurrentIndex(max(0, self.mode.findData(get_setting(rules.STUDY_MODE, today))))
        add_field(form, FormField("学习安排", self.mode))
        self.times = _spin(get_setting(rules.STUDY_TIMES_PER_MONTH, today), 1, 5, " 次")
        add_field(form, FormField("每月周一下午学习次数", self.times, "按周一下午集中学习时有效"))
        self.study_start = _time(get_setting(rules.STUDY_START, today))
        add_field(form, FormField("学习开始时间", self.study_start))
        self.review = QComboBox()
        for weeks, label in REVIEW_CHOICES.items():
            self.review.addItem(label, weeks)
        self.review.setCurrentIndex(max(0, self.review.findData(int(get_setting(rules.REVIEW_EVERY_WEEKS, today)))))
        add_field(form, FormField("周例会", self.review))
        self.review_start = _time(get_setting(rules.REVIEW_START, today))
        add_field(form, FormField("周例会开始时间", self.review_start))
        self.penalty = _spin(get_setting(rules.ABSENCE_PENALTY, today), 0, 1000, " 元")
        add_field(form, FormField("无故缺席每次处罚", self.penalty, "0 为不处罚"))
        self.relay_days = _spin(get_setting(RELAY_DAYS, today), 0, 30, " 个工作日")
        add_field(form, FormField("上级通知传达期限", self.relay_days, "超过即在待跟进中标红"))
        self.save_button = push_button("保存设置", self.save, primary=True)
        layout.addLayout(button_row(self.save_button, push_button("取消", self.reject)))

    def values(self) -> list[tuple[Setting, Any]]:
        return [
            (rules.STUDY_MODE, self.mode.currentData()),
            (rules.STUDY_TIMES_PER_MONTH, self.times.value()),
            (rules.STUDY_START, self.study_start.time().toString("HH:mm")),
            (rules.REVIEW_EVERY_WEEKS, self.review.currentData()),
            (rules.REVIEW_START, self.review_start.time().toString("HH:mm")),
            (rules.ABSENCE_PENALTY, self.penalty.value()),
            (RELAY_DAYS, self.relay_days.value()),
        ]

    def save(self) -> bool:
        since = pydate(self.effective.date())
        if since < self.desk.today().replace(day=1):
            self.fields["effective"].set_error("生效日期不能早于本月1日：已统计的月份不能改动")
            return False
        self.fields["effective"].clear_error()
        with self.desk.db.atomic():
            for setting, value in self.values():
                if get_setting(setting, since) != value:
                    set_setting(setting, value, since, self.desk.who, self.desk.now())
        self.accept()
        return True


def open_meeting_settings(context: MenuContext) -> bool:
    """工具 → 会议学习设置 (directors only; the menu hides it from others, this checks again)."""
    desk, window = context.desk, context.window
    if not (desk.account and desk.account.is_director):
        QMessageBox.warning(window, "会议学习设置", "只有主任或书记可以修改会议学习设置。")
        return False
    if MeetingSettingsDialog(desk, window).exec() != QDialog.DialogCode.Accepted:
        return False
    context.changed("duty")
    return True
