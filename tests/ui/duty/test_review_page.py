"""D13 on the 周例会 page: whether last week's meeting was held, and recording one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from dutydesk.store.duty.review_meeting import DutyReviewMeeting
from dutydesk.ui.duty.tab import DutyTab
from tests.duty_helpers import make_staff
from tests.ui.helpers import by_name, type_text


def test_d13_review_page_shows_last_week_not_held_then_held(app, qtbot, desk):
    make_staff(desk)
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    page = tab.show_page("周例会")
    assert by_name(page, "上周例会", QLabel).text() == "上周例会（11月16日—11月22日）：未召开"
    assert by_name(page, "主持人", QComboBox).currentText() == "张书记"
    assert by_name(page, "参会人员", QLineEdit).text().startswith("张书记、李主任、王委员")
    by_name(page, "会议日期", QDateEdit).setDate(QDate(2026, 11, 16))
    qtbot.mouseClick(by_name(page, "登记例会", QPushButton), Qt.MouseButton.LeftButton)
    assert by_name(page, "会议内容错误提示", QLabel).text() == "请填写会议内容（上周值班情况、发现的问题、本周安排）"
    assert DutyReviewMeeting.select().count() == 0
    type_text(qtbot, by_name(page, "会议内容", QPlainTextEdit), "回顾上周值班，钱村官缺勤一次")
    qtbot.mouseClick(by_name(page, "登记例会", QPushButton), Qt.MouseButton.LeftButton)
    assert by_name(page, "例会提示", QLabel).text() == "已登记11月16日例会"
    assert by_name(page, "上周例会", QLabel).text() == (
        "上周例会（11月16日—11月22日）：已召开，11月16日，主持人张书记，参会7人")
    assert by_name(page, "本周例会", QLabel).text() == "本周例会（11月23日—11月29日）：未召开"
    assert DutyReviewMeeting.get().held_on == dt.date(2026, 11, 16)


def test_d13_d17_attendees_come_from_the_review_meetings_sign_in(app, qtbot, desk):
    from dutydesk.domain.meeting_rules import REVIEW
    from dutydesk.store.duty.meetings import add_session, sign_meeting

    s = make_staff(desk)
    session = add_session(REVIEW, dt.date(2026, 11, 23), "08:30", "", "测试", dt.datetime(2026, 11, 1, 9))
    for name, minute in (("李主任", 20), ("张书记", 25)):
        sign_meeting(session, s[name], "测试", dt.datetime(2026, 11, 23, 8, minute))
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    page = tab.show_page("周例会")
    assert by_name(page, "参会人员", QLineEdit).text() == "李主任、张书记"
