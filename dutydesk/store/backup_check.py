"""What a backup must pass before it may replace the books (A01, A03).

A backup is only trusted when it is exactly what this application would have written:
- SQLite's ``integrity_check`` and ``foreign_key_check`` find nothing;
- it records which migrations made it, none of them unknown to this version (not newer);
- its schema objects, the set of (type, name, normalised SQL) in ``sqlite_master``, equal those of
  a fresh database migrated to the same migrations. One extra trigger, view, table or index, or
  a missing one (the append-only triggers of m0046 included), refuses the file: an extra trigger
  could silently rewrite records after the restore;
- it belongs to the same center as the folder, unless the user typed the confirmation naming
  both centers (``other_center_phrase``).

These checks read only; they run on the staged copy beside the database, never on the live file.
Which books they expect (file, migrations, identity) is a ``store.restore_target.RestoreTarget``:
the desk's by default, the township's for its own books (issue 16).
"""

from __future__ import annotations

import importlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from peewee import SqliteDatabase

from dutydesk.store.restore_target import DESK, RestoreTarget, center_identity


@dataclass
class BackupVerdict:
    """The findings about one database file; ``problems`` are Chinese sentences for the user."""

    problems: list[str] = field(default_factory=list)
    migrations: list[str] = field(default_factory=list)
    center: str = ""  # the identity compared with the books' (a center's name, a township's code)
    center_label: str = ""  # the identity as shown to the user

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def schema_version(self) -> int:
        return max((int(n[1:5]) for n in self.migrations), default=0)


SchemaObject = tuple[str, str, str]


def schema_objects(con: sqlite3.Connection) -> set[SchemaObject]:
    """(type, name, SQL with whitespace normalised) of every object SQLite did not make itself."""
    rows = con.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ).fetchall()
    return {(kind, name, " ".join((sql or "").split())) for kind, name, sql in rows}


def expected_schema(migrations: list[str], target: RestoreTarget = DESK) -> set[SchemaObject]:
    """The schema objects of a fresh database to which exactly ``migrations`` were applied."""
    db = SqliteDatabase(":memory:")
    db.connect()
    try:
        target.create_tracking(db)
        for name in target.migrations:
            if name in migrations:
                importlib.import_module(f"{target.migrations_package}.{name}").apply(db)
        return schema_objects(db.connection())
    finally:
        db.close()


def _describe(obj: SchemaObject) -> str:
    kinds = {"table": "表", "index": "索引", "trigger": "触发器", "view": "视图"}
    return f"{kinds.get(obj[0], obj[0])} {obj[1]}"


def schema_differences(con: sqlite3.Connection, migrations: list[str],
                       target: RestoreTarget = DESK) -> list[str]:
    """Chinese sentences naming every object that is extra, missing or altered."""
    actual = schema_objects(con)
    expected = expected_schema(migrations, target)
    problems: list[str] = []
    actual_names = {(t, n) for t, n, _ in actual}
    expected_names = {(t, n) for t, n, _ in expected}
    for obj in sorted(actual - expected):
        if (obj[0], obj[1]) in expected_names:
            problems.append(f"结构被改动：{_describe(obj)}")
        else:
            problems.append(f"多出不属于值班台的{_describe(obj)}")
    for obj in sorted(expected - actual):
        if (obj[0], obj[1]) not in actual_names:
            problems.append(f"缺少值班台的{_describe(obj)}")
    return problems


def center_name(con: sqlite3.Connection) -> str:
    """The center a database belongs to ('' when it has none yet or cannot tell)."""
    return center_identity(con)[0]


def folder_identity(db_path: Path, target: RestoreTarget = DESK) -> tuple[str, str]:
    """Who the live books belong to (key, shown), read-only; ('', '') when none or unreadable."""
    if not db_path.exists():
        return "", ""
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return "", ""
    try:
        return target.identity(con)
    except sqlite3.DatabaseError:
        return "", ""
    finally:
        con.close()


def folder_center(db_path: Path) -> str:
    """The center of the live books, read-only; '' when there are none or they cannot be read."""
    return folder_identity(db_path)[0]


def other_center_phrase(backup_center: str, books_center: str) -> str:
    """What the user types to restore another center's backup: it names both centers."""
    return f"用{backup_center}的备份替换{books_center}"


def check_backup(path: Path, target: RestoreTarget = DESK) -> BackupVerdict:
    """Every check that depends on the file alone (the center is compared by the caller)."""
    verdict = BackupVerdict()
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        verdict.problems.append(f"无法读取：{exc}")
        return verdict
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            verdict.problems.extend(rows[:5])
            return verdict
        for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check"):
            verdict.problems.append(f"外键错误：表 {table} 行 {rowid} 引用 {parent}")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if target.tracking not in tables:
            verdict.problems.append(target.not_ours)
            return verdict
        verdict.migrations = sorted(r[0] for r in con.execute(f"SELECT name FROM {target.tracking}"))
        newer = sorted(set(verdict.migrations) - set(target.migrations))
        if newer:
            verdict.problems.append("此备份由更新版本的值班台创建，请升级软件后再恢复")
            return verdict
        verdict.problems.extend(schema_differences(con, verdict.migrations, target))
        verdict.center, verdict.center_label = target.identity(con)
    except sqlite3.DatabaseError as exc:
        verdict.problems.append(f"无法读取：{exc}")
    finally:
        con.close()
    return verdict
