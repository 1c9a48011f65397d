"""The regulations' numbers pinned to their defaults (issue 12, point 13).

Each test names its rule and fails if the default, or the rule's edge, is changed in code. Centers
change the numbers through settings; these tests are about what the app ships with.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain import duty_settings as ds
from dutydesk.domain import visit_rules as rules
from dutydesk.domain.attendance import (
    AFTER_CUTOFF_LATE,
    LATE,
    NOT_YET,
    PenaltyRules,
    SlotFacts,
    apply_penalties,
    is_absent,
    is_late,
    penalty_amount,
    report_flag,
    status,
)
from dutydesk.domain.duty_settings import sessions_from_json
from dutydesk.domain.proxy_case import NOTIFY_METHODS, CaseRules, StepKind, validate_step
from dutydesk.domain.sign_in_book import REPORT_CONSECUTIVE_DAYS, REPORT_DAYS_PER_YEAR
from dutydesk.domain.tally import TallyRow
from dutydesk.domain.workday_calendar import WorkdayCalendar

DAY = dt.date(2026, 11, 24)  # a Tuesday


def default_rules() -> PenaltyRules:
    return PenaltyRules(dict(ds.PENALTIES.default), ds.JOINT_LIABILITY.default, ds.FINDING_THRESHOLD.default,
                        ds.COUNTY_MULTIPLIER.default)


@pytest.mark.parametrize(("role", "yuan"), [
    ("书记", 200), ("主任", 200), ("副书记", 200),
    ("两委委员", 100), ("文书", 100), ("大学生村官", 100), ("选派干部", 100),
    ("协管员", 50), ("社保员", 50), ("代办员", 50), ("党员志愿者", 0),
])
def test_d14_default_penalty_per_absence_by_role(role, yuan):
    assert ds.penalty_for(role, ds.PENALTIES.default) == yuan
    assert penalty_amount(role, 1, 0, default_rules()) == yuan


def test_d14_joint_liability_is_100_per_absence_of_others():
    assert ds.JOINT_LIABILITY.default == 100
    rows = [TallyRow(1, "张书记", "书记", "2026-11"), TallyRow(2, "赵文书", "文书", "2026-11", absent=2)]
    apply_penalties(rows, {}, default_rules(), {}, {})
    assert rows[0].joint_liability == 200 and rows[0].penalty == 0  # 2 absences of others x 100
    assert rows[1].penalty == 200 and rows[1].joint_liability == 0  # 2 x 100 for a clerk


def test_d01_minimum_desk_hours_village_6_community_8():
    assert ds.MIN_HOURS.default == {"village": 6, "community": 8}
    assert ds.PEOPLE_PER_SESSION.default == 1


def test_d05_early_arrival_is_15_minutes():
    assert ds.EARLY_ARRIVAL_MINUTES.default == 15


def test_d02_d05_default_sessions_and_cutoffs():
    am, pm = sessions_from_json(ds.SESSIONS.default)
    assert (am.start, am.end, am.cutoff) == (dt.time(8, 30), dt.time(12, 0), dt.time(8, 30))
    assert (pm.start, pm.end, pm.cutoff) == (dt.time(14, 30), dt.time(17, 30), dt.time(14, 30))


def test_d05_a_sign_in_exactly_at_the_cutoff_is_on_time():
    am = sessions_from_json(ds.SESSIONS.default)[0]
    cutoff = dt.datetime.combine(DAY, am.cutoff)
    later = cutoff + dt.timedelta(seconds=1)
    evening = dt.datetime.combine(DAY, dt.time(18, 0))
    assert not is_late(SlotFacts(DAY, am, 1, sign_in=cutoff))
    assert not is_absent(SlotFacts(DAY, am, 1, sign_in=cutoff), evening)
    # one second after the cutoff the book is closed: absent by default (seed 004), late where a
    # center chose to count it so
    assert is_absent(SlotFacts(DAY, am, 1, sign_in=later), evening)
    assert is_late(SlotFacts(DAY, am, 1, sign_in=later, after_cutoff=AFTER_CUTOFF_LATE))
    assert status(SlotFacts(DAY, am, 1), cutoff) == NOT_YET
    late_center = SlotFacts(DAY, am, 1, after_cutoff=AFTER_CUTOFF_LATE)
    assert status(late_center, cutoff + dt.timedelta(minutes=1)) == LATE


@pytest.mark.parametrize(("setting", "days"), [
    (rules.SAME_DAY_DAYS, 0), (rules.REVIEW_DAYS, 2), (rules.REVIEW_MAX_DAYS, 5), (rules.WRITTEN_DAYS, 7),
    (rules.COMPLEX_DAYS, 10), (rules.MAX_DAYS, 15),
])
def test_v04_default_working_days(setting, days):
    assert setting.default == days


def test_v04_deadline_kinds_use_those_settings():
    assert {kind: setting.key for kind, (_label, setting) in rules.DEADLINE_KINDS.items()} == {
        "same_day": "visits.deadline.same_day", "review": "visits.deadline.review",
        "written": "visits.deadline.written", "complex": "visits.deadline.complex", "special": "visits.deadline.max"}


def test_v04_promised_deadline_counts_working_days_and_stops_at_15():
    calendar = WorkdayCalendar()
    assert rules.promised_deadline(calendar, DAY, 7, 15) == dt.date(2026, 12, 3)  # Tue + 7 working days
    assert rules.promised_deadline(calendar, DAY, 15, 15) == dt.date(2026, 12, 15)
    with pytest.raises(rules.RuleError, match="最长为15个工作日"):
        rules.promised_deadline(calendar, DAY, 16, 15)


def test_p03_a_refusal_needs_its_reason():
    errors = validate_step(StepKind.REFUSE, {"reason": "  "}, CaseRules(), DAY)
    assert errors == {"reason": "请填写不予办理原因"}
    assert validate_step(StepKind.REFUSE, {"reason": "不符合低保条件"}, CaseRules(), DAY) == {}


def test_p03_notifying_records_how_and_when():
    assert validate_step(StepKind.NOTIFY, {"method": "", "at": ""}, CaseRules(), DAY) == {
        "method": "请填写通知方式", "at": "请填写通知时间"}
    assert NOTIFY_METHODS == ("电话", "短信", "微信", "上门", "当面")
    for method in NOTIFY_METHODS:
        assert validate_step(StepKind.NOTIFY, {"method": method, "at": "11-24 10:00"}, CaseRules(), DAY) == {}


def test_d19_report_at_15_consecutive_or_30_absent_days_a_year():
    """D19 (seed 004): the defaults, and the flag exactly at each of them."""
    assert (REPORT_CONSECUTIVE_DAYS.default, REPORT_DAYS_PER_YEAR.default) == (15, 30)
    run = [(dt.date(2026, 3, 1) + dt.timedelta(days=i), True) for i in range(15)]
    assert report_flag(run[:14], 15, 30) == ""
    assert report_flag(run, 15, 30) == "连续缺勤15天，应上报组织部门"
    scattered = [(dt.date(2026, 1, 1) + dt.timedelta(days=i), i % 2 == 0) for i in range(60)]
    assert report_flag(scattered[:-2], 15, 30) == ""  # 29 absent days, never two in a row
    assert report_flag(scattered, 15, 30) == "本年累计缺勤30天，应上报组织部门"
