"""Center-entered calendar days overlay the package; desk.calendar() reads them."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.calendar_file import parse_calendar_text
from dutydesk.store.calendar_days import CalendarDay, enter_day, import_days, remove_day


def test_entered_days_overlay_and_removal_is_voided(desk):
    day = dt.date(2027, 1, 1)
    assert desk.calendar().is_workday(day)
    enter_day(day, False, "元旦", desk.who, desk.now())
    cal = desk.calendar()
    assert not cal.is_workday(day)
    assert [(s.name, s.source) for s in cal.special_days(2027)] == [("元旦", "entered")]
    remove_day(day, desk.who, desk.now())
    assert desk.calendar().is_workday(day)
    assert CalendarDay.select().count() == 1  # kept, voided


def test_reentering_a_day_voids_the_earlier_entry(desk):
    enter_day(dt.date(2027, 2, 7), False, "错", desk.who, desk.now())
    enter_day(dt.date(2027, 2, 7), True, "春节调休", desk.who, desk.now())
    assert desk.calendar().is_workday(dt.date(2027, 2, 7))
    assert CalendarDay.select().where(CalendarDay.voided_at.is_null()).count() == 1


def test_official_days_cannot_be_removed(desk):
    with pytest.raises(ValueError, match="官方"):
        remove_day(dt.date(2026, 10, 1), desk.who, desk.now())


def test_imported_year_changes_deadlines(desk):
    import_days(parse_calendar_text("date,type,name\n2027-01-01,休,元旦\n2027-01-02,休,元旦\n"),
                desk.who, desk.now())
    assert desk.calendar().add_workdays(dt.date(2026, 12, 31), 1) == dt.date(2027, 1, 4)
