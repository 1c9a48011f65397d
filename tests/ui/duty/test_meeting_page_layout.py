"""The 会议学习 page fits a 1366×768 laptop at 字号 大 (screen fit): the schedule, the sign-in and
the minutes are three parts of the page, the chosen meeting named above them all (D17)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView, QTabWidget

from dutydesk.domain import meeting_rules as rules
from dutydesk.store.duty.meetings import MeetingAttendance, add_session
from dutydesk.store.duty.sign_in_identity import set_pin
from tests.approvers import approver
from tests.duty_helpers import make_staff
from tests.ui.duty.test_pages import make_tab, pick
from tests.ui.helpers import activate, by_name, type_text

PARTS = {"会议安排": ["生成本月安排", "导出考勤表Excel", "导出考勤表PDF", "取消所选会议", "新增会议"],
         "会议签到": ["会议签到", "会议代签"],
         "会议记录": ["保存会议记录"]}


def _sessions(desk) -> None:
    add_session(rules.STUDY, dt.date(2026, 11, 23), "14:30", "", "测试", dt.datetime(2026, 11, 1, 9))
    add_session(rules.TOPIC_STUDY, dt.date(2026, 11, 26), "08:00", "学习基层治理条例", "测试",
                dt.datetime(2026, 11, 1, 9))


def test_d17_meeting_page_has_three_parts_with_every_action_in_its_part(app, qtbot, desk):
    make_staff(desk)
    _tab, page = make_tab(qtbot, desk, "会议学习")
    parts = by_name(page, "会议学习页面", QTabWidget)
    assert [parts.tabText(i) for i in range(parts.count())] == list(PARTS)
    for index, buttons in enumerate(PARTS.values()):
        for name in buttons:
            assert by_name(parts.widget(index), name, QPushButton)
    # the minutes editor takes the room its part has, no longer a fixed three lines
    minutes = by_name(page, "会议记录", QPlainTextEdit)
    assert minutes.minimumHeight() < minutes.maximumHeight()


def test_d17_the_chosen_meeting_is_named_above_every_part_and_opening_it_goes_to_sign_in(app, qtbot, desk):
    make_staff(desk)
    _sessions(desk)
    tab, page = make_tab(qtbot, desk, "会议学习")
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    parts = by_name(page, "会议学习页面", QTabWidget)
    chosen = by_name(page, "所选会议", QLabel)
    table = by_name(page, "会议安排", QTableView)
    assert chosen.text().startswith("11月26日 08:00 专题学习")  # the next meeting, chosen for the desk
    table.setCurrentIndex(table.model().index(0, 0))
    assert chosen.text().startswith("11月23日 14:30 集中学习")
    for index in range(parts.count()):
        parts.setCurrentIndex(index)
        assert chosen.isVisible() and not parts.isAncestorOf(chosen)
    parts.setCurrentIndex(0)
    row = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)  # QTest's double click is one event
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert parts.tabText(parts.currentIndex()) == "会议签到"
    assert chosen.text().startswith("11月23日 14:30 集中学习")


def test_d05_ctrl_enter_signs_in_on_the_sign_in_part(app, qtbot, desk, clock):
    s = make_staff(desk)
    set_pin(s["王委员"], "1234", approver("王书记"), desk.now())
    add_session(rules.OTHER, desk.today(), "09:00", "冬季防火部署会", "测试", dt.datetime(2026, 11, 1, 9))
    tab, page = make_tab(qtbot, desk, "会议学习")
    tab.show()
    activate(qtbot, tab)
    parts = by_name(page, "会议学习页面", QTabWidget)
    parts.setCurrentIndex(1)
    pick(page, "签到人员", "王委员")
    pin = by_name(page, "会议签到密码", QLineEdit)
    type_text(qtbot, pin, "1234")
    qtbot.keyClick(pin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert by_name(page, "所选会议", QLabel).text().startswith("11月24日 09:00 其他会议")
    message = by_name(page, "会议签到提示", QLabel)
    qtbot.waitUntil(lambda: message.text() != "")  # a button's shortcut clicks it after a moment
    assert message.text() == "王委员已签到 09:00"
    assert MeetingAttendance.select().count() == 1
