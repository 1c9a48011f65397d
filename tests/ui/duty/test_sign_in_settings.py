"""值班设置's sign-in book part and the 乡镇机关考勤 preset (D05, D14, D19; seed 004)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QTimeEdit

from dutydesk.domain.attendance import AFTER_CUTOFF_ABSENT, AFTER_CUTOFF_LATE
from dutydesk.domain.sign_in_book import AFTER_CUTOFF, REPORT_CONSECUTIVE_DAYS, REPORT_DAYS_PER_YEAR
from dutydesk.store.accounts.account import Account
from dutydesk.store.duty.duty_config import duty_config
from dutydesk.store.settings import get_setting
from dutydesk.ui.duty.settings_dialog import DutySettingsDialog
from tests.ui.helpers import by_name


def press(qtbot, root, label: str) -> None:
    qtbot.mouseClick(by_name(root, label, QPushButton), Qt.MouseButton.LeftButton)


def open_dialog(qtbot, desk) -> DutySettingsDialog:
    desk.account = Account.get(Account.name == "王书记")
    dialog = DutySettingsDialog(desk)
    qtbot.addWidget(dialog)
    return dialog


def test_d05_d14_d19_township_preset_fills_the_dialog_and_saves_from_its_date(app, qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    by_name(dialog, "上午班开始时间", QTimeEdit).setTime(QTime(8, 0))
    by_name(dialog, "上午班停签时间", QTimeEdit).setTime(QTime(8, 0))
    after = by_name(dialog, "停签后签到计为", QComboBox)
    after.setCurrentIndex(after.findData(AFTER_CUTOFF_LATE))
    press(qtbot, dialog, "套用预设：乡镇机关考勤")
    assert "上午08:30停签" in by_name(dialog, "预设提示", QLabel).text()
    assert by_name(dialog, "上午班停签时间", QTimeEdit).time() == QTime(8, 30)
    assert by_name(dialog, "书记处罚", QSpinBox).value() == 20 and by_name(dialog, "协管员处罚", QSpinBox).value() == 20
    assert by_name(dialog, "连带责任", QSpinBox).value() == 0
    assert after.currentData() == AFTER_CUTOFF_ABSENT
    assert by_name(dialog, "连续缺勤上报天数", QSpinBox).value() == 15
    assert by_name(dialog, "全年缺勤上报天数", QSpinBox).value() == 30
    press(qtbot, dialog, "保存设置")
    assert dialog.result() == DutySettingsDialog.DialogCode.Accepted
    today = desk.today()
    config = duty_config(today)
    am = config.sessions[0]
    assert (am.start, am.cutoff) == (dt.time(8, 0), dt.time(8, 30))
    assert set(config.penalties.amounts.values()) == {20} and config.penalties.joint_liability == 0
    assert get_setting(AFTER_CUTOFF, today) == AFTER_CUTOFF_ABSENT
    assert duty_config(today - dt.timedelta(days=31)).penalties.amounts["书记"] == 200  # the past keeps its table


def test_d05_d19_sign_in_book_settings_are_saved(app, qtbot, desk):
    dialog = open_dialog(qtbot, desk)
    after = by_name(dialog, "停签后签到计为", QComboBox)
    after.setCurrentIndex(after.findData(AFTER_CUTOFF_LATE))
    by_name(dialog, "连续缺勤上报天数", QSpinBox).setValue(10)
    by_name(dialog, "全年缺勤上报天数", QSpinBox).setValue(20)
    press(qtbot, dialog, "保存设置")
    today = desk.today()
    assert get_setting(AFTER_CUTOFF, today) == AFTER_CUTOFF_LATE
    assert get_setting(REPORT_CONSECUTIVE_DAYS, today) == 10 and get_setting(REPORT_DAYS_PER_YEAR, today) == 20
