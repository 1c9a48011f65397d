"""Years whose holidays are unknown: the status line from 1 December, deadlines marked 待核实 (V04),
and holiday files shipped for years chinesecalendar lacks."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.calendar_years import deadline_text, deadline_unverified, missing_years, missing_years_status
from dutydesk.domain.clock import FixedClock
from dutydesk.domain.workday_calendar import SpecialDay, WorkdayCalendar, official_years

NEXT = max(official_years()) + 1  # 2027 with chinesecalendar 1.11: the first year it does not know


def _day(y, m, d, workday=False, source="entered"):
    day = dt.date(y, m, d)
    return {day: SpecialDay(day, workday, "元旦" if not workday else "调休", source)}


def test_v04_next_year_is_named_from_the_first_of_december():
    calendar = WorkdayCalendar()
    clock = FixedClock(dt.datetime(NEXT - 1, 11, 30, 17, 0))
    assert missing_years(clock.today(), calendar) == []
    assert missing_years_status(clock.today(), calendar) == ""
    clock.set(dt.datetime(NEXT - 1, 12, 1, 8, 0))
    assert missing_years(clock.today(), calendar) == [NEXT]
    assert missing_years_status(clock.today(), calendar) == f"{NEXT}年节假日未录入，期限暂按周末计算（待核实）"
    clock.set(dt.datetime(NEXT, 1, 4, 8, 0))  # still missing after New Year: this year now
    assert missing_years(clock.today(), calendar) == [NEXT]


def test_v04_an_entered_or_shipped_year_is_no_longer_missing():
    today = dt.date(NEXT - 1, 12, 10)
    assert missing_years(today, WorkdayCalendar(entered=_day(NEXT, 1, 1))) == []
    assert missing_years(today, WorkdayCalendar(shipped=_day(NEXT, 1, 1, source="package"))) == []


def test_v04_deadline_in_an_unknown_year_is_marked_to_verify():
    calendar = WorkdayCalendar()
    late = dt.date(NEXT, 1, 8)
    assert deadline_unverified(late, calendar)
    assert deadline_text(late, calendar) == f"{NEXT}-01-08（待核实）"
    assert deadline_text(late, calendar, "%Y年%m月%d日") == f"{NEXT}年01月08日（待核实）"
    known = dt.date(NEXT - 1, 12, 30)
    assert deadline_text(known, calendar) == f"{NEXT - 1}-12-30"
    assert not deadline_unverified(None, calendar)
    assert deadline_text(late, WorkdayCalendar(entered=_day(NEXT, 1, 1))) == f"{NEXT}-01-08"


def test_shipped_days_count_as_built_in_and_entered_days_win():
    shipped = {**_day(NEXT, 1, 1, source="package"), **_day(NEXT, 1, 2, source="package"),
               **_day(NEXT, 1, 9, workday=True, source="package")}
    entered = _day(NEXT, 1, 2, workday=True)  # the center knows better for one day
    calendar = WorkdayCalendar(entered=entered, shipped=shipped)
    assert calendar.has_official_year(NEXT) and calendar.knows_year(NEXT)
    assert not calendar.is_workday(dt.date(NEXT, 1, 1))
    assert calendar.is_workday(dt.date(NEXT, 1, 2))
    assert calendar.is_workday(dt.date(NEXT, 1, 9))  # a make-up working day, whatever the weekday
    assert [s.day.day for s in calendar.special_days(NEXT)] == [1, 2, 9]
    assert calendar.is_workday(dt.date(NEXT, 3, 3)) == (dt.date(NEXT, 3, 3).weekday() < 5)  # not in the file


def test_shipped_file_for_a_year_the_package_knows_is_ignored():
    known = max(official_years())
    national_day = dt.date(known, 10, 1)
    calendar = WorkdayCalendar(shipped=_day(known, 10, 1, workday=True, source="package"))
    assert not calendar.is_workday(national_day)
