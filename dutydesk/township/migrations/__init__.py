"""The township store's own forward-only migrations (``tNNNN_name.py``), for SQLite and PostgreSQL.

The township's books are a database of their own (never a village's desk file), so their schema
has its own numbered set, tracked in ``township_migration`` (not the desk's ``schema_migration``:
a desk file opened here, or the other way round, is told apart, never half-migrated).

Each module has ``apply(db)`` in plain SQL DDL that both engines run: TEXT, INTEGER, BOOLEAN,
TIMESTAMP, DATE and REFERENCES mean the same on both. Where they differ (an auto-numbered key,
triggers refusing edits of append-only tables) the module asks ``ddl`` for the engine's spelling.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re

from peewee import Database

from dutydesk.store.migrations import SchemaError

_NAME = re.compile(r"^t\d{4}_\w+$")
MIGRATIONS: list[str] = sorted(
    info.name for info in pkgutil.iter_modules(__path__) if _NAME.match(info.name)
)
TRACKING = "township_migration"


def applied(db: Database) -> list[str]:
    db.execute_sql(f"CREATE TABLE IF NOT EXISTS {TRACKING} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [row[0] for row in db.execute_sql(f"SELECT name FROM {TRACKING} ORDER BY name").fetchall()]


def migrate(db: Database) -> list[str]:
    """Apply every pending township migration, each in its own transaction; the names applied."""
    done = set(applied(db))
    unknown = done - set(MIGRATIONS)
    if unknown:
        raise SchemaError("此镇级数据由更新版本的值班台创建，请升级软件后再打开（未知迁移："
                          + ", ".join(sorted(unknown)) + "）")
    ran: list[str] = []
    for name in MIGRATIONS:
        if name in done:
            continue
        with db.atomic():
            importlib.import_module(f"{__name__}.{name}").apply(db)
            p = db.param
            db.execute_sql(f"INSERT INTO {TRACKING} (name, applied_at) VALUES ({p}, {p})",
                           (name, dt.datetime.now().isoformat(timespec="seconds")))
        ran.append(name)
    return ran
