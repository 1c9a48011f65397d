"""Deadline arithmetic of V04 on the real 2025/2026 calendar, and the outcome rules (V02, V07)."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.workday_calendar import SpecialDay, WorkdayCalendar

D = dt.date


def test_v04_friday_before_national_day_2025_with_7_working_days():
    """2025-09-26 (Fri) + 7 working days: Sun 28 Sep is a make-up day, 1-8 Oct are off, Sat 11 Oct works."""
    cal = WorkdayCalendar()
    assert rules.promised_deadline(cal, D(2025, 9, 26), 7, 15) == D(2025, 10, 13)


def test_v04_before_national_day_2026_with_7_working_days():
    cal = WorkdayCalendar()
    assert rules.promised_deadline(cal, D(2026, 9, 30), 7, 15) == D(2026, 10, 15)
    # Mid-autumn (25-27 Sep) is skipped, Sun 20 Sep is worked.
    assert rules.promised_deadline(cal, D(2026, 9, 18), 7, 15) == D(2026, 9, 29)


def test_v04_spring_festival_2026_review_deadline():
    cal = WorkdayCalendar()
    # Fri 13 Feb + 2: Sat 14 Feb is a make-up day, 15-23 Feb are off, then Tue 24 Feb.
    assert rules.promised_deadline(cal, D(2026, 2, 13), 2, 15) == D(2026, 2, 24)


def test_v04_same_day_and_maximum():
    cal = WorkdayCalendar()
    assert rules.promised_deadline(cal, D(2026, 11, 24), 0, 15) == D(2026, 11, 24)
    with pytest.raises(rules.RuleError, match="15"):
        rules.promised_deadline(cal, D(2026, 11, 24), 16, 15)


def test_v04_review_kind_capped_at_review_maximum():
    assert rules.REVIEW_DAYS.default == 2 and rules.REVIEW_MAX_DAYS.default == 5 and rules.MAX_DAYS.default == 15
    assert rules.kind_max_days("review", 5, 15) == 5
    assert rules.kind_max_days("complex", 5, 15) == 15
    assert rules.kind_days("review", 2, 5, 15) == 2
    assert rules.kind_days("review", 9, 5, 15) == 5
    assert rules.kind_days("special", 15, 5, 15) == 15


def test_v04_unknown_year_2027_falls_back_to_weekends_without_error():
    cal = WorkdayCalendar()
    assert not cal.has_official_year(2027)
    # Fri 1 Jan 2027 counts as a working day without entered holidays.
    assert rules.promised_deadline(cal, D(2026, 12, 31), 1, 15) == D(2027, 1, 1)
    entered = WorkdayCalendar({D(2027, 1, 1): SpecialDay(D(2027, 1, 1), False, "元旦", "entered")})
    assert rules.promised_deadline(entered, D(2026, 12, 31), 1, 15) == D(2027, 1, 4)


def test_v04_pauses_do_not_count():
    cal = WorkdayCalendar()
    deadline = D(2026, 11, 26)  # Thu
    # Paused Tue-Wed (2 working days, the person had to fetch papers): due moves to Mon 30 Nov.
    pauses = [rules.Pause(D(2026, 11, 24), D(2026, 11, 25))]
    assert rules.effective_deadline(cal, deadline, pauses, D(2026, 11, 27)) == D(2026, 11, 30)
    # Overlapping pauses count a day once.
    both = [*pauses, rules.Pause(D(2026, 11, 25), D(2026, 11, 25))]
    assert rules.paused_workdays(cal, both, D(2026, 11, 27)) == 2


def test_v04_urgency_due_soon_overdue_paused():
    cal = WorkdayCalendar()
    deadline = D(2026, 11, 27)  # Fri
    assert rules.urgency(cal, deadline, D(2026, 11, 24)) == rules.URGENCY_OK
    assert rules.urgency(cal, deadline, D(2026, 11, 26)) == rules.URGENCY_DUE_SOON
    assert rules.urgency(cal, deadline, D(2026, 11, 27)) == rules.URGENCY_DUE_SOON
    assert rules.urgency(cal, deadline, D(2026, 11, 30)) == rules.URGENCY_OVERDUE
    open_pause = [rules.Pause(D(2026, 11, 26), None)]
    assert rules.urgency(cal, deadline, D(2026, 12, 3), open_pause) == rules.URGENCY_PAUSED


def test_v02_out_of_scope_needs_unit_address_phone():
    errors = rules.validate_outcome(rules.OUT_OF_SCOPE, {"outside_unit": "镇司法所"})
    assert set(errors) == {"outside_address", "outside_phone"}


def test_v07_escalation_level_is_township_or_county():
    assert "escalate_level" in rules.validate_outcome(rules.ESCALATE, {"escalate_level": "省"})
    assert rules.validate_outcome(rules.ESCALATE, {"escalate_level": "县"}) == {}


def test_v03_initial_status_by_outcome():
    assert rules.initial_status(rules.DONE_NOW) == rules.FED_BACK
    assert rules.initial_status(rules.PROXY) == rules.PENDING
    assert rules.initial_status(rules.TRANSFER) == rules.IN_PROGRESS
