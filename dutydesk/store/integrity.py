"""Integrity checks of the database file, before and after opening it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from peewee import SqliteDatabase

from dutydesk.store.faults import BooksBusy, DiskFull, ReadOnlyBooks, database_fault
from dutydesk.store.migrations import MIGRATIONS, applied, schema_version


def quick_check(path: Path) -> list[str]:
    """Problems found by SQLite's quick_check on an unopened file; empty when the file is sound."""
    if not path.exists():
        return []
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in con.execute("PRAGMA quick_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        fault = database_fault(exc, path)
        if isinstance(fault, ReadOnlyBooks | BooksBusy | DiskFull):
            raise fault from exc  # the folder, not the file, is at fault: never offer a restore
        return [f"无法读取数据库：{exc}"]
    return [] if rows == ["ok"] else rows


@dataclass(eq=False, repr=False)  # never compared or printed: less to compile at start (issue 17)
class CheckReport:
    """What a check of the books found: schema version, pending migrations, counts, problems."""
    schema_version: int
    pending_migrations: list[str]
    counts: dict[str, int]
    problems: list[str] = field(default_factory=list)
    integrity_problems: list[str] = field(default_factory=list)  # damage found by integrity_check

    @property
    def ok(self) -> bool:
        return not self.problems


def user_tables(db: SqliteDatabase) -> list[str]:
    return [
        r[0]
        for r in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def full_check(db: SqliteDatabase) -> CheckReport:
    """Integrity, foreign keys, schema version and record counts, as ``dutydesk check`` prints."""
    problems = [r[0] for r in db.execute_sql("PRAGMA integrity_check")]
    problems = [] if problems == ["ok"] else problems
    damage = list(problems)
    for row in db.execute_sql("PRAGMA foreign_key_check"):
        problems.append(f"外键错误：表 {row[0]} 行 {row[1]} 引用 {row[2]}")
    done = applied(db)
    pending = [m for m in MIGRATIONS if m not in done]
    if pending:
        problems.append("有未执行的数据库迁移：" + ", ".join(pending))
    counts = {}
    for table in user_tables(db):
        if table == "schema_migration" or "_fts" in table or table.endswith(("_data", "_idx",
                                                                              "_docsize",
                                                                              "_config",
                                                                              "_content")):
            continue
        counts[table] = db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    return CheckReport(schema_version(db), pending, counts, problems, damage)
