"""D12 on the 人员 page: when the number changed is asked, and a late report is flagged on screen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QPushButton, QTableView

from dutydesk.ui.duty.tab import DutyTab
from tests.duty_helpers import make_staff
from tests.ui.helpers import by_name, type_text


def test_d12_phone_changed_more_than_24_hours_before_is_shown_as_late(app, qtbot, desk):
    make_staff(desk)
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    page = tab.show_page("人员")
    view = by_name(page, "人员名册", QTableView)
    view.setCurrentIndex(view.model().index(3, 0))
    assert by_name(page, "姓名").text() == "赵文书"
    by_name(page, "手机号").clear()
    type_text(qtbot, by_name(page, "手机号"), "13900000004")
    by_name(page, "换号时间", QDateTimeEdit).setDateTime(QDateTime(dt.datetime(2026, 11, 22, 8, 0)))
    qtbot.mouseClick(by_name(page, "保存修改", QPushButton), Qt.MouseButton.LeftButton)
    view.setCurrentIndex(view.model().index(3, 0))
    history = by_name(page, "手机号变更记录", QLabel).text()
    assert "2026-11-22 起：13900000004（11-22 08:00换号" in history
    assert "超过24小时才报告，迟报" in history


def test_d12_change_in_the_future_is_refused_beside_the_field(app, qtbot, desk):
    make_staff(desk)
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    page = tab.show_page("人员")
    view = by_name(page, "人员名册", QTableView)
    view.setCurrentIndex(view.model().index(3, 0))
    by_name(page, "手机号").clear()
    type_text(qtbot, by_name(page, "手机号"), "13900000004")
    by_name(page, "换号时间", QDateTimeEdit).setDateTime(QDateTime(dt.datetime(2026, 11, 25, 8, 0)))
    qtbot.mouseClick(by_name(page, "保存修改", QPushButton), Qt.MouseButton.LeftButton)
    assert by_name(page, "换号时间错误提示", QLabel).text() == "换号时间不能晚于现在"
    assert by_name(page, "手机号").text() == "13900000004"
