"""Center-entered calendar days overlay the package; desk.calendar() reads them."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.calendar_file import parse_calendar_text
from dutydesk.store.calendar_days import CalendarDay, enter_day, import_days, load_calendar, remove_day


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


def test_v04_entered_days_are_read_once_per_change_of_the_books(desk):
    """Issue 17: the calendar is built on every refresh; the books are asked again only after a
    change, and every change (entered, removed, or written by another connection) counts at once."""
    day = dt.date(2026, 12, 28)
    assert load_calendar().is_workday(day)
    queries = []
    connection = desk.db.connection()
    connection.set_trace_callback(lambda sql: queries.append(sql) if "calendar_day" in sql else None)
    try:
        load_calendar()
        assert queries == []
        enter_day(day, False, "本中心调休", desk.who, desk.now())
        assert not load_calendar().is_workday(day)
        remove_day(day, desk.who, desk.now())
        assert load_calendar().is_workday(day)
        CalendarDay.update(voided_at=None).execute()  # any write to the books, audited or not
        assert not load_calendar().is_workday(day)
    finally:
        connection.set_trace_callback(None)
