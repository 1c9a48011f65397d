"""The meeting schedule by the settings (D13, D17) and what a session missed after leave is (D07)."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain import meeting_rules as rules
from dutydesk.domain.meeting_rules import MeetingPlan, after_leave_reason, planned_meetings


def test_d17_default_plan_is_four_monday_afternoon_studies_and_a_weekly_review():
    plan = planned_meetings(2026, 11, MeetingPlan())
    studies = [m.day.day for m in plan if m.kind == rules.STUDY]
    reviews = [m.day.day for m in plan if m.kind == rules.REVIEW]
    assert studies == [2, 9, 16, 23]  # four Mondays, not the fifth
    assert reviews == [2, 9, 16, 23, 30]
    assert {m.start for m in plan if m.kind == rules.STUDY} == {dt.time(14, 30)}
    assert plan == sorted(plan, key=lambda m: (m.day, m.start))


def test_d17_topic_study_on_the_first_week_tuesday_and_review_every_other_monday():
    plan = planned_meetings(2026, 12, MeetingPlan(study_mode=rules.FIRST_TUESDAY, review_every_weeks=2))
    assert [(m.day, m.kind) for m in plan if m.kind != rules.REVIEW] == [(dt.date(2026, 12, 1), rules.TOPIC_STUDY)]
    reviews = [m.day for m in plan if m.kind == rules.REVIEW]
    assert reviews == [dt.date(2026, 12, 7), dt.date(2026, 12, 21)]
    # counted from the year's first Monday (5 January 2026), so the pattern runs on across months
    assert rules.review_week(dt.date(2026, 1, 5), 2) and not rules.review_week(dt.date(2026, 1, 12), 2)


def test_d07_session_missed_after_leave_is_overstayed_or_not_reported_back():
    end = dt.date(2026, 11, 13)
    assert after_leave_reason(dt.date(2026, 11, 12), end, None) == ""  # still on leave
    assert after_leave_reason(dt.date(2026, 11, 16), end, None) == rules.NOT_REPORTED_BACK
    assert after_leave_reason(dt.date(2026, 11, 16), end, dt.date(2026, 11, 18)) == rules.OVERSTAYED
    assert after_leave_reason(dt.date(2026, 11, 18), end, dt.date(2026, 11, 18)) == ""  # back that day
    # never reported back, but signed in for duty on the 17th: back at work, a later miss is plain absence
    assert after_leave_reason(dt.date(2026, 11, 16), end, None, dt.date(2026, 11, 17)) == rules.NOT_REPORTED_BACK
    assert after_leave_reason(dt.date(2026, 11, 18), end, None, dt.date(2026, 11, 17)) == ""


def test_d17_attendance_status():
    assert rules.attendance_status(True, True, True) == rules.PRESENT
    assert rules.attendance_status(False, True, True) == rules.ON_LEAVE
    assert rules.attendance_status(False, False, False) == rules.WAITING
    assert rules.attendance_status(False, False, True) == rules.ABSENT
