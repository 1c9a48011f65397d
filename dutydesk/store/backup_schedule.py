"""Scheduled backups: one at the first start of each day, one on exit, kept by rotation.

Built on ``store.backup.backup_to`` (SQLite's online backup API, consistent even while the desk
writes). The kind is recorded in the file name (``dutydesk-<date>-<time>-<kind>.sqlite3``).
Only automatic backups rotate: the first and newest of each of the last 30 days and the first of
each of the last 12 months are kept (settings), so a mistake noticed weeks later can still be
undone without the folder growing without bound. Manual backups and those taken before a
restore are never removed by rotation. Only files this module named are ever removed.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from dutydesk.domain.settings import declare
from dutydesk.store.backup import backup_to
from dutydesk.store.backup_check import check_backup
from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.restore import restore_books
from dutydesk.store.restore_target import DESK, RestoreTarget

KEEP_DAILY = declare("backup.keep_daily", 30, "自动备份保留天数（每天一份）")
KEEP_MONTHLY = declare("backup.keep_monthly", 12, "自动备份保留月数（每月一份）")

KINDS = {"daily": "每日", "exit": "退出时", "manual": "手动", "restore": "恢复前"}
ROTATED_KINDS = {"daily", "exit"}  # automatic; the other kinds are never removed by rotation
_NAME = re.compile(r"^dutydesk-(\d{8})-(\d{6})-(\w+)\.sqlite3$")


def backup_name(now: dt.datetime, kind: str) -> str:
    return f"dutydesk-{now:%Y%m%d-%H%M%S}-{kind}.sqlite3"


def backup_time(path: Path) -> dt.datetime | None:
    """When a backup was taken, read from its name (None for files this module did not name)."""
    match = _NAME.match(path.name)
    if not match:
        return None
    return dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")


def take_backup(folder: DataFolder, now: dt.datetime, kind: str = "manual") -> Path:
    """A backup of the live database into the folder's backups directory."""
    if not folder.db_path.exists():
        raise DeskError("还没有数据，无需备份")
    target = folder.backups_dir / backup_name(now, kind)
    counter = 1
    while target.exists():  # two backups in the same second (exit right after start)
        target = folder.backups_dir / backup_name(now, f"{kind}{counter}")
        counter += 1
    return backup_to(folder.db_path, target)


def backup_to_folder(folder: DataFolder, destination: Path, now: dt.datetime) -> Path:
    """A backup onto a chosen folder or USB stick; written under a temporary name, then renamed."""
    if not destination.is_dir():
        raise DeskError(f"找不到备份目标文件夹：{destination}")
    return backup_to(folder.db_path, destination / backup_name(now, "manual"))


def daily_backup_due(folder: DataFolder, today: dt.date) -> bool:
    """True at the first start of a day: no backup of any kind was taken today yet."""
    if not folder.backups_dir.exists():
        return True
    return not any(
        (t := backup_time(p)) is not None and t.date() == today
        for p in folder.backups_dir.glob("dutydesk-*.sqlite3")
    )


def backup_kind(path: Path) -> str:
    """The kind recorded in a backup's name (``daily``, ``exit``, ``manual``, ``restore``)."""
    match = _NAME.match(path.name)
    return match.group(3).rstrip("0123456789") if match else ""


def rotate(folder: DataFolder, keep_daily: int, keep_monthly: int) -> list[Path]:
    """Remove automatic backups beyond the rotation; return what was removed.

    Only automatic backups (``ROTATED_KINDS``: at the day's first start and on exit) rotate;
    manual backups and the ones taken before a restore are kept until someone removes them.
    Of the automatic ones, kept: the first and the newest of each of the ``keep_daily`` most
    recent days that have one (the morning state and the evening state), and the first of each
    of the ``keep_monthly`` most recent months.
    """
    if not folder.backups_dir.exists():
        return []
    dated = sorted(
        (t, p) for p in folder.backups_dir.glob("dutydesk-*.sqlite3")
        if (t := backup_time(p)) and backup_kind(p) in ROTATED_KINDS
    )
    first_of_day: dict[dt.date, Path] = {}
    last_of_day: dict[dt.date, Path] = {}
    first_of_month: dict[tuple[int, int], Path] = {}
    for taken, path in dated:  # oldest first
        first_of_day.setdefault(taken.date(), path)
        last_of_day[taken.date()] = path
        first_of_month.setdefault((taken.year, taken.month), path)
    recent_days = sorted(first_of_day, reverse=True)[:keep_daily]
    keep = {first_of_day[d] for d in recent_days} | {last_of_day[d] for d in recent_days}
    keep.update(first_of_month[m] for m in sorted(first_of_month, reverse=True)[:keep_monthly])
    removed = []
    for _taken, path in dated:
        if path not in keep:
            path.unlink()
            removed.append(path)
    return removed


@dataclass
class BackupInfo:
    """What a backup holds, shown before a restore is confirmed."""

    path: Path
    problems: list[str]
    schema_version: int = 0
    unknown_migrations: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    taken_at: dt.datetime | None = None
    center: str = ""  # as shown (a center's name, a township's name and code)
    identity_title: str = DESK.identity_title
    identity: str = ""  # what is compared with the books' (a center's name, a township's code)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unknown_migrations

    def summary_lines(self) -> list[str]:
        lines = [f"备份文件：{self.path}"]
        if self.taken_at:
            lines.append(f"备份时间：{self.taken_at:%Y-%m-%d %H:%M:%S}")
        verdict = "通过" if not self.problems else "未通过（" + "；".join(self.problems[:3]) + "）"
        lines.append("完整性检查：" + verdict)
        if self.center:
            lines.append(f"{self.identity_title}：{self.center}")
        lines.append(f"数据库版本：{self.schema_version}")
        if self.unknown_migrations:
            lines.append("此备份由更新版本的值班台创建，不能在本版本恢复")
        for table, count in sorted(self.counts.items()):
            lines.append(f"  {table}：{count} 条")
        return lines


def _is_index_table(name: str, target: RestoreTarget = DESK) -> bool:
    return name.startswith("sqlite_") or name == target.tracking or name.startswith("search_")


def inspect_backup(path: Path, target: RestoreTarget = DESK) -> BackupInfo:
    """Every restore check (``store.backup_check``), schema version and record counts, read-only."""
    if not path.is_file():
        return BackupInfo(path, [f"找不到文件：{path}"], identity_title=target.identity_title)
    info = BackupInfo(path, [], taken_at=backup_time(path), identity_title=target.identity_title)
    verdict = check_backup(path, target)
    info.problems = list(verdict.problems)
    info.center = verdict.center_label
    info.identity = verdict.center
    info.schema_version = verdict.schema_version
    info.unknown_migrations = sorted(set(verdict.migrations) - set(target.migrations))
    if info.problems and not verdict.migrations:
        return info
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                if not _is_index_table(table, target):
                    info.counts[table] = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        info.problems.append(f"无法读取：{exc}")
    return info


def verified_restore(folder: DataFolder, path: Path, now: dt.datetime,
                     confirmation: str = "") -> Path | None:
    """Restore ``path`` after every check (``store.restore.restore_books``); return where the
    replaced books are kept (None when there were none).

    The caller must hold the folder lock and have closed its connection to the database.
    """
    return restore_books(folder, path, now, confirmation).aside
