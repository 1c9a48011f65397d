"""A township's SQLite books with one backup, for the restore tests (no villages needed)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from dutydesk.domain.clock import FixedClock
from dutydesk.store.accounts.account import create_account
from dutydesk.store.datafolder import DataFolder
from dutydesk.township.township_backup import take_township_backup
from dutydesk.township.township_database import sqlite_path
from dutydesk.township.township_folder import init_township

NOW = dt.datetime(2027, 1, 5, 10, 0)
IN_BACKUP, IN_BOOKS = 1, 2  # accounts in the backup, and in the books after it was taken


def accounts(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM account").fetchone()[0]
    finally:
        con.close()


def township_with_backup(path: Path, code: str, name: str = "桃源镇") -> tuple[DataFolder, Path]:
    """Books of ``IN_BOOKS`` accounts, closed, and a backup taken when they had ``IN_BACKUP``."""
    folder = DataFolder(path)
    books = init_township(folder, name, code, None, FixedClock(NOW))
    try:
        backup = take_township_backup(books, books.now())
        create_account("赵干部", "operator", books.who, books.now())
    finally:
        books.close()
    assert accounts(sqlite_path(folder)) == IN_BOOKS and accounts(backup) == IN_BACKUP
    return folder, backup
