"""工作日日历 page and the once-per-year warning for a year the package does not know (issue 4)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QSpinBox, QTableWidget

from dutydesk.store.accounts.account import Account
from dutydesk.ui.visits.calendar_settings import CalendarSettingsDialog
from dutydesk.ui.visits.tab import VisitsTab
from tests.ui.helpers import by_name, type_text


def rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def test_lists_official_days_with_source(qtbot, app, desk):
    dialog = CalendarSettingsDialog(desk)
    qtbot.addWidget(dialog)
    by_name(dialog, "年份", QSpinBox).setValue(2025)
    table = by_name(dialog, "节假日与调休", QTableWidget)
    assert ("2025-09-28", "星期日", "调休上班", "国庆节调休", "软件内置") in rows(table)
    assert ("2025-10-08", "星期三", "放假", "国庆节", "软件内置") in rows(table)


def test_director_adds_and_removes_a_day_for_2027(qtbot, app, desk):
    desk.account = Account.get(Account.name == "王书记")
    dialog = CalendarSettingsDialog(desk)
    qtbot.addWidget(dialog)
    by_name(dialog, "年份", QSpinBox).setValue(2027)
    assert "未内置 2027 年" in by_name(dialog, "日历说明", QLabel).text()
    by_name(dialog, "日期").setDate(QDate(2027, 1, 1))
    type_text(qtbot, by_name(dialog, "名称"), "元旦")
    qtbot.mouseClick(by_name(dialog, "添加日期"), Qt.MouseButton.LeftButton)
    table = by_name(dialog, "节假日与调休", QTableWidget)
    assert rows(table) == [("2027-01-01", "星期五", "放假", "元旦", "本中心录入")]
    assert not desk.calendar().is_workday(dt.date(2027, 1, 1))
    table.setCurrentCell(0, 0)
    qtbot.mouseClick(by_name(dialog, "删除所选"), Qt.MouseButton.LeftButton)
    assert rows(table) == []
    assert desk.calendar().is_workday(dt.date(2027, 1, 1))


def test_operator_cannot_edit(qtbot, app, desk):
    desk.account = Account.get(Account.name == "李文书")
    dialog = CalendarSettingsDialog(desk)
    qtbot.addWidget(dialog)
    assert not by_name(dialog, "添加日期").isEnabled()
    assert not by_name(dialog, "从文件导入…").isEnabled()


def test_import_file_and_bad_file_with_line_number(qtbot, app, desk, tmp_path):
    dialog = CalendarSettingsDialog(desk)
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.csv"
    bad.write_text("2027-01-01,休,元旦\n2027-01-02,放,错\n", encoding="utf-8")
    assert dialog.import_file(bad) == 0
    assert "第2行" in by_name(dialog, "操作结果", QLabel).text()
    good = tmp_path / "2027.json"
    good.write_text('[{"date": "2027-02-07", "type": "班", "name": "春节调休"}]', encoding="utf-8")
    assert dialog.import_file(good) == 1
    assert rows(by_name(dialog, "节假日与调休", QTableWidget)) == [
        ("2027-02-07", "星期日", "调休上班", "春节调休", "本中心录入")]


def test_missing_year_is_warned_once(qtbot, app, desk):
    tab = VisitsTab(desk)
    qtbot.addWidget(tab)
    warning = by_name(tab, "日历提示", QLabel)
    assert tab.calendar_warning.isVisibleTo(tab)
    assert "未内置 2027 年" in warning.text()
    assert tab.calendar_warning.years == [2027]
    qtbot.mouseClick(by_name(tab, "知道了"), Qt.MouseButton.LeftButton)
    again = VisitsTab(desk)
    qtbot.addWidget(again)
    assert again.calendar_warning.years == []
    assert not again.calendar_warning.isVisibleTo(again)


def test_no_warning_once_the_year_is_entered(qtbot, app, desk):
    from dutydesk.store.calendar_days import enter_day

    enter_day(dt.date(2027, 1, 1), False, "元旦", desk.who, desk.now())
    tab = VisitsTab(desk)
    qtbot.addWidget(tab)
    assert tab.calendar_warning.years == []
