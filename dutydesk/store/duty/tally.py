"""The monthly attendance tally (考勤统计, D14) computed from the books.

Plain functions returning ``domain.attendance.TallyRow`` so the ledgers (issue 6) can lay out the
official 月度考勤统计表 from the same numbers the Today tab shows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from dutydesk.domain.attendance import (
    PenaltyRules,
    apply_penalties,
    is_absent,
    is_after_cutoff,
    is_early,
    is_late,
    report_flag,
)
from dutydesk.domain.liability import CONSECUTIVE
from dutydesk.domain.meeting_rules import NOT_REPORTED_BACK, OVERSTAYED
from dutydesk.domain.sign_in_book import REPORT_CONSECUTIVE_DAYS, REPORT_DAYS_PER_YEAR
from dutydesk.domain.tally import TallyRow
from dutydesk.store.day_range import day_bounds
from dutydesk.store.duty.attendance import DutyAssignment, assignments_between
from dutydesk.store.duty.duty_config import duty_config
from dutydesk.store.duty.finding_streaks import month_streaks, with_liability_settings
from dutydesk.store.duty.inspections import findings_between
from dutydesk.store.duty.leave_return import away_reasons
from dutydesk.store.duty.staff import all_staff
from dutydesk.store.settings import get_setting


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def _counts(year: int, month: int, now: dt.datetime) -> tuple[list[TallyRow], dict[int, int], PenaltyRules]:
    first, last = month_bounds(year, month)
    key = f"{year:04d}-{month:02d}"
    rows: dict[int, TallyRow] = {}
    for s in all_staff():
        if s.active_from <= last and (s.active_to is None or s.active_to >= first):
            rows[s.id] = TallyRow(s.id, s.name, s.role, key)

    def row(staff) -> TallyRow:
        if staff.id not in rows:
            rows[staff.id] = TallyRow(staff.id, staff.name, staff.role, key)
        return rows[staff.id]

    off_post_keys: set[tuple[int, dt.date, str]] = set()
    away = away_reasons(first, last)
    for a in assignments_between(first, last):
        mine = row(a.rostered)
        mine.scheduled += 1
        if a.leave_approved:
            mine.leave[a.leave.leave_type] = mine.leave.get(a.leave.leave_type, 0) + 1
            mine.late_leave += a.late_leave
            if not a.substitute_asked:
                continue  # D07: a substitute named after the session began is never blamed
            mine.substitutions_taken += 1
            row(a.holder).substitutions_given += 1
        holder = row(a.holder)
        facts = a.facts()
        if facts.sign_in is not None:
            holder.after_cutoff += is_after_cutoff(facts)
            holder.proxy_signed += a.sign_in.is_proxy
        if is_absent(facts, now):
            holder.absent += 1
            why = away(a.holder.id, a.day)  # D07: missed after leave ended
            holder.overstayed += why == OVERSTAYED
            holder.not_reported_back += why == NOT_REPORTED_BACK
            if a.found_off_post:
                off_post_keys.add((a.holder.id, a.day, a.session.key))
            continue
        if facts.sign_in is None:
            continue  # still to come
        holder.worked += 1
        holder.late += is_late(facts)
        holder.early += is_early(facts)
    county: dict[int, int] = defaultdict(int)
    for f in findings_between(*day_bounds(first, last)):
        r = row(f.staff)
        r.findings += 1
        if f.by_county:
            county[f.staff_id] += 1
    for staff_id, day, _session in off_post_keys:
        rows[staff_id].findings_on_absent += 1
        del day
    rules = with_liability_settings(duty_config(last).penalties, last)
    return list(rows.values()), county, rules


def _absent_day(a: DutyAssignment, now: dt.datetime) -> tuple[int, bool] | None:
    """(whose day, absent?) for one slot, or None when it tells nothing (leave, still to come)."""
    if a.leave_approved and not a.substitute_asked:
        return None
    facts = a.facts()
    if is_absent(facts, now):
        return a.holder.id, True
    return (a.holder.id, False) if facts.sign_in is not None else None


def report_flags(year: int, month: int, now: dt.datetime) -> dict[int, str]:
    """D19: per staff id, the warning to report absence to the organisation department, from the
    year's duty days and meeting or study days (D17) up to the end of ``month`` (a day with any
    absent session or missed meeting is an absent day)."""
    from dutydesk.store.duty.meetings import meeting_days

    last = month_bounds(year, month)[1]
    days: dict[int, dict[dt.date, bool]] = defaultdict(dict)
    found_days = [(found[0], a.day, found[1]) for a in assignments_between(dt.date(year, 1, 1), last)
                  if (found := _absent_day(a, now)) is not None]
    for staff_id, day, absent in found_days + meeting_days(dt.date(year, 1, 1), last, now):
        days[staff_id][day] = days[staff_id].get(day, False) or absent
    consecutive = int(get_setting(REPORT_CONSECUTIVE_DAYS, last))
    per_year = int(get_setting(REPORT_DAYS_PER_YEAR, last))
    flags = {sid: report_flag(sorted(d.items()), consecutive, per_year) for sid, d in days.items()}
    return {sid: flag for sid, flag in flags.items() if flag}


def month_tally(year: int, month: int, now: dt.datetime) -> list[TallyRow]:
    """One row per staff member for the month, with penalties per the table in force that month
    and half-year cumulative totals (D14), and the D19 report warning; flags count consecutive
    findings unless the setting says the half-year's total."""
    rows, county, rules = _counts(year, month, now)
    flags = report_flags(year, month, now)
    for r in rows:
        r.report_flag = flags.get(r.staff_id, "")
    earlier_units: dict[int, int] = defaultdict(int)
    earlier_penalty: dict[int, int] = defaultdict(int)
    first_month = 1 if month <= 6 else 7
    for m in range(first_month, month):
        before, before_county, before_rules = _counts(year, m, now)
        apply_penalties(before, before_county, before_rules, {}, {})
        for r in before:
            earlier_units[r.staff_id] += r.penalty_units
            earlier_penalty[r.staff_id] += r.total_penalty
    streaks = None
    if rules.count_mode == CONSECUTIVE:
        streaks = month_streaks(*month_bounds(year, month), now)
    apply_penalties(rows, county, rules, earlier_units, earlier_penalty, streaks)
    return sorted(rows, key=lambda r: r.staff_id)
