"""Whole days as timestamp bounds: the last day of a range counts in full."""

from __future__ import annotations

import datetime as dt

from dutydesk.store.audit import AuditEntry
from dutydesk.store.day_range import day_bounds, within_days


def test_day_bounds_include_the_whole_last_day():
    assert day_bounds(dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == (
        dt.datetime(2026, 11, 1), dt.datetime(2026, 12, 1))


def test_within_days_keeps_rows_on_the_days_and_open_ends(desk):
    stamps = [entry.at for entry in AuditEntry.select()]  # the fixture's accounts, 2026-11-24 09:00
    assert stamps and all(s.date() == dt.date(2026, 11, 24) for s in stamps)
    on = within_days(AuditEntry.select(), AuditEntry.at, dt.date(2026, 11, 24), dt.date(2026, 11, 24))
    assert on.count() == len(stamps)
    assert within_days(AuditEntry.select(), AuditEntry.at, None, dt.date(2026, 11, 23)).count() == 0
    assert within_days(AuditEntry.select(), AuditEntry.at, dt.date(2026, 11, 25), None).count() == 0
    assert within_days(AuditEntry.select(), AuditEntry.at, None, None).count() == len(stamps)
