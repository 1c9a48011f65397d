"""Monthly attendance tally with penalties (D05, D06, D14, D15)."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.duty_settings import PENALTIES
from dutydesk.domain.liability import ADMONITION_ROLES, FINDING_COUNT_MODE, JOINT_LIABILITY_ROLES
from dutydesk.store.duty.attendance import sign_in, sign_out
from dutydesk.store.duty.inspections import record_complaint, record_inspection
from dutydesk.store.duty.leave import LeaveInput, approve_leave, request_leave
from dutydesk.store.duty.tally import month_tally
from dutydesk.store.settings import set_setting
from tests.approvers import approver
from tests.duty_helpers import PEOPLE, count_after_cutoff_as_late, make_staff, put_on

DAY = dt.date(2026, 11, 24)


def at(h, m=0, day=DAY):
    return dt.datetime.combine(day, dt.time(h, m))


def rows_by_name(now):
    return {r.name: r for r in month_tally(2026, 11, now)}


def test_d05_late_absent_leave_and_substitute_counts(desk, clock):
    s = make_staff(desk)
    count_after_cutoff_as_late(desk)
    put_on(desk, DAY, "am", s["王委员"])   # on time
    put_on(desk, DAY, "am", s["赵文书"])   # late
    put_on(desk, DAY, "pm", s["钱村官"])   # never signs in
    put_on(desk, DAY, "pm", s["孙干部"])   # approved sick leave, 周协管 substitutes
    leave = request_leave(LeaveInput("孙干部", DAY, DAY, "病假", "住院", "周协管", ["pm"]), "测试", at(8))
    approve_leave(leave, approver("王书记"), at(8, 5))
    sign_in(s["王委员"], "测试", at(8, 20))
    sign_in(s["赵文书"], "测试", at(8, 45))
    sign_in(s["周协管"], "测试", at(14, 20))
    rows = rows_by_name(at(17, 31))
    assert (rows["王委员"].worked, rows["王委员"].late, rows["王委员"].absent) == (1, 0, 0)
    assert (rows["赵文书"].worked, rows["赵文书"].late) == (1, 1)
    assert (rows["钱村官"].worked, rows["钱村官"].absent, rows["钱村官"].penalty) == (0, 1, 100)
    assert rows["孙干部"].leave["病假"] == 1 and rows["孙干部"].absent == 0
    assert rows["孙干部"].substitutions_taken == 1 and rows["周协管"].substitutions_given == 1
    assert rows["周协管"].worked == 1 and rows["周协管"].scheduled == 0
    assert rows["张书记"].joint_liability == 100 and rows["李主任"].joint_liability == 100
    # before the afternoon session ends nobody is absent yet
    assert rows_by_name(at(15))["钱村官"].absent == 0


def test_substitute_who_does_not_sign_in_is_absent_not_the_original(desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["孙干部"])
    leave = request_leave(LeaveInput("孙干部", DAY, DAY, "事假", "家事", "周协管"), "测试", at(7))
    approve_leave(leave, approver("王书记"), at(7, 30))
    rows = rows_by_name(at(13))
    assert rows["周协管"].absent == 1 and rows["周协管"].penalty == 50
    assert rows["孙干部"].absent == 0 and rows["孙干部"].leave["事假"] == 1


def test_d07_unapproved_leave_leaves_the_original_responsible(desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["孙干部"])
    request_leave(LeaveInput("孙干部", DAY, DAY, "事假", "家事", "周协管"), "测试", at(7))
    rows = rows_by_name(at(13))
    assert rows["孙干部"].absent == 1 and rows["周协管"].absent == 0


def test_d06_signed_in_then_found_off_post_is_absent_once(desk):
    s = make_staff(desk)
    put_on(desk, DAY, "am", s["王委员"])
    sign_in(s["王委员"], "测试", at(8, 10))
    record_inspection(at(10), "镇纪委", [s["王委员"]], False, "不在岗", "测试", at(10, 30))
    sign_out(s["王委员"], "无", "", "测试", at(12))
    row = rows_by_name(at(13))["王委员"]
    assert (row.absent, row.findings, row.penalty_units, row.penalty) == (1, 1, 1, 100)


def test_d15_verified_complaint_is_a_finding_and_county_doubles(desk):
    s = make_staff(desk)
    record_complaint(at(10), s["李主任"], "张书记", "监督电话投诉无人值班，经核实属实", True, "测试", at(11))
    row = rows_by_name(at(13))["李主任"]
    assert (row.findings, row.penalty_units) == (1, 1)
    assert row.penalty == 400  # D14: 200 for the director, doubled when found by the county


def test_d14_penalty_table_in_force_that_month_and_threshold_flags(desk):
    s = make_staff(desk)
    set_setting(PENALTIES, {**PENALTIES.default, "协管员": 20}, dt.date(2026, 12, 1), "测试", at(8))
    for day in (dt.date(2026, 10, 5), dt.date(2026, 11, 2), dt.date(2026, 11, 3)):
        put_on(desk, day, "am", s["周协管"])
    put_on(desk, dt.date(2026, 12, 1), "am", s["周协管"])
    nov = rows_by_name(dt.datetime(2026, 12, 2, 18))["周协管"]
    assert nov.penalty == 100  # the November table: 50 per absence
    assert nov.half_year_findings == 3 and nov.flag == "劝辞"  # July-December: October and November
    dec = {r.name: r for r in month_tally(2026, 12, dt.datetime(2026, 12, 2, 18))}["周协管"]
    assert dec.penalty == 20  # the new table applies from December only
    assert dec.half_year_findings == 4 and dec.half_year_penalty == 150 + 20
    jan = {r.name: r for r in month_tally(2027, 1, dt.datetime(2027, 1, 31, 18))}["周协管"]
    assert jan.half_year_findings == 0 and jan.flag == ""  # a new half-year starts over


def test_d14_consecutive_findings_flag_the_assistant_and_the_village_leaders(desk):
    """D14: "连续发现3次以上": a held session breaks the run; at 3 in a row the assistant is advised to
    resign and the village's 书记 and 主任 go for an admonition talk; 副书记 shares joint liability."""
    s = make_staff(desk, people=[*PEOPLE, ("陈副书记", "副书记", "13800000008")])
    days = [dt.date(2026, 11, d) for d in (2, 3, 4, 5)]
    for day in days:
        put_on(desk, day, "am", s["周协管"])
    sign_in(s["周协管"], "测试", at(8, 20, day=days[1]))  # absent 2nd, present 3rd, absent 4th and 5th
    now = at(18, day=days[-1])
    rows = rows_by_name(now)
    assert rows["周协管"].half_year_findings == 3 and rows["周协管"].flag == ""  # only 2 in a row
    assert rows["周协管"].penalty == 150  # 50 yuan each
    assert [rows[n].joint_liability for n in ("张书记", "李主任", "陈副书记")] == [300, 300, 300]
    assert rows["王委员"].joint_liability == 0
    set_setting(FINDING_COUNT_MODE, "half_year", dt.date(2026, 1, 1), "测试", at(8))
    assert rows_by_name(now)["周协管"].flag == "劝辞"  # counted per half-year instead


def test_d14_three_in_a_row_reach_the_admonition_talk(desk):
    s = make_staff(desk, people=[*PEOPLE, ("陈副书记", "副书记", "13800000008")])
    for day in (dt.date(2026, 10, 30), dt.date(2026, 11, 2), dt.date(2026, 11, 3)):
        put_on(desk, day, "am", s["周协管"])
    rows = rows_by_name(at(18, day=dt.date(2026, 11, 3)))
    assert rows["周协管"].flag == "劝辞"  # the run began in October and reached November
    assert (rows["张书记"].flag, rows["李主任"].flag, rows["陈副书记"].flag) == ("诫勉谈话", "诫勉谈话", "")
    set_setting(ADMONITION_ROLES, ["书记", "主任", "副书记"], dt.date(2026, 11, 1), "测试", at(8))
    set_setting(JOINT_LIABILITY_ROLES, ["书记"], dt.date(2026, 11, 1), "测试", at(8))
    rows = rows_by_name(at(18, day=dt.date(2026, 11, 3)))
    assert rows["陈副书记"].flag == "诫勉谈话"
    assert (rows["张书记"].joint_liability, rows["李主任"].joint_liability) == (200, 0)


def test_d14_penalty_per_role_pinned(desk):
    """D14: 书记/主任/副书记 200, other cadres 100, assistants 50 per absence."""
    s = make_staff(desk, people=[*PEOPLE, ("陈副书记", "副书记", "13800000008")])
    for name in ("陈副书记", "赵文书", "周协管"):
        put_on(desk, DAY, "am", s[name])
    rows = rows_by_name(at(13))
    assert [rows[n].penalty for n in ("陈副书记", "赵文书", "周协管")] == [200, 100, 50]
    # Joint: 100 for each absence of someone outside the liable roles (赵文书, 周协管).
    assert rows["张书记"].joint_liability == 200 and rows["陈副书记"].joint_liability == 200
