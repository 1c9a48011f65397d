"""Working days in China: statutory holidays and make-up workdays (调休).

Promised deadlines (V04) are counted in working days. The ``chinesecalendar`` package knows the
State Council's schedule only for the years it shipped with; for any other year the calendar falls
back to plain weekends plus what the center entered itself, and never raises, so a desk keeps
working on 2 January of a year the package has not caught up with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar
from chinese_calendar import constants as _official

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, repr=False)  # compared (cache_key), kept as Qt item data; never printed (issue 17)
class SpecialDay:
    """A day that differs from the plain Monday-Friday week."""

    day: dt.date
    is_workday: bool
    name: str
    source: str  # "package" (official list shipped with chinesecalendar) or "entered"


def official_years() -> set[int]:
    """Years for which the installed chinesecalendar has the official schedule."""
    return {d.year for d in _official.holidays} | {d.year for d in _official.workdays}


@lru_cache(maxsize=8192)
def _package_workday(day: dt.date) -> bool:
    """chinesecalendar's answer, remembered: it checks the date's range on every call, and
    deadlines of every open matter ask about the same few weeks on each refresh (issue 17)."""
    return bool(chinese_calendar.is_workday(day))


class WorkdayCalendar:
    """Answers working-day questions; ``entered`` overrides the package day by day.

    ``shipped`` holds the State Council's schedule for years the installed chinesecalendar does
    not know yet, shipped with DutyDesk (``resources/calendar/``): such a year counts as built in.
    """

    def __init__(self, entered: Mapping[dt.date, SpecialDay] | None = None,
                 shipped: Mapping[dt.date, SpecialDay] | None = None) -> None:
        self._entered = dict(entered or {})
        self._package_years = official_years()
        self._shipped = {d: s for d, s in (shipped or {}).items() if d.year not in self._package_years}
        self._official_years = self._package_years | {d.year for d in self._shipped}

    def cache_key(self) -> tuple:
        """Equal for calendars that answer every question alike (answers computed from one may
        be reused for the other, ``store.open_matters``)."""
        return (tuple(sorted(self._entered.items())), tuple(sorted(self._shipped.items())))

    def has_official_year(self, year: int) -> bool:
        return year in self._official_years

    def has_entered_year(self, year: int) -> bool:
        return any(d.year == year for d in self._entered)

    def knows_year(self, year: int) -> bool:
        """Whether the year's holidays are known (built in, shipped or entered here): deadlines
        counted into an unknown year assume plain weekends and are marked 待核实."""
        return self.has_official_year(year) or self.has_entered_year(year)

    def is_workday(self, day: dt.date) -> bool:
        if day in self._entered:
            return self._entered[day].is_workday
        if day in self._shipped:
            return self._shipped[day].is_workday
        if day.year in self._package_years:
            return _package_workday(day)
        return day.weekday() < 5

    def add_workdays(self, start: dt.date, count: int) -> dt.date:
        """The date ``count`` working days after ``start`` (``start`` itself not counted).

        ``count == 0`` means the same day ("simple matters the same day", V04). If ``start`` is
        not a working day, counting still begins with the next working day.
        """
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        remaining = count
        while remaining > 0:
            day += ONE_DAY
            if self.is_workday(day):
                remaining -= 1
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in the half-open range (start, end]; negative when end is before start."""
        if end < start:
            return -self.workdays_between(end, start)
        count = 0
        day = start
        while day < end:
            day += ONE_DAY
            if self.is_workday(day):
                count += 1
        return count

    def special_days(self, year: int) -> list[SpecialDay]:
        """Holidays and make-up workdays of a year, official ones overlaid by entered ones."""
        days: dict[dt.date, SpecialDay] = {}
        if year in self._package_years:
            for day, name in _official.holidays.items():
                if day.year == year:
                    days[day] = SpecialDay(day, False, _holiday_name(name), "package")
            for day, name in _official.workdays.items():
                if day.year == year:
                    days[day] = SpecialDay(day, True, _holiday_name(name) + "调休", "package")
        for source in (self._shipped, self._entered):
            for day, special in source.items():
                if day.year == year:
                    days[day] = special
        return sorted(days.values(), key=lambda s: s.day)


_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


def _holiday_name(holiday: object) -> str:
    english = getattr(holiday, "value", str(holiday))
    if isinstance(english, tuple):
        english = english[0]
    return _NAMES.get(str(english), str(english))
