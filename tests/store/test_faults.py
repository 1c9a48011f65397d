"""The Chinese sentence for each fault of the machine (store.faults.plain_message)."""

from __future__ import annotations

import errno
import sqlite3

from dutydesk.store.faults import plain_message


def test_a_document_held_open_suggests_closing_it_in_wps():
    message = plain_message(PermissionError(errno.EACCES, "Permission denied", "/u/来访登记.xlsx"))
    assert "/u/来访登记.xlsx" in message and "WPS" in message


def test_a_read_only_folder_suggests_checking_permissions_not_wps():
    message = plain_message(PermissionError(errno.EACCES, "Permission denied", "/data/logs"))
    assert "/data/logs" in message and "只读" in message and "WPS" not in message


def test_no_space_and_read_only_disks_and_missing_files():
    assert plain_message(OSError(errno.ENOSPC, "No space left on device", "/u/a.pdf")).startswith("磁盘已满")
    assert "只读" in plain_message(OSError(errno.EROFS, "Read-only file system", "/u/a.pdf"))
    assert "找不到" in plain_message(FileNotFoundError(errno.ENOENT, "No such file", "/u/x"))


def test_sqlite_faults_and_bugs():
    assert plain_message(sqlite3.OperationalError("database or disk is full"), "/d/db").startswith("磁盘已满")
    assert "另一个值班台程序" in plain_message(sqlite3.OperationalError("database is locked"), "/d/db")
    assert plain_message(sqlite3.OperationalError("no such table: visit"), "/d/db") is None  # a bug stays a bug
    assert plain_message(ValueError("x")) is None
