"""Backups of the township's books: a SQLite file is copied with SQLite's online backup API into
the data folder's ``backups`` (as the desk's are), before every import and on request. Books on a
PostgreSQL server are the server's to back up (pg_dump), which is said plainly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dutydesk.store.backup import backup_to
from dutydesk.store.datafolder import DeskError
from dutydesk.township.township_database import sqlite_path

KEEP = 20  # automatic backups kept before imports (older ones are removed)


def take_township_backup(township, now: dt.datetime, why: str = "manual") -> Path:
    if township.url:
        raise DeskError("镇级数据在 PostgreSQL 服务器上，请由服务器管理员用 pg_dump 备份")
    target = township.folder.backups_dir / f"township-{now:%Y%m%d-%H%M%S}-{why}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = target.with_name(f"township-{now:%Y%m%d-%H%M%S}-{why}-{n}.sqlite3")
    backup_to(sqlite_path(township.folder), target)
    if why != "manual":
        old = sorted(township.folder.backups_dir.glob(f"township-*-{why}*.sqlite3"), key=lambda p: p.name)
        for path in old[:-KEEP]:
            path.unlink(missing_ok=True)
    return target
