"""Restoring the township's books from a backup (issue 16 point 3), by the desk's own machinery.

``store.restore.restore_books`` does the work with ``TOWNSHIP`` as its target: the staged copy
checked for integrity, foreign keys, the exact schema of the township's migrations (``tNNNN``) and
their version, the same township (by its division code) unless the typed confirmation names both,
the atomic swap keeping the old file as ``township.sqlite3.before-restore-<time>``, and the marker
that the next opening (``township_folder.open_township``) settles and explains. Books on a
PostgreSQL server are restored with the server's own tools, which is said plainly.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from dutydesk.store.backup import list_backups
from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.restore import RestoreResult, restore_books
from dutydesk.store.restore_target import Identity, RestoreTarget
from dutydesk.township.township_database import SQLITE_FILE

BACKUP_PREFIX = "township-"
KIND_LABELS = {"manual": "手动", "import": "导入前"}
ON_SERVER = ("镇级数据在 PostgreSQL 服务器上，本软件不能恢复：请由服务器管理员用服务器自带的 pg_restore 恢复，"
             "如 pg_restore --clean --if-exists -d 数据库名 备份文件")


def township_identity(con: sqlite3.Connection) -> Identity:
    """A township's books are told apart by its 12-digit division code; shown with its name."""
    try:
        row = con.execute("SELECT name, code FROM township_profile ORDER BY id LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return "", ""
    if not row:
        return "", ""
    name, code = (row[0] or "").strip(), (row[1] or "").strip()
    return code, f"{name}（{code}）"


TOWNSHIP = RestoreTarget(
    db_name=SQLITE_FILE,
    migrations_package="dutydesk.township.migrations",
    tracking="township_migration",
    identity=township_identity,
    not_ours="这不是镇级数据的备份（村（社区）值班台的备份请在值班台用 dutydesk restore 恢复）",
    identity_title="所属乡镇（街道）",
    no_identity="未设置乡镇（街道）的账本",
)


def refuse_server(url: str | None) -> None:
    """Books on a PostgreSQL server are not a file this program may swap."""
    if url:
        raise DeskError(ON_SERVER)


def restore_township(folder: DataFolder, source: Path, now: dt.datetime, confirmation: str = "",
                     url: str | None = None) -> RestoreResult:
    """Put a township backup in place of the folder's SQLite books (the caller holds the folder
    lock and has closed the books); ``store.restore.OtherCenter`` for another township's backup
    without the typed confirmation."""
    refuse_server(url)
    return restore_books(folder, source, now, confirmation, TOWNSHIP)


def township_backups(folder: DataFolder) -> list[Path]:
    """The township's backups in its folder, newest first."""
    return [p for p in list_backups(folder) if p.name.startswith(BACKUP_PREFIX)]


def backup_line(path: Path) -> str:
    """One backup as the list shows it: when, why, size and where."""
    parts = path.stem.split("-")  # township-YYYYMMDD-HHMMSS-kind[-n]
    try:
        taken = dt.datetime.strptime(parts[1] + parts[2], "%Y%m%d%H%M%S")
        when = f"{taken:%Y-%m-%d %H:%M:%S}"
    except (IndexError, ValueError):
        when = "时间不详"
    kind = KIND_LABELS.get(parts[3] if len(parts) > 3 else "", "其他")
    size = path.stat().st_size / 1024
    return f"{when}  {kind}  {size:,.0f} KB  {path}"
