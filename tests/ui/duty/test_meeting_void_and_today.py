"""D17 on screen: a wrong meeting sign-in voided with a reason on the 会议学习 page, and today's
meetings and study sessions in one line on the 今日 page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QLineEdit, QTableView

from dutydesk.domain import meeting_rules as rules
from dutydesk.store.meetings import MeetingAttendance, add_session, sign_meeting
from tests.duty_helpers import make_staff
from tests.ui.duty.test_meeting_pages import column
from tests.ui.duty.test_pages import click, error, make_tab
from tests.ui.helpers import by_name, type_text


def _study(desk, topic: str = "学习党章"):
    return add_session(rules.STUDY, dt.date(2026, 11, 24), "14:30", topic, "测试", desk.now())


def test_d17_wrong_meeting_sign_in_is_voided_from_the_page_with_a_reason(app, qtbot, desk, clock):
    s = make_staff(desk)
    session = _study(desk)
    clock.set(dt.datetime(2026, 11, 24, 14, 20))
    sign_meeting(session, s["王委员"], "李文书", desk.now())
    _tab, page = make_tab(qtbot, desk, "会议学习")
    lines = by_name(page, "签到情况", QTableView)
    assert column(lines, "考勤")["王委员"] == "出席"
    row = next(r for r in range(lines.model().rowCount()) if lines.model().index(r, 0).data() == "王委员")
    lines.selectRow(row)
    click(qtbot, page, "作废所选签到")
    assert error(page, "作废签到原因") == "请填写作废原因（如：误选签到人员）"
    type_text(qtbot, by_name(page, "作废签到原因", QLineEdit), "误选签到人员")
    click(qtbot, page, "作废所选签到")
    assert by_name(page, "会议签到提示", QLabel).text() == "已作废王委员的签到"
    assert error(page, "作废签到原因") == "" and by_name(page, "作废签到原因", QLineEdit).text() == ""
    assert column(by_name(page, "签到情况", QTableView), "考勤")["王委员"] == "待签到"
    [kept] = MeetingAttendance.select()
    assert kept.void_reason == "误选签到人员" and kept.voided_by == desk.who  # kept in the books, audited


def test_d17_voiding_a_line_nobody_signed_says_so(app, qtbot, desk, clock):
    make_staff(desk)
    _study(desk)
    clock.set(dt.datetime(2026, 11, 24, 14, 20))
    _tab, page = make_tab(qtbot, desk, "会议学习")
    by_name(page, "签到情况", QTableView).selectRow(0)
    type_text(qtbot, by_name(page, "作废签到原因", QLineEdit), "误签")
    click(qtbot, page, "作废所选签到")
    assert by_name(page, "会议签到提示", QLabel).text().endswith("在该会议没有有效的签到")


def test_d17_today_page_shows_todays_sessions_in_one_line(app, qtbot, desk, clock):
    s = make_staff(desk)
    _tab, page = make_tab(qtbot, desk, "今日")
    line = by_name(page, "今日会议学习", QLabel)
    assert not line.isVisibleTo(page)  # no session today: no line
    session = _study(desk, "学习新修订的村民委员会组织法全文")
    clock.set(dt.datetime(2026, 11, 24, 14, 20))
    sign_meeting(session, s["王委员"], "李文书", desk.now())
    page.refresh()
    assert line.isVisibleTo(page)
    assert line.text() == "今日会议学习：14:30 集中学习：学习新修订的村民委员会…（出席1/7）"
    assert "学习新修订的村民委员会组织法全文" in line.toolTip()
