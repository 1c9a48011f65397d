"""Calendar windows a quota is counted over: a month, a quarter, a year, a cadre's first year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MONTH = "month"
QUARTER = "quarter"
YEAR = "year"
PERIOD_LABELS = {MONTH: "本月", QUARTER: "本季度", YEAR: "本年度"}
_SIZE = {MONTH: 1, QUARTER: 3, YEAR: 12}


@dataclass(frozen=True)
class Window:
    start: dt.date
    end: dt.date  # inclusive

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def elapsed(self, on: dt.date) -> float:
        """The share of the window gone by at the end of ``on`` (0 before it, 1 after it)."""
        if on < self.start:
            return 0.0
        if on >= self.end:
            return 1.0
        return ((on - self.start).days + 1) / self.days


def _month_start(year: int, month: int) -> dt.date:
    year += (month - 1) // 12
    return dt.date(year, (month - 1) % 12 + 1, 1)


def window(period: str, on: dt.date) -> Window:
    """The month, quarter or year containing ``on``."""
    size = _SIZE[period]
    first_month = (on.month - 1) // size * size + 1
    start = _month_start(on.year, first_month)
    return Window(start, _month_start(on.year, first_month + size) - dt.timedelta(days=1))


def months(span: Window) -> list[Window]:
    """The calendar months making up a window (a month, quarter or year)."""
    found = []
    day = span.start
    while day <= span.end:
        found.append(window(MONTH, day))
        day = found[-1].end + dt.timedelta(days=1)
    return found


def quarters(span: Window) -> list[Window]:
    found = []
    day = span.start
    while day <= span.end:
        found.append(window(QUARTER, day))
        day = found[-1].end + dt.timedelta(days=1)
    return found


def first_year(term_start: dt.date) -> Window:
    """A cadre's first year in office (G03: main cadres visit every household within it)."""
    try:
        anniversary = term_start.replace(year=term_start.year + 1)
    except ValueError:  # 29 February
        anniversary = term_start.replace(year=term_start.year + 1, day=28)
    return Window(term_start, anniversary - dt.timedelta(days=1))
