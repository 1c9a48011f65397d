"""The database under faults: two writers wait for each other, a full disk or a read-only file
is said in Chinese (DatabaseFault), and nothing of a failed write is kept."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dutydesk.store import desk_database
from dutydesk.store.base import database
from dutydesk.store.faults import BooksBusy, DatabaseFault, DiskFull, ReadOnlyBooks
from dutydesk.store.visits.residents import ResidentData, create_resident

ROOT = Path(__file__).resolve().parents[2]


def _residents() -> int:
    return database.execute_sql("SELECT count(*) FROM resident").fetchone()[0]


def test_two_writer_processes_wait_for_each_other_and_lose_nothing(desk, folder):
    """Two processes register 300 visits each at the same time: 600 visits, no error, no
    "database is locked"."""
    desk.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    children = [
        subprocess.Popen([sys.executable, "-m", "tests.store.writer_child", str(folder.path), name, "300"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
        for name in ("甲", "乙")
    ]
    time.sleep(1.0)  # both opened the books and wait for the start
    (folder.path / "go").write_text("go")
    results = [child.communicate(timeout=540) for child in children]
    for child, (out, err) in zip(children, results, strict=True):
        assert child.returncode == 0, err
        assert out.strip() == "done"
        assert "locked" not in err
    con = sqlite3.connect(folder.db_path)
    try:
        names = {r[0] for r in con.execute("SELECT person_name FROM visit")}
    finally:
        con.close()
    assert names == {f"{p}-{i}" for p in ("甲", "乙") for i in range(300)}


def test_transactions_begin_immediate():
    """A deferred BEGIN would fail at once on upgrade; IMMEDIATE waits for the lock instead."""
    db = desk_database.DeskDatabase(":memory:", {})
    assert db._lock_type == "IMMEDIATE"


def test_a_writer_waits_while_another_connection_holds_the_lock(desk, folder):
    other = sqlite3.connect(folder.db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        create_resident(ResidentData("赵六"), desk.who, desk.now())
    finally:
        release.join()
        other.close()
    assert _residents() == 1


def test_a_lock_held_too_long_is_said_in_chinese_and_changes_nothing(desk, folder, monkeypatch):
    monkeypatch.setattr(desk_database, "RETRY_SECONDS", 0.3)
    database.execute_sql("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(folder.db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(BooksBusy) as caught:
            create_resident(ResidentData("赵六"), desk.who, desk.now())
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "另一个值班台程序正在写入" in str(caught.value)
    assert "locked" not in str(caught.value)
    assert _residents() == 0


def test_a_full_disk_is_said_as_such_not_cannot_rollback(desk, folder):
    """SQLITE_FULL (simulated with max_page_count): "磁盘已满", the folder named, nothing kept."""
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    before = _residents()
    with pytest.raises(DiskFull) as caught, database.atomic():
        for i in range(400):
            create_resident(ResidentData(f"居民{i}", note="备注" * 200), desk.who, desk.now())
    message = str(caught.value)
    assert "磁盘已满" in message and str(folder.path) in message
    assert "rollback" not in message.lower()
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    assert _residents() == before  # nothing half-written
    create_resident(ResidentData("赵六"), desk.who, desk.now())  # the books work again
    assert _residents() == before + 1


def test_a_full_disk_inside_a_nested_transaction_is_still_said_as_such(desk):
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFull), database.atomic(), database.atomic():
        for i in range(400):
            create_resident(ResidentData(f"居民{i}", note="备注" * 200), desk.who, desk.now())
    database.execute_sql("PRAGMA max_page_count = 1073741823")
    assert _residents() == 0


def test_a_read_only_database_is_said_in_chinese(desk, folder):
    database.execute_sql("PRAGMA query_only = 1")
    with pytest.raises(ReadOnlyBooks) as caught:
        create_resident(ResidentData("赵六"), desk.who, desk.now())
    assert "不能写入" in str(caught.value) and str(folder.path) in str(caught.value)
    assert isinstance(caught.value, DatabaseFault)
    database.execute_sql("PRAGMA query_only = 0")
    assert _residents() == 0


def test_a_database_the_folder_will_not_let_open_is_not_called_damaged(desk, folder, monkeypatch):
    """A read-only folder (SQLite cannot make the WAL files) must not be taken for a damaged file
    and answered with an offer to restore a backup."""
    from dutydesk.store import integrity
    from dutydesk.store.opening import DamagedDatabase, open_books

    desk.close()

    def cannot_open(*args, **kwargs):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(integrity.sqlite3, "connect", cannot_open)
    with pytest.raises(ReadOnlyBooks) as caught:
        open_books(folder)
    assert not isinstance(caught.value, DamagedDatabase)
    assert "无法打开数据库文件" in str(caught.value) and "权限" in str(caught.value)
