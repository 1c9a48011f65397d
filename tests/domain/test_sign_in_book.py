"""The sign-in book's rules without a database (D05, D19) and the township preset (seed 004)."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain import attendance as rules
from dutydesk.domain import duty_settings as ds
from dutydesk.domain.attendance import SlotFacts
from dutydesk.domain.sign_in_book import AFTER_CUTOFF, REPORT_CONSECUTIVE_DAYS, township_preset

DAY = dt.date(2026, 11, 24)
AM = ds.SessionDef("am", "上午", dt.time(8, 30), dt.time(12), dt.time(8, 30))
END = dt.datetime(2026, 11, 24, 12, 30)


def at(h, m=0):
    return dt.datetime.combine(DAY, dt.time(h, m))


def facts(sign_in, **kw):
    return SlotFacts(DAY, AM, 1, sign_in, None, **kw)


def test_d05_exactly_at_the_cutoff_is_in_time_one_minute_after_is_absent_by_default():
    assert not rules.is_after_cutoff(facts(at(8, 30)))
    assert not rules.is_absent(facts(at(8, 30)), END)
    late = facts(at(8, 31))
    assert rules.is_after_cutoff(late) and rules.is_absent(late, at(8, 31)) and not rules.is_late(late)
    assert rules.status(late, at(9)) == rules.AFTER_CUTOFF


def test_d05_after_cutoff_counts_as_late_where_the_center_chooses_so():
    late = facts(at(8, 31), after_cutoff=rules.AFTER_CUTOFF_LATE)
    assert rules.is_late(late) and not rules.is_absent(late, END)
    assert rules.status(late, at(9)) == rules.LATE


def test_d05_an_accepted_reason_counts_as_present():
    excused = facts(at(10), excused="公出")
    assert not rules.is_absent(excused, END) and not rules.is_late(excused)
    assert rules.status(excused, at(10, 30)) == rules.SIGNED_IN


def test_d05_unsigned_after_the_cutoff_shows_the_book_closed_then_absent_at_the_end():
    assert rules.status(facts(None), at(8, 30)) == rules.NOT_YET
    assert rules.status(facts(None), at(8, 31)) == rules.CUTOFF_PASSED
    assert rules.status(facts(None), END) == rules.ABSENT


def test_d05_fifteen_minutes_early_is_checked_but_costs_nothing_by_default():
    assert not rules.is_not_early(facts(at(8, 15), early_minutes=15))
    not_early = facts(at(8, 16), early_minutes=15)
    assert rules.is_not_early(not_early) and not rules.is_late(not_early)
    assert not rules.is_absent(not_early, END)
    assert rules.is_late(facts(at(8, 16), early_minutes=15, not_early_is_late=True))
    assert not rules.is_not_early(facts(at(8, 31), early_minutes=15))  # that is after the cutoff instead


def test_d05_a_slot_rostered_after_its_cutoff_is_never_absent_or_after_cutoff():
    waived = facts(None, cutoff_waived=True)
    assert not rules.is_absent(waived, END) and rules.status(waived, at(10)) == rules.NOT_YET
    assert not rules.is_after_cutoff(facts(at(11), cutoff_waived=True))


def test_d19_fifteen_consecutive_duty_days_or_thirty_a_year_are_flagged():
    days = [(DAY + dt.timedelta(days=i), True) for i in range(14)]
    assert rules.report_flag(days, 15, 30) == ""
    days.append((DAY + dt.timedelta(days=14), True))
    assert rules.report_flag(days, 15, 30) == "连续缺勤15天，应上报组织部门"
    broken = [(DAY + dt.timedelta(days=i), i % 10 != 9) for i in range(33)]
    assert rules.longest_absence_run(broken) == 9
    assert rules.report_flag(broken, 15, 30) == "本年累计缺勤30天，应上报组织部门"


def test_township_preset_closes_at_0830_charges_20_yuan_and_reports_at_15_or_30():
    current = {ds.SESSIONS.key: [dict(s, start="08:00") if s["key"] == "am" else s for s in ds.SESSIONS.default],
               ds.PENALTIES.key: ds.PENALTIES.default, ds.JOINT_LIABILITY.key: 100,
               AFTER_CUTOFF.key: rules.AFTER_CUTOFF_LATE}
    values = township_preset(current)
    am = next(s for s in values[ds.SESSIONS.key] if s["key"] == "am")
    assert am["start"] == "08:00" and am["cutoff"] == "08:30"
    assert set(values[ds.PENALTIES.key].values()) == {20}
    assert values[ds.JOINT_LIABILITY.key] == 0
    assert values[AFTER_CUTOFF.key] == rules.AFTER_CUTOFF_ABSENT
    assert values[REPORT_CONSECUTIVE_DAYS.key] == 15
