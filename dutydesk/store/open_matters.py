"""What is still open at the desk, gathered from every feature without coupling them.

The handover note (D09), the 待跟进 panel and the status bar all ask "what is still open?".
Visits and proxy cases each register a provider here; the duty feature only reads the list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.feature_loading import load_features


@dataclass(frozen=True)
class OpenMatter:
    kind: str  # "visit", "proxy", ...
    ref: str  # what staff quote: a visit number or slip number
    summary: str  # one line: person, matter
    due: dt.date | None
    status: str  # "ok", "due_soon", "overdue"
    record_id: int = 0


# provider(today, calendar) -> open matters of one kind
PROVIDERS: list[Callable[[dt.date, WorkdayCalendar], list[OpenMatter]]] = []
# provider(now, calendar): for matters that fall due after some hours (messages, V10)
TIMED_PROVIDERS: list[Callable[[dt.datetime, WorkdayCalendar], list[OpenMatter]]] = []


def open_matters(today: dt.date, calendar: WorkdayCalendar, now: dt.datetime | None = None) -> list[OpenMatter]:
    """All open matters, overdue first, then by due date.

    ``now`` is the current time for hour-based matters; without it they are judged at the start
    of ``today`` (never flagged earlier than they should be).

    Computed once per change of the books (issue 17): the handover note, the 待跟进 panel and the
    status bar each ask on every refresh, and their timers ask again every 30 and 60 seconds;
    while nothing was written, the day is the same (and, for hour-based matters, the time) they
    share one answer."""
    load_features()  # every provider registered, however early this is asked
    at = now or dt.datetime.combine(today, dt.time.min)
    key = _cache_key(today, calendar)
    # The day's matters and the hour-based ones are kept apart: the first (tens of thousands of
    # visits on big books) do not change with the minute, so the 30 s and 60 s refreshes only ask
    # the hour-based providers again when a new minute starts.
    daily = _cached("daily", key, lambda: _ordered(provider(today, calendar) for provider in PROVIDERS))
    if not TIMED_PROVIDERS:
        return list(daily)
    timed_key = None if key is None else (*key, at.replace(second=0, microsecond=0), tuple(map(id, TIMED_PROVIDERS)))
    timed = _cached("timed", timed_key, lambda: _ordered(provider(at, calendar) for provider in TIMED_PROVIDERS))
    return sorted((*daily, *timed), key=_order) if timed else list(daily)


_STATUS_ORDER = {"overdue": 0, "due_soon": 1, "ok": 2}


def _order(m: OpenMatter) -> tuple:
    """Overdue first, then by due date (and ref, so the order never depends on the providers')."""
    return (_STATUS_ORDER.get(m.status, 3), m.due or dt.date.max, m.ref)


def _ordered(found: Iterable[list[OpenMatter]]) -> tuple[OpenMatter, ...]:
    # Summaries are shown to everyone on duty and copied into handovers: numbers masked (V09).
    matters = [replace(m, summary=mask_personal_numbers(m.summary)) for provided in found for m in provided]
    return tuple(sorted(matters, key=_order))


def _cached(part: str, key: tuple | None, compute: Callable[[], tuple[OpenMatter, ...]]) -> tuple[OpenMatter, ...]:
    cached = _cache.get(part)
    if key is not None and cached is not None and cached[0] == key:
        return cached[1]
    result = compute()
    if key is not None:
        _cache[part] = (key, result)
    return result


_cache: dict[str, tuple[tuple, tuple[OpenMatter, ...]]] = {}


def _cache_key(today: dt.date, calendar: WorkdayCalendar) -> tuple | None:
    """What the answer depends on: the day, the calendar, the providers and the books' state.

    The books' state is this connection's own writes (``total_changes``) and every other
    connection's commits (``PRAGMA data_version``); None (no caching) without open books."""
    from dutydesk.store.base import database

    try:
        connection = database.connection()
        version = connection.execute("PRAGMA data_version").fetchone()[0]
    except Exception:  # no books open (a pure test): compute every time
        return None
    return (today, calendar.cache_key(), tuple(map(id, PROVIDERS)), id(connection),
            connection.total_changes, version)
