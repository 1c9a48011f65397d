"""D17 on screen: a wrong meeting sign-in voided with a reason on the 会议学习 page, and today's
meetings and study sessions in one line on the 今日 page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView

from dutydesk.domain import meeting_rules as rules
from dutydesk.store.duty.meetings import MeetingAttendance, add_session, sign_meeting
from dutydesk.ui.duty.void_sign_in_dialog import VoidSignInDialog
from tests.duty_helpers import make_staff
from tests.ui.duty.test_meeting_pages import column
from tests.ui.duty.test_pages import click, error, make_tab
from tests.ui.helpers import by_name, type_text, when_modal


def _study(desk, topic: str = "学习党章"):
    return add_session(rules.STUDY, dt.date(2026, 11, 24), "14:30", topic, "测试", desk.now())


def _select(page, name: str) -> None:
    lines = by_name(page, "签到情况", QTableView)
    lines.selectRow(next(r for r in range(lines.model().rowCount()) if lines.model().index(r, 0).data() == name))


def test_d17_wrong_meeting_sign_in_is_voided_from_the_page_with_a_reason(app, qtbot, desk, clock):
    s = make_staff(desk)
    session = _study(desk)
    clock.set(dt.datetime(2026, 11, 24, 14, 20))
    sign_meeting(session, s["王委员"], "李文书", desk.now())
    _tab, page = make_tab(qtbot, desk, "会议学习")
    assert column(by_name(page, "签到情况", QTableView), "考勤")["王委员"] == "出席"
    _select(page, "王委员")
    seen: dict[str, str] = {}

    def in_dialog(dialog: VoidSignInDialog) -> None:
        seen["title"] = dialog.windowTitle()
        qtbot.mouseClick(by_name(dialog, "确认作废", QPushButton), Qt.MouseButton.LeftButton)
        seen["empty"] = error(dialog, "作废原因")
        type_text(qtbot, by_name(dialog, "作废原因", QLineEdit), "误选签到人员")
        qtbot.mouseClick(by_name(dialog, "确认作废", QPushButton), Qt.MouseButton.LeftButton)

    when_modal(in_dialog, kind=VoidSignInDialog)
    click(qtbot, page, "作废所选签到")
    assert seen == {"title": "作废签到：王委员", "empty": "请填写作废原因（如：误选签到人员）"}
    assert by_name(page, "会议签到提示", QLabel).text() == "已作废王委员的签到"
    assert column(by_name(page, "签到情况", QTableView), "考勤")["王委员"] == "待签到"
    [kept] = MeetingAttendance.select()
    assert kept.void_reason == "误选签到人员" and kept.voided_by == desk.who  # kept in the books, audited


def test_d17_void_needs_a_signed_in_person_selected_and_cancel_voids_nothing(app, qtbot, desk, clock):
    s = make_staff(desk)
    session = _study(desk)
    clock.set(dt.datetime(2026, 11, 24, 14, 20))
    sign_meeting(session, s["王委员"], "李文书", desk.now())
    _tab, page = make_tab(qtbot, desk, "会议学习")
    _select(page, "张书记")  # not signed in
    click(qtbot, page, "作废所选签到")
    assert by_name(page, "会议签到提示", QLabel).text() == "请先在“签到情况”中选中已签到的人员"
    _select(page, "王委员")
    when_modal(lambda d: d.reject(), kind=VoidSignInDialog)
    click(qtbot, page, "作废所选签到")
    assert MeetingAttendance.get().voided_at is None


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
