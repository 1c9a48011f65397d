"""What is still open at the desk, gathered from every feature without coupling them.

The handover note (D09), the 待跟进 panel and the status bar all ask "what is still open?".
Visits and proxy cases each register a provider here; the duty feature only reads the list.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
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
    return merged(*open_matter_parts(today, calendar, now))


def open_matter_parts(today: dt.date, calendar: WorkdayCalendar,
                      now: dt.datetime | None = None) -> tuple[tuple[OpenMatter, ...], tuple[OpenMatter, ...]]:
    """The day's matters and the hour-based ones, each in order (``merged`` gives the one list).

    The two are kept apart: the first (tens of thousands of visits on big books) do not change
    with the minute, so the 30 s and 60 s refreshes only ask the hour-based providers again when a
    new minute starts."""
    load_features()  # every provider registered, however early this is asked
    key = books_key(today, calendar)
    daily = _cached("daily", key, lambda: daily_matters(today, calendar))
    return daily, _timed(today, calendar, now, key)


def ready_parts(today: dt.date, calendar: WorkdayCalendar,
                now: dt.datetime | None = None) -> tuple[tuple[OpenMatter, ...], tuple[OpenMatter, ...]] | None:
    """As ``open_matter_parts`` when the day's matters are worked out already for the books as
    they are now, else None: never reads the day's matters itself (the window asks a worker,
    ``ui.open_matters_feed``). Without open books there is no cache: read at once."""
    load_features()
    key = books_key(today, calendar)
    if key is None:
        return open_matter_parts(today, calendar, now)
    cached = _cache.get("daily")
    if cached is None or cached[0] != key:
        return None
    return cached[1], _timed(today, calendar, now, key)


def latest_parts(today: dt.date, calendar: WorkdayCalendar,
                 now: dt.datetime | None = None) -> tuple[tuple[OpenMatter, ...], tuple[OpenMatter, ...]] | None:
    """The last day's matters worked out, whatever changed since (shown while the new ones are
    read), with the hour-based ones of now; None before the first."""
    cached = _cache.get("daily")
    if cached is None:
        return None
    return cached[1], _timed(today, calendar, now, books_key(today, calendar))


def daily_matters(today: dt.date, calendar: WorkdayCalendar) -> tuple[OpenMatter, ...]:
    """Every provider's matters of the day, in order, read now (in any thread: a provider reads
    only the books, the day and the calendar)."""
    load_features()
    return _ordered(provider(today, calendar) for provider in PROVIDERS)


def keep_daily(key: tuple | None, matters: tuple[OpenMatter, ...]) -> None:
    """Keep the day's matters a worker read for the books' state ``key`` (``books_key`` taken in
    the thread that asks, before the worker started): a write since then changed the key, so
    they are read again for it."""
    if key is not None:
        _cache["daily"] = (key, matters)


def merged(daily: tuple[OpenMatter, ...], timed: tuple[OpenMatter, ...]) -> list[OpenMatter]:
    """Both parts in one order, as ``sorted((*daily, *timed), key=_order)`` would put them."""
    if not timed:
        return list(daily)
    found = list(daily)
    for offset, (position, matter) in enumerate(zip(merge_positions(daily, timed), timed, strict=True)):
        found.insert(position + offset, matter)
    return found


def merge_positions(daily: tuple[OpenMatter, ...], timed: tuple[OpenMatter, ...]) -> list[int]:
    """Where each hour-based matter goes among the day's (after those that sort equal): found by
    halving, not by sorting tens of thousands of matters again each minute."""
    return [bisect_right(daily, _order(m), key=_order) for m in timed]


def _timed(today: dt.date, calendar: WorkdayCalendar, now: dt.datetime | None,
           key: tuple | None) -> tuple[OpenMatter, ...]:
    if not TIMED_PROVIDERS:
        return ()
    at = now or dt.datetime.combine(today, dt.time.min)
    timed_key = None if key is None else (*key, at.replace(second=0, microsecond=0), tuple(map(id, TIMED_PROVIDERS)))
    return _cached("timed", timed_key, lambda: _ordered(provider(at, calendar) for provider in TIMED_PROVIDERS))


_STATUS_ORDER = {"overdue": 0, "due_soon": 1, "ok": 2}


def _order(m: OpenMatter) -> tuple:
    """Overdue first, then by due date (and ref, so the order never depends on the providers')."""
    return (_STATUS_ORDER.get(m.status, 3), m.due or dt.date.max, m.ref)


def _ordered(found: Iterable[list[OpenMatter]]) -> tuple[OpenMatter, ...]:
    # Summaries are shown to everyone on duty and copied into handovers: numbers masked (V09).
    matters = [_masked(m) for provided in found for m in provided]
    return tuple(sorted(matters, key=_order))


def _masked(matter: OpenMatter) -> OpenMatter:
    summary = mask_personal_numbers(matter.summary)
    return matter if summary is matter.summary else replace(matter, summary=summary)


def _cached(part: str, key: tuple | None, compute: Callable[[], tuple[OpenMatter, ...]]) -> tuple[OpenMatter, ...]:
    cached = _cache.get(part)
    if key is not None and cached is not None and cached[0] == key:
        return cached[1]
    result = compute()
    if key is not None:
        _cache[part] = (key, result)
    return result


_cache: dict[str, tuple[tuple, tuple[OpenMatter, ...]]] = {}


def books_key(today: dt.date, calendar: WorkdayCalendar) -> tuple | None:
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
