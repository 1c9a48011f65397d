import datetime as dt

from dutydesk.domain.workday_calendar import SpecialDay, WorkdayCalendar

D = dt.date


def test_v04_national_day_2025_and_make_up_workday():
    cal = WorkdayCalendar()
    assert not cal.is_workday(D(2025, 10, 1))
    assert cal.is_workday(D(2025, 9, 28))  # Sunday make-up workday (调休)
    # Taken on Tuesday 30 Sep 2025 with 7 working days: 1-8 Oct are holidays, 11 Oct is a make-up day.
    assert cal.add_workdays(D(2025, 9, 30), 7) == D(2025, 10, 16)  # 9,10,11(Sat),13,14,15,16


def test_v04_same_day_and_counting_between():
    cal = WorkdayCalendar()
    assert cal.add_workdays(D(2026, 11, 24), 0) == D(2026, 11, 24)
    assert cal.workdays_between(D(2026, 11, 20), D(2026, 11, 24)) == 2  # Mon, Tue
    assert cal.workdays_between(D(2026, 11, 24), D(2026, 11, 20)) == -2


def test_unknown_year_falls_back_to_weekends_without_raising():
    cal = WorkdayCalendar()
    assert not cal.has_official_year(2031)
    assert cal.is_workday(D(2031, 1, 1))  # a Wednesday; no official list known
    assert not cal.is_workday(D(2031, 1, 4))  # Saturday


def test_entered_days_override_the_package():
    entered = {D(2031, 1, 1): SpecialDay(D(2031, 1, 1), False, "元旦", "entered")}
    cal = WorkdayCalendar(entered)
    assert not cal.is_workday(D(2031, 1, 1))
    assert cal.special_days(2031) == [entered[D(2031, 1, 1)]]
