"""Issue 17: the attendance of many sessions is read set-based (``attendance_between``) and gives
exactly what the per-session computation gave, on demo books with leave, 超假 and 未销假 (D17, D07,
D19)."""

from __future__ import annotations

import datetime as dt

from dutydesk.demo.generate import DemoPlan, center_step
from dutydesk.domain import meeting_rules as rules
from dutydesk.store.duty.leave import leaves_between
from dutydesk.store.duty.leave_return import away_reasons
from dutydesk.store.duty.meetings import attendance_between, attendance_of, meeting_days, month_table, sessions_between
from dutydesk.store.duty.tally import month_bounds, report_flags


def demo_books(desk, days: int = 75) -> None:
    from dutydesk.demo.duty_demo import duty_step
    from dutydesk.demo.meetings_demo import meetings_step

    plan = DemoPlan(desk, days=days)
    center_step(plan)
    duty_step(plan)
    meetings_step(plan)


def per_session(start: dt.date, end: dt.date, now: dt.datetime) -> list[tuple]:
    """The computation as it was: one ``attendance_of`` (its own queries) per session."""
    leaves = leaves_between(start, end)
    reasons = away_reasons(start, end)
    return [(session, attendance_of(session, now, leaves, reasons)) for session in sessions_between(start, end)]


def as_facts(found: list[tuple]) -> list[tuple]:
    return [(session.id, [(line.staff.id, line.status, line.note) for line in lines]) for session, lines in found]


def test_d17_d07_attendance_between_matches_the_per_session_computation(desk):
    demo_books(desk)
    now = desk.now()
    start, end = now.date() - dt.timedelta(days=80), now.date() + dt.timedelta(days=20)
    found = as_facts(attendance_between(start, end, now))
    assert found == as_facts(per_session(start, end, now))
    statuses = {status for _session, lines in found for _staff, status, _note in lines}
    assert {rules.PRESENT, rules.ABSENT} <= statuses  # the demo books exercise the rules compared
    notes = {note for _session, lines in found for _staff, _status, note in lines}
    assert notes & {rules.NOT_REPORTED_BACK} or any(n.startswith(rules.OVERSTAYED) for n in notes)


def test_d19_meeting_days_and_d17_month_table_unchanged(desk):
    demo_books(desk)
    now = desk.now()
    year_start = dt.date(now.year, 1, 1)
    old_days = [(line.staff.id, session.day, line.status == rules.ABSENT)
                for session, lines in per_session(year_start, now.date(), now) for line in lines
                if line.status in (rules.PRESENT, rules.ABSENT)]
    assert meeting_days(year_start, now.date(), now) == old_days
    assert old_days
    people, detail = month_table(now.year, now.month, now)
    assert as_facts(detail) == as_facts(per_session(*month_bounds(now.year, now.month), now))
    assert sum(r.expected for r in people) > 0
    report_flags(now.year, now.month, now)  # D19 reads meeting_days: still runs on the same books


def test_attendance_between_an_empty_range(desk):
    assert attendance_between(dt.date(2020, 1, 1), dt.date(2020, 1, 31), desk.now()) == []


def test_d17_month_list_summaries_match_each_sessions_summary(desk):
    """The 会议学习 list's "出席5/7，请假1，缺席1" read for the month at once equals each session's."""
    from dutydesk.store.duty.meetings import session_summary, summary_text

    demo_books(desk, days=40)
    now = desk.now()
    found = attendance_between(now.date() - dt.timedelta(days=40), now.date(), now)
    assert found
    assert [summary_text(lines) for _s, lines in found] == [session_summary(s, now) for s, _lines in found]
