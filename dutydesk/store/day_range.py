"""Whole days as timestamp bounds: records stamped with a time are listed "from 1 to 30 November"
by ``start 00:00 <= at < (end + 1 day) 00:00``, so the last day counts in full."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

Query = TypeVar("Query")


def day_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, the day after ``end`` 00:00): both days included."""
    return dt.datetime.combine(start, dt.time()), dt.datetime.combine(end + dt.timedelta(days=1), dt.time())


def within_days(query: Query, field: Any, start: dt.date | None, end: dt.date | None) -> Query:
    """``query`` narrowed to rows whose timestamp ``field`` falls on ``start``..``end`` (either
    end may be None: no bound that side)."""
    if start:
        query = query.where(field >= dt.datetime.combine(start, dt.time()))
    if end:
        query = query.where(field < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    return query
