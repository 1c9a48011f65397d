"""Fair rotation (issue 3 §3): equal counts, holidays balanced, no back-to-back, leave, special periods."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

import pytest

from dutydesk.domain.duty_settings import SessionDef, sessions_from_json
from dutydesk.domain.roster import Candidate, build_slots, check_roster, generate
from dutydesk.domain.workday_calendar import WorkdayCalendar

SESSIONS = sessions_from_json([
    {"key": "am", "name": "上午", "start": "08:30", "end": "12:00", "cutoff": "08:30"},
    {"key": "pm", "name": "下午", "start": "14:30", "end": "17:30", "cutoff": "14:30"},
])
START = dt.date(2026, 9, 1)  # includes National Day holidays
END = START + dt.timedelta(days=89)
CAL = WorkdayCalendar()


def staff(n: int = 7, committee: int = 4) -> list[Candidate]:
    return [Candidate(i, f"人{i}", "all", i <= committee, dt.date(2026, 1, 1)) for i in range(1, n + 1)]


def slots(start=START, end=END, periods=()):
    return build_slots(start, end, lambda d: SESSIONS, CAL.is_workday, lambda d: True, periods)


@pytest.mark.parametrize("per_session", [1, 2])
def test_d01_every_slot_filled_counts_within_one_over_90_days(per_session):
    all_slots = slots()
    plan = generate(all_slots, staff(), per_session)
    assert plan.problems == []
    assert all(len(plan.assignments[s.key]) == per_session for s in all_slots)
    assert all(len(set(plan.assignments[s.key])) == per_session for s in all_slots)
    totals = Counter(sid for people in plan.assignments.values() for sid in people)
    assert len(totals) == 7
    assert max(totals.values()) - min(totals.values()) <= 1


@pytest.mark.parametrize("per_session", [1, 2])
def test_d01_holidays_and_weekends_balanced_separately(per_session):
    all_slots = slots()
    assert any(not CAL.is_workday(d) and d.weekday() < 5 for d in {s.day for s in all_slots})  # 国庆
    plan = generate(all_slots, staff(), per_session)
    rest = Counter(sid for s in all_slots if not s.workday for sid in plan.assignments[s.key])
    assert len(rest) == 7
    assert max(rest.values()) - min(rest.values()) <= 1


def test_nobody_twice_in_a_row_when_avoidable():
    all_slots = slots()
    plan = generate(all_slots, staff(), 1)
    for a, b in itertools.pairwise(all_slots):
        assert not set(plan.assignments[a.key]) & set(plan.assignments[b.key]), (a.key, b.key)


def test_d07_approved_leave_is_respected_and_slots_still_filled():
    all_slots = slots()
    leave = {(s.day, s.session.key, 3) for s in all_slots if START <= s.day < START + dt.timedelta(days=14)}
    plan = generate(all_slots, staff(), 2, unavailable=leave)
    assert plan.problems == []
    for s in all_slots:
        if (s.day, s.session.key, 3) in leave:
            assert 3 not in plan.assignments[s.key]
    others = Counter(sid for p in plan.assignments.values() for sid in p if sid != 3)
    assert max(others.values()) - min(others.values()) <= 1


def test_d11_special_period_puts_every_committee_member_on_post():
    period = (dt.date(2026, 10, 10), dt.date(2026, 10, 12))
    all_slots = slots(periods=[period])
    plan = generate(all_slots, staff(), 1)
    for s in all_slots:
        if period[0] <= s.day <= period[1]:
            assert {1, 2, 3, 4} <= set(plan.assignments[s.key])
    assert plan.problems == []


def test_d03_inactive_and_non_rotating_staff_are_not_used():
    people = staff(5)
    people.append(Candidate(6, "志愿者", "non_workday", False, dt.date(2026, 1, 1)))
    people.append(Candidate(7, "协管", "none", False, dt.date(2026, 1, 1)))
    people.append(Candidate(8, "离任", "all", False, dt.date(2026, 1, 1), dt.date(2026, 9, 10)))
    all_slots = slots()
    plan = generate(all_slots, people, 1)
    for s in all_slots:
        got = plan.assignments[s.key]
        assert 7 not in got
        if s.workday:
            assert 6 not in got
        if s.day > dt.date(2026, 9, 10):
            assert 8 not in got
    assert any(6 in plan.assignments[s.key] for s in all_slots if not s.workday)


def test_fixed_manual_slots_are_kept_and_counted():
    all_slots = slots(END - dt.timedelta(days=6), END)
    fixed = {all_slots[0].key: [5]}
    plan = generate(all_slots, staff(), 1, fixed=fixed)
    assert plan.assignments[all_slots[0].key] == [5]


def test_d01_roster_short_of_people_or_hours_is_flagged():
    few = [Candidate(1, "甲", "all", True, dt.date(2026, 1, 1))]
    all_slots = slots(START, START + dt.timedelta(days=1))
    plan = generate(all_slots, few, 2)
    assert plan.problems and "缺1人" in plan.problems[0].message
    empty = {s.key: [1] for s in all_slots if s.session.key == "am"}
    problems = check_roster(all_slots, empty, 1, 6)
    assert any("少于每日最少6小时" in p.message for p in problems)
    assert any("下午应有1人" in p.message for p in problems)


def test_d01_days_covered_workdays_only():
    from dutydesk.domain.duty_settings import is_covered_day

    assert is_covered_day(dt.date(2026, 10, 1), {"mode": "all"}, False)
    assert not is_covered_day(dt.date(2026, 10, 1), {"mode": "workdays"}, False)
    assert is_covered_day(dt.date(2026, 10, 5), {"mode": "weekdays", "weekdays": [0]}, False)


def test_d02_default_sessions_and_night_session_one_weekday():
    from dutydesk.domain.duty_settings import SESSIONS as SETTING
    from dutydesk.domain.duty_settings import sessions_on, validate_sessions

    defaults = sessions_from_json(SETTING.default)
    assert [(s.start, s.end, s.cutoff) for s in defaults] == [
        (dt.time(8, 30), dt.time(12), dt.time(8, 30)), (dt.time(14, 30), dt.time(17, 30), dt.time(14, 30))]
    night = SessionDef("night", "驻夜", dt.time(19), dt.time(21, 30), dt.time(19), (2,))
    assert night in sessions_on(dt.date(2026, 11, 25), [*defaults, night])  # Wednesday
    assert night not in sessions_on(dt.date(2026, 11, 24), [*defaults, night])
    bad = SessionDef("x", "坏班", dt.time(12), dt.time(8), dt.time(12))
    assert "结束时间应晚于开始时间" in validate_sessions([bad])["x"]
