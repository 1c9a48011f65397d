"""Backups of the database file, taken with SQLite's online backup API.

The foundation only needs "find the latest good backup" and "restore it" for the start-up check;
scheduled and rotated backups build on these two functions.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.integrity import quick_check


def backup_to(db_path: Path, target: Path) -> Path:
    """Copy a live database consistently into ``target`` (written under a temporary name first)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    src = sqlite3.connect(str(db_path))
    try:
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
            finally:
                dst.close()
        except sqlite3.Error as exc:
            _discard(tmp)
            raise _target_fault(exc, target) from None
    finally:
        src.close()
    try:
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError:
        _discard(tmp)  # nothing half-written is left beside the target
        raise
    return target


def _discard(tmp: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            tmp.with_name(tmp.name + suffix).unlink()


def _target_fault(exc: sqlite3.Error, target: Path) -> Exception:
    """A failed copy is the target's fault (a full stick, a folder that cannot be written), not the
    books': say so, naming the target, instead of "cannot open the database" about the books."""
    from dutydesk.store.faults import is_busy

    if is_busy(exc):
        return exc
    if "full" in str(exc).lower():
        return DeskError(f"磁盘已满，无法写入备份：{target}。请腾出空间或换一个位置；没有留下写了一半的文件。")
    return DeskError(f"无法写入备份文件：{target}。请检查该位置是否存在、是否有权限（U盘是否已拔出）。")


def list_backups(folder: DataFolder) -> list[Path]:
    """Backup files, newest first."""
    if not folder.backups_dir.exists():
        return []
    return sorted(folder.backups_dir.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime,
                  reverse=True)


def latest_good_backup(folder: DataFolder) -> Path | None:
    for path in list_backups(folder):
        if not quick_check(path):
            return path
    return None


def restore_backup(folder: DataFolder, backup: Path, now: dt.datetime) -> Path | None:
    """Put ``backup`` in place of the database after every check, keeping the replaced books
    aside (``store.restore``); return where they are kept."""
    from dutydesk.store.restore import restore_books

    if quick_check(backup):
        raise DeskError(f"备份文件已损坏，不能恢复：{backup}")
    return restore_books(folder, backup, now).aside
