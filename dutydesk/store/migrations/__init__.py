"""Numbered, forward-only schema migrations.

Each migration is a module ``mNNNN_name.py`` with ``apply(db)`` written in plain SQL DDL, never
by calling ``Model.create_table()``: a migration must create the schema as it was on the day it
was written, even after the models move on. Applied migrations are recorded by name, so a
migration added later in the list still runs on a database that skipped it.

To add one: create the module; it is found by its name and run in number order (ranges are
reserved per feature in CONTRIBUTING.md). ``tests/store/test_migrations.py`` checks that every
earlier version upgrades to the same schema as a fresh file.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
from collections.abc import Callable

from peewee import SqliteDatabase

_NAME = re.compile(r"^m\d{4}_\w+$")
MIGRATIONS: list[str] = sorted(
    info.name for info in pkgutil.iter_modules(__path__) if _NAME.match(info.name)
)


class SchemaError(RuntimeError):
    """The database was written by a newer DutyDesk, or a migration failed."""


def _load(name: str) -> Callable[[SqliteDatabase], None]:
    module = importlib.import_module(f"{__name__}.{name}")
    return module.apply


def applied(db: SqliteDatabase) -> list[str]:
    db.execute_sql(
        "CREATE TABLE IF NOT EXISTS schema_migration ("
        " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    return [row[0] for row in db.execute_sql("SELECT name FROM schema_migration ORDER BY name")]


def schema_version(db: SqliteDatabase) -> int:
    """The number of the newest applied migration (0 for an empty file)."""
    names = applied(db)
    return max((int(n[1:5]) for n in names), default=0)


def migrate(db: SqliteDatabase, upto: str | None = None) -> list[str]:
    """Apply every pending migration (each in its own transaction); return the names applied."""
    done = set(applied(db))
    unknown = done - set(MIGRATIONS)
    if unknown:
        raise SchemaError(
            "此数据文件由更新版本的值班台创建，请升级软件后再打开（未知迁移：" + ", ".join(sorted(unknown)) + "）"
        )
    ran: list[str] = []
    for name in MIGRATIONS:
        if name not in done:
            with db.atomic():
                _load(name)(db)
                db.execute_sql(
                    "INSERT INTO schema_migration (name, applied_at) VALUES (?, ?)",
                    (name, dt.datetime.now().isoformat(timespec="seconds")),
                )
            ran.append(name)
        if name == upto:
            break
    return ran
