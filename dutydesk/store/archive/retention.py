"""保管期限 in force (A02): which retention class a record has, from the dated
``archive.retention`` setting (rules in ``domain.retention``).

A record's class is the one in force on its filing day (as an archivist classes a file when it is
filed); to reclassify older records too, set the new table from an earlier date.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.retention import RETENTION, RETENTION_LABELS, approver_needed, retention_of
from dutydesk.store.search_index import kinds
from dutydesk.store.settings import get_setting, set_setting


def retention_table(on: dt.date) -> dict[str, str]:
    """kind -> retention class in force on a day (defaults filled in for unlisted kinds)."""
    stored = get_setting(RETENTION, on) or {}
    return {kind: retention_of(kind, stored) for kind in {*kinds(), *stored}}


def retention_for(kind: str, filed_on: dt.date) -> str:
    return retention_of(kind, get_setting(RETENTION, filed_on) or {})


def approver_for(kind: str, filed_on: dt.date) -> str:
    """Who must approve opening this record: ``director`` or ``principal`` (A02)."""
    return approver_needed(retention_for(kind, filed_on))


def set_retention(table: dict[str, str], effective_from: dt.date, who: str, at: dt.datetime) -> None:
    """Record a new table from a date on; earlier filing days keep the classes they had."""
    unknown = {k: v for k, v in table.items() if v not in RETENTION_LABELS}
    if unknown:
        raise ValueError(f"unknown retention classes {unknown!r}")
    set_setting(RETENTION, dict(table), effective_from, who, at)


class RetentionCache:
    """Classes of many records (a page of search results) without a query per row."""

    def __init__(self) -> None:
        self._by_day: dict[dt.date, dict] = {}

    def retention(self, kind: str, filed_on: dt.date) -> str:
        stored = self._by_day.get(filed_on)
        if stored is None:
            stored = self._by_day[filed_on] = get_setting(RETENTION, filed_on) or {}
        return retention_of(kind, stored)
