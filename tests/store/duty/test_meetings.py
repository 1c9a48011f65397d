"""Meetings and study sessions in the books: the month's plan, attendance with the duty sign-in
identity, leave and 销假, the monthly table, minutes filed per year (D17, D07, D19, A04)."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain import meeting_rules as rules
from dutydesk.domain.sign_in_book import REPORT_CONSECUTIVE_DAYS
from dutydesk.store.accounts.account import set_principal
from dutydesk.store.accounts.login import set_password
from dutydesk.store.audit import history
from dutydesk.store.duty.leave import LeaveInput, approve_leave, request_leave
from dutydesk.store.duty.leave_return import LeaveReturnInvalid, report_back, return_text
from dutydesk.store.duty.meetings import (
    MeetingInvalid,
    MeetingSession,
    add_session,
    attendance_of,
    month_table,
    plan_month,
    proxy_sign_meeting,
    record_minutes,
    sign_meeting,
)
from dutydesk.store.duty.sign_in_identity import set_pin
from dutydesk.store.duty.tally import month_tally, report_flags
from dutydesk.store.search_index import SearchFilter, search
from dutydesk.store.settings import set_setting
from tests.approvers import approver
from tests.duty_helpers import make_staff, put_on


def at(day: int, h: int = 9, m: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, h, m)


def leave(name: str, start: int, end: int, sub: str = "周协管"):
    row = request_leave(LeaveInput(name, dt.date(2026, 11, start), dt.date(2026, 11, end), "事假", "家事", sub),
                        "测试", at(start - 1, 10))
    return approve_leave(row, approver("王书记"), at(start - 1, 11))


def study(desk, day: int, start: str = "14:30") -> MeetingSession:
    return add_session(rules.STUDY, dt.date(2026, 11, day), start, "学习党章", "测试", at(1))


def by_name(lines):
    return {line.staff.name: line.text for line in lines}


def test_d17_plan_month_writes_the_default_schedule_once(desk):
    added = plan_month(2026, 11, desk.calendar(), "测试", at(1))
    assert [(s.day.day, s.kind) for s in added if s.kind == rules.STUDY] == [(2, "集中学习"), (9, "集中学习"),
                                                                           (16, "集中学习"), (23, "集中学习")]
    assert [s.day.day for s in added if s.kind == rules.REVIEW] == [2, 9, 16, 23, 30]
    assert plan_month(2026, 11, desk.calendar(), "测试", at(1)) == []  # already planned
    december = plan_month(2026, 12, desk.calendar(), "测试", dt.datetime(2026, 12, 8, 9))  # from today on
    assert [s.day.day for s in december] == [14, 14, 21, 21, 28, 28]
    with pytest.raises(MeetingInvalid) as err:
        add_session(rules.STUDY, dt.date(2026, 11, 2), "14:30", "", "测试", at(3))
    assert err.value.errors["day"] == "会议日期不能早于今天：已过的会议无法当场签到"
    with pytest.raises(MeetingInvalid) as err:
        study(desk, 16)
    assert err.value.errors["day"] == "11月16日 14:30 已安排集中学习"


def test_d17_attendance_with_an_approved_leave_and_an_absence_in_the_monthly_table(desk):
    s = make_staff(desk)
    session = study(desk, 16)
    leave("李主任", 16, 16)
    desk.clock.set(at(16, 14, 20))
    sign_meeting(session, s["张书记"], "李文书", desk.now())
    with pytest.raises(MeetingInvalid) as err:
        sign_meeting(session, s["张书记"], "李文书", desk.now())
    assert err.value.errors["staff"] == "张书记已签到"
    lines = by_name(attendance_of(session, desk.now()))
    assert lines["张书记"] == "出席" and lines["李主任"] == "请假（事假）" and lines["王委员"] == "待签到"
    people, detail = month_table(2026, 11, at(30, 18))
    rows = {r.name: r for r in people}
    assert (rows["张书记"].present, rows["张书记"].absent) == (1, 0)
    assert (rows["李主任"].leave, rows["李主任"].absent) == (1, 0)
    assert (rows["王委员"].absent, rows["王委员"].penalty) == (1, 0)  # no penalty by default
    assert by_name(detail[0][1])["王委员"] == "缺席"
    set_setting(rules.ABSENCE_PENALTY, 20, dt.date(2026, 11, 1), "测试", at(30, 18))
    assert {r.name: r.penalty for r in month_table(2026, 11, at(30, 18))[0]}["王委员"] == 20


def test_d17_sign_in_at_a_session_uses_the_duty_pin_and_principal_proxy(desk):
    s = make_staff(desk)
    session = study(desk, 24, "14:30")
    set_pin(s["王委员"], "1234", approver("王书记"), at(1))
    with pytest.raises(MeetingInvalid) as err:
        sign_meeting(session, s["王委员"], "李文书", at(23, 14, 20), pin="1234")
    assert err.value.errors["session"].startswith("只能在会议当天签到")
    with pytest.raises(MeetingInvalid) as err:
        sign_meeting(session, s["王委员"], "李文书", at(24, 14, 20), pin="9999")
    assert err.value.errors["pin"] == "签到密码不正确，请本人重新输入"
    assert sign_meeting(session, s["王委员"], "李文书", at(24, 14, 21), pin="1234").proof == "pin"
    leader = approver("王书记")
    set_principal(leader, True, "测试", at(1))
    set_password(leader, "8888", "测试", at(1))
    with pytest.raises(MeetingInvalid) as err:
        proxy_sign_meeting(session, s["赵文书"], "王书记", "8888", "", "李文书", at(24, 14, 25))
    assert err.value.errors["reason"] == "请填写代签原因"
    row = proxy_sign_meeting(session, s["赵文书"], "王书记", "8888", "在镇里开会途中", "李文书", at(24, 14, 25))
    assert row.proof == "proxy" and row.proxy_by == "王书记"
    assert by_name(attendance_of(session, at(24, 16)))["赵文书"] == "出席（代签，王书记授权）"


def test_d07_report_back_recorded_with_its_audit_trail(desk):
    make_staff(desk)
    row = leave("孙干部", 9, 13)
    assert return_text(row, dt.date(2026, 11, 12), desk.calendar()) == ""
    assert return_text(row, dt.date(2026, 11, 16), desk.calendar()) == "未销假"
    with pytest.raises(LeaveReturnInvalid) as err:
        report_back(row, dt.date(2026, 11, 25), "", "李文书", at(24))
    assert err.value.errors["returned_on"] == "返岗日期不能晚于今天"
    back = report_back(row, dt.date(2026, 11, 16), "按期返岗", "李文书", at(16, 8))
    assert [e.action for e in history(back)] == ["create"]
    assert return_text(row, dt.date(2026, 11, 20), desk.calendar()) == "已销假（11月16日返岗）"
    with pytest.raises(LeaveReturnInvalid) as err:
        report_back(row, dt.date(2026, 11, 16), "", "李文书", at(16, 9))
    assert err.value.errors["leave"] == "孙干部已于11月16日销假"


def test_d07_leave_overstayed_counts_as_absence_with_the_reason(desk):
    s = make_staff(desk)
    late = leave("孙干部", 9, 13)
    leave("钱村官", 2, 6)  # never reports back
    session = study(desk, 16)
    put_on(desk, dt.date(2026, 11, 17), "am", s["孙干部"])  # not there either: still away
    report_back(late, dt.date(2026, 11, 18), "家中有事延误", "李文书", at(18, 8))
    assert return_text(late, dt.date(2026, 11, 20), desk.calendar()) == "超假2天，11月18日销假"
    lines = by_name(attendance_of(session, at(30, 18)))
    assert lines["孙干部"] == "缺席（超假）" and lines["钱村官"] == "缺席（未销假）"
    rows = {r.name: r for r in month_table(2026, 11, at(30, 18))[0]}
    assert (rows["孙干部"].absent, rows["孙干部"].overstayed) == (1, 1)
    assert rows["钱村官"].not_reported_back == 1
    duty = {r.name: r for r in month_tally(2026, 11, at(30, 18))}
    assert (duty["孙干部"].absent, duty["孙干部"].overstayed, duty["孙干部"].not_reported_back) == (1, 1, 0)


def test_d19_meeting_absences_count_toward_the_report_warning(desk):
    s = make_staff(desk)
    set_setting(REPORT_CONSECUTIVE_DAYS, 2, dt.date(2026, 1, 1), "测试", at(1))
    first, second = study(desk, 16), study(desk, 23)
    for session, day in ((first, 16), (second, 23)):
        sign_meeting(session, s["张书记"], "李文书", at(day, 14, 20))
    flags = report_flags(2026, 11, at(30, 18))
    assert flags[s["王委员"].id] == "连续缺勤2天，应上报组织部门"
    assert s["张书记"].id not in flags


def test_a04_minutes_kept_per_session_and_found_in_the_archive(desk):
    make_staff(desk)
    session = study(desk, 16)
    with pytest.raises(MeetingInvalid) as err:
        record_minutes(session, "张书记", "学习党章第三章", "李文书", at(16, 10))
    assert err.value.errors["minutes"] == "会议尚未开始，不能填写会议记录"
    record_minutes(session, "张书记", "学习党章第三章，王委员发言", "李文书", at(16, 16))
    assert MeetingSession.get_by_id(session.id).minutes_by == "李文书"
    hits = search("党章第三章", SearchFilter(), limit=10)
    assert [h.kind for h in hits] == ["meeting"] and hits[0].day == dt.date(2026, 11, 16)


def test_d13_d17_the_review_meetings_record_is_the_one_on_the_review_page(desk):
    """D13/D17: attendance at the 周例会 is taken here; its content stays the 周例会 record."""
    from dutydesk.store.duty.meetings import minutes_kept, session_chair
    from dutydesk.store.duty.review_meeting import record_meeting

    make_staff(desk)
    review = add_session(rules.REVIEW, dt.date(2026, 11, 16), "08:30", "", "测试", at(1))
    with pytest.raises(MeetingInvalid) as err:
        record_minutes(review, "张书记", "回顾上周值班", "李文书", at(16, 10))
    assert err.value.errors["minutes"] == "周例会的会议内容请在“周例会”页登记"
    assert not minutes_kept(review)
    record_meeting(dt.date(2026, 11, 16), "张书记", "张书记、李主任", "回顾上周值班", "李文书", at(16, 10))
    assert minutes_kept(review) and session_chair(review) == "张书记"


def test_d17_volunteers_are_not_expected_unless_they_come(desk):
    from dutydesk.store.duty.staff import StaffInput, add_staff

    make_staff(desk)
    volunteer = add_staff(StaffInput("郑志愿", "党员志愿者", "13800000009", "", "", dt.date(2026, 1, 1)),
                          "测试", at(1))
    session = study(desk, 24, "14:30")
    assert "郑志愿" not in by_name(attendance_of(session, at(24, 16)))
    sign_meeting(session, volunteer, "李文书", at(24, 14, 20))
    assert by_name(attendance_of(session, at(24, 16)))["郑志愿"] == "出席"


def test_d07_not_reported_back_ends_when_the_person_is_seen_at_work_again(desk):
    s = make_staff(desk)
    leave("钱村官", 2, 6)  # never reports back
    first, later = study(desk, 9), study(desk, 23)
    sign_meeting(study(desk, 16), s["钱村官"], "李文书", at(16, 14, 20))  # back at work on the 16th
    assert by_name(attendance_of(first, at(30, 18)))["钱村官"] == "缺席（未销假）"
    assert by_name(attendance_of(later, at(30, 18)))["钱村官"] == "缺席"


def test_d07_d17_leave_of_the_morning_session_does_not_cover_an_afternoon_study(desk):
    make_staff(desk)
    row = request_leave(LeaveInput("王委员", dt.date(2026, 11, 16), dt.date(2026, 11, 16), "事假", "上午办事",
                                   "周协管", ["am"]), "测试", at(13, 10))
    approve_leave(row, approver("王书记"), at(13, 11))
    morning = add_session(rules.REVIEW, dt.date(2026, 11, 16), "08:30", "", "测试", at(1))
    afternoon = study(desk, 16)
    assert by_name(attendance_of(morning, at(30, 18)))["王委员"] == "请假（事假）"
    assert by_name(attendance_of(afternoon, at(30, 18)))["王委员"] == "缺席"
