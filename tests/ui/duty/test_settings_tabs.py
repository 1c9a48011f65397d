"""值班设置 on tabs (issue 13, screen fit): every tab and its buttons fit a 1366×768 laptop, and a
refused save shows the tab that holds the message (D01, D02)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QTabWidget, QTimeEdit

from dutydesk.domain.staff import STAFF_ROLES
from dutydesk.store.settings import SettingValue
from dutydesk.ui.duty.settings_dialog import ROLE_COLUMNS, DutySettingsDialog
from tests.ui.helpers import by_name


def open_dialog(qtbot, desk) -> DutySettingsDialog:
    dialog = DutySettingsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(by_name(dialog, "保存设置", QPushButton), Qt.MouseButton.LeftButton)


def test_the_settings_are_on_four_tabs_with_the_date_and_buttons_on_every_one(app, qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    tabs = by_name(dialog, "设置分类", QTabWidget)
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["班次", "值班日与人数", "考勤处罚", "签到簿"]
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        assert by_name(dialog, "生效日期").isVisible() and by_name(dialog, "保存设置", QPushButton).isVisible()


def test_d14_penalty_table_shows_every_post_in_columns(app, qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    by_name(dialog, "设置分类", QTabWidget).setCurrentIndex(2)
    spins = [by_name(dialog, f"{role}处罚", QSpinBox) for role in STAFF_ROLES]
    assert all(spin.isVisible() for spin in spins)
    tops = {spin.mapTo(dialog, spin.rect().topLeft()).y() for spin in spins}
    assert len(tops) == -(-len(STAFF_ROLES) // ROLE_COLUMNS)  # rows of three, not one row per post


def test_d02_a_refused_session_brings_the_sessions_tab_forward(app, qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    tabs = by_name(dialog, "设置分类", QTabWidget)
    by_name(dialog, "上午班结束时间", QTimeEdit).setTime(QTime(8, 0))
    tabs.setCurrentIndex(3)
    save(qtbot, dialog)
    assert tabs.currentIndex() == 0
    message = by_name(dialog, "上午班错误提示", QLabel)
    assert message.isVisible() and message.text() == "上午：结束时间应晚于开始时间"
    assert SettingValue.select().count() == 0


def test_d01_no_weekday_chosen_brings_the_days_tab_forward(app, qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    tabs = by_name(dialog, "设置分类", QTabWidget)
    mode = by_name(dialog, "值班日", QComboBox)
    mode.setCurrentIndex(mode.findData("weekdays"))
    for name in ("周一", "周二", "周三", "周四", "周五", "周六", "周日"):
        by_name(dialog, name).setChecked(False)
    tabs.setCurrentIndex(2)
    save(qtbot, dialog)
    assert tabs.currentIndex() == 1
    assert by_name(dialog, "指定星期错误提示", QLabel).text() == "请至少选择一天"
