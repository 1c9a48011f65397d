"""工具 → 追责设置 (D14, D12): joint liability and admonition roles, counting mode, phone report hours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QSpinBox

from dutydesk.domain import liability
from dutydesk.domain.staff import PHONE_REPORT_HOURS
from dutydesk.store.settings import SettingValue, get_setting
from dutydesk.ui.duty.liability_settings import LiabilitySettingsDialog
from dutydesk.ui.tabs import menu_actions
from tests.ui.helpers import by_name


def test_d14_menu_is_for_directors_only():
    action = next(a for a in menu_actions() if a.text == "追责设置…")
    assert action.menu == "工具" and action.director_only


def test_d14_seed_defaults_shown_and_a_change_applies_from_its_date(app, qtbot, desk):
    dialog = LiabilitySettingsDialog(desk)
    qtbot.addWidget(dialog)
    checked = [r for r in ("书记", "主任", "副书记", "两委委员")
               if by_name(dialog, f"连带责任：{r}", QCheckBox).isChecked()]
    assert checked == ["书记", "主任", "副书记"]
    assert by_name(dialog, "诫勉谈话：副书记", QCheckBox).isChecked() is False
    assert by_name(dialog, "查实次数计法", QComboBox).currentText() == "连续查实次数"
    assert by_name(dialog, "手机号变更报告时限", QSpinBox).value() == 24
    by_name(dialog, "诫勉谈话：副书记", QCheckBox).setChecked(True)
    by_name(dialog, "查实次数计法", QComboBox).setCurrentText("半年累计次数")
    qtbot.mouseClick(by_name(dialog, "保存设置", QPushButton), Qt.MouseButton.LeftButton)
    today = desk.today()
    assert get_setting(liability.ADMONITION_ROLES, today) == ["书记", "主任", "副书记"]
    assert get_setting(liability.FINDING_COUNT_MODE, today) == "half_year"
    assert get_setting(liability.FINDING_COUNT_MODE, today - dt.timedelta(days=1)) == "consecutive"
    assert get_setting(PHONE_REPORT_HOURS, today) == 24
    assert SettingValue.select().count() == 2  # only what changed


def test_d14_no_admonition_role_is_refused_beside_the_field(app, qtbot, desk):
    dialog = LiabilitySettingsDialog(desk)
    qtbot.addWidget(dialog)
    for role in ("书记", "主任"):
        by_name(dialog, f"诫勉谈话：{role}", QCheckBox).setChecked(False)
    qtbot.mouseClick(by_name(dialog, "保存设置", QPushButton), Qt.MouseButton.LeftButton)
    assert by_name(dialog, "本村多次被查实时诫勉谈话的职务错误提示", QLabel).text() == "请至少选择一个职务"
    assert SettingValue.select().count() == 0
