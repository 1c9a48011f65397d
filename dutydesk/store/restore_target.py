"""What kind of books a restore puts in place: the desk's, or another set kept by the same machinery.

``store.restore`` and ``store.backup_check`` know nothing of a particular schema: a
``RestoreTarget`` tells them the database file's name in its data folder, the migration package
that made it (its numbered ``MIGRATIONS`` and ``applied(db)``, which creates the table tracking
them), and who the books belong to (the identity a backup must share, or be confirmed). The desk's
books are ``DESK``; the township's (issue 16) are ``township.township_restore.TOWNSHIP``.
"""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dutydesk.store.datafolder import DB_NAME, DataFolder

# (key compared between backup and books, how it is shown to the user); ("", "") when none yet
Identity = tuple[str, str]


@dataclass(frozen=True)
class RestoreTarget:
    db_name: str  # the database file in the data folder
    migrations_package: str  # a package with ``MIGRATIONS`` and ``applied(db)``
    tracking: str  # the table of applied migrations
    identity: Callable[[sqlite3.Connection], Identity]
    not_ours: str  # Chinese: the file is not this kind of books
    identity_title: str  # Chinese: the heading of the identity in a backup's summary
    no_identity: str  # Chinese: what books without an identity are called

    def db_path(self, folder: DataFolder) -> Path:
        return folder.path / self.db_name

    @property
    def migrations(self) -> list[str]:
        return list(importlib.import_module(self.migrations_package).MIGRATIONS)

    def create_tracking(self, db) -> None:
        importlib.import_module(self.migrations_package).applied(db)


def center_identity(con: sqlite3.Connection) -> Identity:
    """The center a desk database belongs to (its name), ('', '') when none yet or unreadable."""
    try:
        row = con.execute("SELECT name FROM center_profile ORDER BY id LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return "", ""
    name = (row[0] or "").strip() if row else ""
    return name, name


DESK = RestoreTarget(
    db_name=DB_NAME,
    migrations_package="dutydesk.store.migrations",
    tracking="schema_migration",
    identity=center_identity,
    not_ours="这不是值班台的数据文件",
    identity_title="所属服务中心",
    no_identity="未设置服务中心的账本",
)
