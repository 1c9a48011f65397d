"""The one place the app asks what time it is.

Attendance, deadlines and sign-in cutoffs all depend on "now"; passing a clock around
(instead of calling ``datetime.now()`` everywhere) lets tests move time forward on purpose.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """Local wall-clock time of the office PC (naive datetimes, as staff read them)."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)

    def today(self) -> dt.date:
        return self.now().date()


class FixedClock:
    """A clock tests set and advance by hand."""

    def __init__(self, at: dt.datetime) -> None:
        self._at = at

    def now(self) -> dt.datetime:
        return self._at

    def today(self) -> dt.date:
        return self._at.date()

    def set(self, at: dt.datetime) -> None:
        self._at = at

    def advance(self, **delta: float) -> None:
        self._at += dt.timedelta(**delta)
