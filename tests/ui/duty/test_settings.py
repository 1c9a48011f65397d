"""工具 → 值班设置 (D01, D02, D05, D14): dated values, bad input beside the field, directors only."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox, QTimeEdit

from dutydesk.domain import duty_settings as ds
from dutydesk.store.accounts.account import Account
from dutydesk.store.duty.duty_config import duty_config
from dutydesk.store.settings import SettingValue
from dutydesk.ui.duty.settings_dialog import DutySettingsDialog
from dutydesk.ui.tabs import menu_actions
from tests.ui.helpers import by_name


def test_d02_settings_menu_is_for_directors_only():
    action = next(a for a in menu_actions() if a.text == "值班设置…")
    assert action.menu == "工具" and action.director_only


def test_d02_session_ending_before_it_starts_is_refused_beside_the_field(app, qtbot, desk):
    dialog = DutySettingsDialog(desk)
    qtbot.addWidget(dialog)
    by_name(dialog, "上午班结束时间", QTimeEdit).setTime(QTime(8, 0))
    qtbot.mouseClick(by_name(dialog, "保存设置", QPushButton), Qt.MouseButton.LeftButton)
    assert by_name(dialog, "上午班错误提示", QLabel).text() == "上午：结束时间应晚于开始时间"
    assert SettingValue.select().count() == 0
    assert by_name(dialog, "上午班结束时间", QTimeEdit).time() == QTime(8, 0)  # nothing typed is lost


def test_d01_d14_a_change_applies_from_its_date_and_keeps_past_months(app, qtbot, desk):
    desk.account = Account.get(Account.name == "王书记")
    dialog = DutySettingsDialog(desk)
    qtbot.addWidget(dialog)
    by_name(dialog, "每班人数", QSpinBox).setValue(2)
    by_name(dialog, "协管员处罚", QSpinBox).setValue(20)
    by_name(dialog, "下午班结束时间", QTimeEdit).setTime(QTime(18, 0))
    qtbot.mouseClick(by_name(dialog, "保存设置", QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.result() == DutySettingsDialog.DialogCode.Accepted
    today = desk.today()
    new = duty_config(today)
    assert new.per_session == 2 and new.penalties.amounts["协管员"] == 20
    assert new.sessions[1].end == dt.time(18, 0)
    old = duty_config(today - dt.timedelta(days=31))
    assert old.per_session == 1 and old.penalties.amounts["协管员"] == 50
    assert {v.created_by for v in SettingValue.select()} == {"王书记"}
    assert SettingValue.select().count() == 3  # only what changed


def test_d02_night_session_one_weekday(app, qtbot, desk):
    from PySide6.QtWidgets import QCheckBox

    dialog = DutySettingsDialog(desk)
    qtbot.addWidget(dialog)
    by_name(dialog, "启用驻夜班", QCheckBox).setChecked(True)
    qtbot.mouseClick(by_name(dialog, "保存设置", QPushButton), Qt.MouseButton.LeftButton)
    config = duty_config(desk.today())
    wednesday = desk.today() + dt.timedelta(days=(2 - desk.today().weekday()) % 7)
    assert [s.key for s in config.sessions_on(wednesday)] == ["am", "pm", "night"]
    assert [s.key for s in config.sessions_on(wednesday + dt.timedelta(days=1))] == ["am", "pm"]
    assert ds.SESSIONS.key in {v.key for v in SettingValue.select()}
