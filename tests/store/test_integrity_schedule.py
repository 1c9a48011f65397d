"""Issue 17: the full integrity check off the start path, with its protection kept.

A cheap check at start; the full quick_check in background before the first write; the full
check before opening when the last session did not end cleanly; ``dutydesk check`` reads once."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from dutydesk.desk import open_desk
from dutydesk.store import audit, integrity, integrity_schedule
from dutydesk.store.accounts.account import Account
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.integrity_schedule import BooksDamaged, cheap_check, ended_cleanly, pending_check
from dutydesk.store.opening import DamagedDatabase, open_books
from tests.store.test_integrity import corrupt

NOW = dt.datetime(2026, 11, 24, 9, 0)


def damage_a_table_page(path, table: str = "account") -> None:
    """Wipe one table page: the header and schema still read, quick_check does not pass."""
    con = sqlite3.connect(path)
    try:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    finally:
        con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size:root * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))


@pytest.fixture
def closed_books(tmp_path) -> DataFolder:
    folder = DataFolder(tmp_path / "books")
    open_desk(folder).close()
    return folder


def test_a_clean_end_removes_the_session_marker(closed_books):
    assert ended_cleanly(closed_books)
    desk = open_desk(closed_books)
    assert not ended_cleanly(closed_books)  # open: a crash now would leave it behind
    desk.close()
    assert ended_cleanly(closed_books)


def test_cheap_check_catches_a_broken_header_and_a_torn_file(closed_books):
    path = closed_books.db_path
    assert cheap_check(path) == []
    with path.open("ab") as f:
        f.write(b"x" * 100)  # not whole pages
    assert cheap_check(path)
    corrupt(path)
    assert cheap_check(path)
    with pytest.raises(DamagedDatabase):
        open_books(closed_books)


def test_damage_after_a_clean_end_is_caught_before_the_first_write(closed_books):
    """The start does not read every page, but no audited write reaches damaged books."""
    damage_a_table_page(closed_books.db_path, "center_profile")
    assert cheap_check(closed_books.db_path) == []
    desk = open_desk(closed_books)  # opens: only the cheap check ran before
    try:
        check = pending_check(closed_books.db_path)
        assert check is not None
        assert check.wait(30)
        with pytest.raises(BooksDamaged) as info:
            audit.create(Account, "测试", NOW, name="新用户", role="operator", created_at=NOW)
        assert "数据库文件检查未通过" in str(info.value)
        assert "Traceback" not in str(info.value)
    finally:
        desk.close()
    assert not ended_cleanly(closed_books), "damage found: the next start checks fully again"
    with pytest.raises(DamagedDatabase):
        open_books(closed_books)


def test_sound_books_write_once_the_background_check_passed(closed_books):
    desk = open_desk(closed_books)
    try:
        audit.create(Account, "测试", NOW, name="新用户", role="operator", created_at=NOW)
        assert pending_check(closed_books.db_path) is None
        assert Account.get(Account.name == "新用户").role == "operator"
    finally:
        desk.close()


def test_after_an_unclean_end_the_full_check_runs_before_opening(closed_books, monkeypatch):
    desk = open_desk(closed_books)
    desk.db.close()  # the process died: the marker stays
    assert not ended_cleanly(closed_books)
    damage_a_table_page(closed_books.db_path, "center_profile")
    with pytest.raises(DamagedDatabase):
        open_books(closed_books)
    assert pending_check(closed_books.db_path) is None


def test_a_clean_start_reads_no_page_before_the_window(closed_books, monkeypatch):
    calls = []
    monkeypatch.setattr(integrity_schedule, "BackgroundCheck",
                        lambda path: type("Quiet", (), {"start": lambda self: calls.append(path) or self})())
    monkeypatch.setattr(integrity_schedule, "quick_check", lambda path: pytest.fail("full check at start"))
    open_desk(closed_books).db.close()
    assert calls == [closed_books.db_path]
    integrity_schedule._current.clear()


def test_dutydesk_check_reads_the_file_once(closed_books, monkeypatch, capsys):
    from dutydesk.cli import main

    monkeypatch.setattr(integrity, "quick_check", lambda path: pytest.fail("quick_check run"))
    monkeypatch.setattr(integrity_schedule, "quick_check", lambda path: pytest.fail("quick_check run"))
    assert main(["check", "--data-dir", str(closed_books.path)]) == 0
    assert "结果: 正常" in capsys.readouterr().out
    assert pending_check(closed_books.db_path) is None


def test_dutydesk_check_still_reports_damage_inside_the_file(closed_books, capsys):
    from dutydesk.cli import main

    damage_a_table_page(closed_books.db_path, "center_profile")
    assert main(["check", "--data-dir", str(closed_books.path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：数据库文件损坏") and len(err.strip().splitlines()) == 1
