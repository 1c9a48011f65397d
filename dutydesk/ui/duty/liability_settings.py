"""工具 → 追责设置: who bears joint liability and who goes for the admonition talk, whether repeated
findings count consecutively or per half-year (D14), and the hours a staff phone change must be
reported within (D12). Directors only; a change applies from a date on, like 值班设置."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.domain import liability
from dutydesk.domain.settings import Setting
from dutydesk.domain.staff import PHONE_REPORT_HOURS, STAFF_ROLES
from dutydesk.store.settings import get_setting, set_setting
from dutydesk.ui.duty.common import pydate
from dutydesk.ui.forms import FormField, add_field, button_row, date_edit, push_button
from dutydesk.ui.menu_context import MenuContext


def _role_boxes(prefix: str, chosen: list[str]) -> tuple[QWidget, dict[str, QCheckBox]]:
    holder = QWidget()
    grid = QGridLayout(holder)
    grid.setContentsMargins(0, 0, 0, 0)
    boxes: dict[str, QCheckBox] = {}
    for i, role in enumerate(STAFF_ROLES):
        box = QCheckBox(role)
        box.setAccessibleName(f"{prefix}：{role}")
        box.setChecked(role in chosen)
        grid.addWidget(box, i // 4, i % 4)
        boxes[role] = box
    return holder, boxes


class LiabilitySettingsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("追责设置")
        today = desk.today()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.effective = date_edit(today)
        self.fields = {"effective": add_field(form, FormField(
            "生效日期", self.effective, "新设置从该日起执行，之前各月的考勤仍按原设置统计。"))}
        joint, self.joint = _role_boxes("连带责任", get_setting(liability.JOINT_LIABILITY_ROLES, today))
        add_field(form, FormField("承担连带责任的职务", joint, "他人每查实一次缺勤，这些职务一并处罚"))
        talk, self.admonition = _role_boxes("诫勉谈话", get_setting(liability.ADMONITION_ROLES, today))
        self.fields["admonition"] = add_field(form, FormField(
            "本村多次被查实时诫勉谈话的职务", talk, "协管员等被查实达到次数劝其辞职"))
        self.mode = QComboBox()
        for key, label in liability.COUNT_MODES.items():
            self.mode.addItem(label, key)
        self.mode.setCurrentIndex(self.mode.findData(get_setting(liability.FINDING_COUNT_MODE, today)))
        add_field(form, FormField("查实次数计法", self.mode, "连续查实：中间有一次正常值班即重新计数"))
        self.phone_hours = QSpinBox()
        self.phone_hours.setRange(1, 720)
        self.phone_hours.setSuffix(" 小时")
        self.phone_hours.setValue(int(get_setting(PHONE_REPORT_HOURS, today)))
        add_field(form, FormField("手机号变更报告时限", self.phone_hours, "超过即记为迟报"))
        self.save_button = push_button("保存设置", self.save, primary=True)
        layout.addLayout(button_row(self.save_button, push_button("取消", self.reject)))
        self.changed_count = 0

    def values(self) -> list[tuple[Setting, Any]]:
        return [
            (liability.JOINT_LIABILITY_ROLES, [r for r, box in self.joint.items() if box.isChecked()]),
            (liability.ADMONITION_ROLES, [r for r, box in self.admonition.items() if box.isChecked()]),
            (liability.FINDING_COUNT_MODE, self.mode.currentData()),
            (PHONE_REPORT_HOURS, self.phone_hours.value()),
        ]

    def save(self) -> bool:
        since = pydate(self.effective.date())
        errors = {}
        if since < self.desk.today().replace(day=1):
            errors["effective"] = "生效日期不能早于本月1日：已统计的月份不能改动"
        if not any(box.isChecked() for box in self.admonition.values()):
            errors["admonition"] = "请至少选择一个职务"
        for name, field in self.fields.items():
            field.set_error(errors.get(name, ""))
        if errors:
            return False
        with self.desk.db.atomic():
            for setting, value in self.values():
                if get_setting(setting, since) != value:
                    set_setting(setting, value, since, self.desk.who, self.desk.now())
                    self.changed_count += 1
        self.accept()
        return True


def open_liability_settings(context: MenuContext) -> bool:
    """工具 → 追责设置 (directors only; the menu hides it from others, this checks again)."""
    desk, window = context.desk, context.window
    if not (desk.account and desk.account.is_director):
        QMessageBox.warning(window, "追责设置", "只有主任或书记可以修改追责设置。")
        return False
    if LiabilitySettingsDialog(desk, window).exec() != QDialog.DialogCode.Accepted:
        return False
    context.changed("duty")
    return True
