"""Dated setting values: a change applies from a date and never rewrites past months (D14)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from peewee import CharField, DateField, DateTimeField, TextField

from dutydesk.domain.settings import REGISTRY, Setting
from dutydesk.store.base import BaseModel


class SettingValue(BaseModel):
    key = CharField()
    value = TextField()  # JSON
    effective_from = DateField()
    created_at = DateTimeField()
    created_by = CharField()


def get_setting(setting: Setting, on: dt.date) -> Any:
    """The value in force on a day: the newest value effective on or before it, else the default."""
    if isinstance(on, dt.datetime):
        on = on.date()
    found = None
    for since, value in _dated_values().get(setting.key, ()):  # oldest first
        if since > on:
            break
        found = value
    return json.loads(found) if found is not None else setting.default


# Issue 17: pages ask for a setting per row or per painted cell (masking rules, deadlines), which
# cost a query each (3,000 on the 网格走访 tab). The whole table, a few dozen rows, is read once per
# change of the books instead: this connection's own writes (``total_changes``) and other
# connections' commits (``PRAGMA data_version``). The connection itself is kept, not its id, so a
# new connection can never be taken for an old one.
_read: dict[str, tuple[tuple, dict[str, list[tuple[dt.date, str]]]]] = {}


def _change_state(connection) -> tuple | None:
    """What tells a change of the books on this connection; None where the engine has no such
    counter (the township's books on PostgreSQL): there the settings are read every time."""
    if not isinstance(connection, sqlite3.Connection):
        return None
    return (connection, connection.total_changes, connection.execute("PRAGMA data_version").fetchone()[0])


change_state = _change_state  # the same test for other tables read once per change (store.center)


def _dated_values() -> dict[str, list[tuple[dt.date, str]]]:
    from dutydesk.store.base import database

    connection = database.connection()
    state = _change_state(connection)
    cached = _read.get("last")
    if state is not None and cached is not None and cached[0][0] is state[0] and cached[0][1:] == state[1:]:
        return cached[1]
    values: dict[str, list[tuple[dt.date, str]]] = {}
    query = (SettingValue.select(SettingValue.key, SettingValue.effective_from, SettingValue.value)
             .order_by(SettingValue.effective_from, SettingValue.id).tuples())
    for key, since, value in query:
        values.setdefault(key, []).append((since, value))
    if state is not None:
        _read["last"] = (state, values)
    return values


def set_setting(
    setting: Setting, value: Any, effective_from: dt.date, who: str, at: dt.datetime
) -> None:
    """Record a new value from a date on; older values stay for the months they governed."""
    if setting.key not in REGISTRY:
        raise KeyError(setting.key)
    SettingValue.create(
        key=setting.key,
        value=json.dumps(value, ensure_ascii=False),
        effective_from=effective_from,
        created_at=at,
        created_by=who,
    )


def setting_history(setting: Setting) -> list[SettingValue]:
    return list(
        SettingValue.select()
        .where(SettingValue.key == setting.key)
        .order_by(SettingValue.effective_from, SettingValue.id)
    )
