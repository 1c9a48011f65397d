"""Faults of the machine, not of the user: a full disk, a read-only folder, a file held open by
WPS, a database another program is writing. Each gets one plain Chinese sentence saying what
happened, where, and what to do, instead of a traceback or SQLite's English.

``plain_message(exc)`` is the one translation, used by the command line (``cli.main``), the GUI's
last-resort error dialog and the places that show their own message. The database raises
``DatabaseFault`` (a ``DeskError``) itself (``store.desk_database``), so a write that hits a full
disk says so instead of "cannot rollback".
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from dutydesk.store.datafolder import DeskError

NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
NOT_ALLOWED = {errno.EACCES, errno.EPERM}
DOCUMENTS = {".xlsx", ".xls", ".pdf", ".docx", ".doc", ".csv", ".json", ".txt", ".png"}  # may be open in WPS


class DatabaseFault(DeskError):
    """The database file could not be written (disk full, read-only, busy, I/O error); nothing of
    the operation was saved. The message is for the user."""


class DiskFull(DatabaseFault):
    pass


class ReadOnlyBooks(DatabaseFault):
    pass


class BooksBusy(DatabaseFault):
    pass


def _sqlite_text(exc: BaseException) -> str:
    return str(exc).lower()


def is_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked"/"busy": another connection holds the write lock."""
    text = _sqlite_text(exc)
    return "database is locked" in text or "database is busy" in text or "database table is locked" in text


def database_fault(exc: BaseException, db_path: str | Path) -> DatabaseFault | None:
    """The user-facing fault for an SQLite error, or None when it is not a fault of the machine
    (a constraint, a programming error: those stay as they are)."""
    folder = Path(db_path).parent
    text = _sqlite_text(exc)
    if "database or disk is full" in text or "disk is full" in text:
        return DiskFull(f"磁盘已满，刚才的操作没有保存（数据文件夹：{folder}）。"
                        "请删除不需要的文件、腾出磁盘空间后重试；已保存的记录不受影响。")
    if "readonly database" in text or "read-only" in text:
        return ReadOnlyBooks(f"数据文件夹不能写入（只读或没有权限）：{folder}。刚才的操作没有保存。"
                             "请检查该文件夹的权限，或请管理员换一个数据文件夹。")
    if is_busy(exc):
        return BooksBusy("另一个值班台程序正在写入数据，等待过久，刚才的操作没有保存。请稍后重试。")
    if "unable to open database file" in text:
        return ReadOnlyBooks(f"无法打开数据库文件：{db_path}。请检查数据文件夹是否存在、是否有权限。")
    if "disk i/o error" in text:
        return DatabaseFault(f"读写数据库时磁盘出错（数据文件夹：{folder}），刚才的操作没有保存。"
                             "请检查磁盘是否已满或已拔出后重试。")
    return None


def _target(exc: OSError) -> str:
    return str(exc.filename2 or exc.filename or "") if isinstance(exc, OSError) else ""


def file_fault_message(exc: OSError, target: str | Path | None = None) -> str:
    """A file or folder that could not be written or read, in plain Chinese; ``target`` names it
    when the error itself does not (a failed write() carries no file name)."""
    target = _target(exc) or str(target or "")
    where = f"：{target}" if target else ""
    if exc.errno in NO_SPACE:
        return f"磁盘已满，无法写入{where}。请腾出磁盘空间后重试；没有留下写了一半的文件。"
    if exc.errno == errno.EROFS:
        return f"磁盘是只读的，无法写入{where}。请换一个位置保存。"
    if isinstance(exc, PermissionError) or exc.errno in NOT_ALLOWED:
        if Path(target).suffix.lower() in DOCUMENTS:
            return (f"没有权限写入{where}。如果这个文件正在 WPS 或 Excel 中打开，请先关闭它；"
                    "否则请检查文件夹是否只读、是否有权限。然后重试。")
        return f"没有权限写入{where}。请检查该文件夹是否只读、是否有权限，或换一个位置。"
    if isinstance(exc, FileNotFoundError):
        return f"找不到文件或文件夹{where}。请检查位置是否正确（U盘是否已拔出）。"
    return f"读写文件时出错{where}。请检查磁盘后重试。"


def plain_message(exc: BaseException, db_path: str | Path | None = None) -> str | None:
    """The Chinese sentence for a known fault, or None for a genuine bug (log it, say so)."""
    if isinstance(exc, DeskError):
        return str(exc)
    if isinstance(exc, OSError):
        return file_fault_message(exc)
    if isinstance(exc, sqlite3.Error) or type(exc).__module__ == "peewee":
        fault = database_fault(exc, db_path or "")
        return str(fault) if fault is not None else None
    return None
