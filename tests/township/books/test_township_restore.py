"""Issue 16 point 3, A01/A03: the township's SQLite books are restored by the desk's own restore
machinery (``township_restore.TOWNSHIP``): what it checks before it touches them, and what it keeps."""

from __future__ import annotations

import importlib
import os
import sqlite3

import pytest
from peewee import SqliteDatabase

from dutydesk.store.backup_check import check_backup, other_center_phrase
from dutydesk.store.backup_schedule import take_backup
from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.restore import OtherCenter, restore_books
from dutydesk.township.migrations import applied
from dutydesk.township.township_database import sqlite_path
from dutydesk.township.township_folder import open_township
from dutydesk.township.township_restore import ON_SERVER, TOWNSHIP, refuse_server, restore_township
from tests.township.books.conftest import TOWNSHIP_CODE
from tests.township.books.township_restore_helpers import (
    IN_BACKUP,
    IN_BOOKS,
    NOW,
    accounts,
    township_with_backup,
)


@pytest.fixture
def books(tmp_path):
    return township_with_backup(tmp_path / "T", TOWNSHIP_CODE)


def _tampered(path, sql: str):
    con = sqlite3.connect(path)
    con.executescript(sql)
    con.close()
    return path


def _refused(folder: DataFolder, path, match: str) -> None:
    live = sqlite_path(folder)
    before = live.read_bytes()
    with pytest.raises(DeskError, match=match):
        restore_township(folder, path, NOW)
    assert live.read_bytes() == before, "a refused restore leaves the books untouched"
    assert not list(folder.path.glob("*.part")) and not list(folder.path.glob("*before-restore*"))
    assert not (folder.path / "restore-in-progress.json").exists()


def test_a03_township_restore_replaces_the_books_and_keeps_the_old_file_aside(books):
    folder, backup = books
    result = restore_township(folder, backup, NOW)
    assert accounts(sqlite_path(folder)) == IN_BACKUP
    assert result.aside.name == "township.sqlite3.before-restore-20270105-100000"
    assert accounts(result.aside) == IN_BOOKS
    assert not list(folder.path.glob("*.part")) and not (folder.path / "restore-in-progress.json").exists()
    assert not folder.db_path.exists(), "no desk database appears in a township's folder"
    township = open_township(folder)
    try:
        assert township.profile().code == TOWNSHIP_CODE and township.notice == ""
    finally:
        township.close()


def test_a03_a_desk_backup_is_refused_in_a_township_folder(books, desk, folder, clock):
    township_folder, _backup = books
    desk_backup = take_backup(folder, clock.now(), "manual")
    assert TOWNSHIP.not_ours in check_backup(desk_backup, TOWNSHIP).problems
    _refused(township_folder, desk_backup, "这不是镇级数据的备份")


def test_a03_a_township_backup_is_refused_in_a_desk_folder(books, desk, folder):
    _township_folder, township_backup = books
    desk.close()
    before = folder.db_path.read_bytes()
    with pytest.raises(DeskError, match="这不是值班台的数据文件"):
        restore_books(folder, township_backup, NOW)
    assert folder.db_path.read_bytes() == before
    assert not sqlite_path(folder).exists()


def test_a03_a_damaged_file_is_refused(books, tmp_path):
    folder, _backup = books
    damaged = tmp_path / "township-20270105-100000-manual.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    _refused(folder, damaged, "未通过检查")


def test_a03_a_backup_of_a_newer_township_schema_is_refused(books):
    folder, backup = books
    _tampered(backup, "INSERT INTO township_migration VALUES ('t9999_future', '2027-01-01T00:00:00');")
    _refused(folder, backup, "更新版本")


@pytest.mark.parametrize(("sql", "what"), [
    ("CREATE TRIGGER sneaky AFTER INSERT ON month_review BEGIN SELECT 1; END;", "多出不属于值班台的触发器 sneaky"),
    ("CREATE VIEW everyone AS SELECT * FROM account;", "视图 everyone"),
    ("CREATE TABLE notes (x TEXT);", "表 notes"),
    ("DROP TRIGGER month_review_no_update;", "缺少值班台的触发器 month_review_no_update"),
])
def test_a03_a_township_backup_with_other_schema_objects_is_refused(books, sql, what):
    folder, backup = books
    _tampered(backup, sql)
    _refused(folder, backup, what)


def test_a03_an_older_township_backup_is_compared_with_its_own_version(books, tmp_path):
    """A backup written before t0005 lacks t0005's column: that is its version, not tampering; it
    restores, and the next opening brings it up to date."""
    folder, _backup = books
    old = tmp_path / "township-20261201-100000-manual.sqlite3"
    db = SqliteDatabase(str(old))
    TOWNSHIP.create_tracking(db)
    for name in TOWNSHIP.migrations[:-1]:
        importlib.import_module(f"dutydesk.township.migrations.{name}").apply(db)
        db.execute_sql("INSERT INTO township_migration VALUES (?, ?)", (name, "2026-12-01T10:00:00"))
    db.execute_sql("INSERT INTO township_profile (name, code, created_at, created_by) VALUES (?, ?, ?, ?)",
                   ("桃源镇", TOWNSHIP_CODE, "2026-12-01 10:00:00", "系统"))
    db.execute_sql("INSERT INTO account (name, role, created_at) VALUES ('管理员', 'admin', '2026-12-01')")
    db.close()
    verdict = check_backup(old, TOWNSHIP)
    assert verdict.ok and verdict.migrations == TOWNSHIP.migrations[:-1]
    restore_township(folder, old, NOW)
    township = open_township(folder)
    try:
        assert applied(township.db) == TOWNSHIP.migrations
    finally:
        township.close()


def test_a01_another_townships_backup_needs_the_typed_confirmation(books, tmp_path):
    folder, _backup = books
    _other, theirs = township_with_backup(tmp_path / "other", "350425200000", "杏花镇")
    with pytest.raises(OtherCenter) as refused:
        restore_township(folder, theirs, NOW)
    phrase = other_center_phrase("杏花镇（350425200000）", f"桃源镇（{TOWNSHIP_CODE}）")
    assert refused.value.phrase == phrase and "杏花镇" in str(refused.value)
    with pytest.raises(OtherCenter):
        restore_township(folder, theirs, NOW, confirmation="确认")
    assert accounts(sqlite_path(folder)) == IN_BOOKS
    restore_township(folder, theirs, NOW, confirmation=phrase)
    assert accounts(sqlite_path(folder)) == IN_BACKUP


def test_a01_the_same_township_under_a_new_name_is_still_the_same_township(books, tmp_path):
    """The identity is the division code: a renamed township restores without confirmation."""
    folder, _backup = books
    _renamed, theirs = township_with_backup(tmp_path / "renamed", TOWNSHIP_CODE, "桃源街道")
    restore_township(folder, theirs, NOW)
    assert accounts(sqlite_path(folder)) == IN_BACKUP


def test_a03_restoring_the_live_books_onto_themselves_is_refused(books, tmp_path):
    folder, _backup = books
    live = sqlite_path(folder)
    _refused(folder, live, "正在使用的数据库本身")
    _refused(folder, folder.path / "." / live.name, "正在使用的数据库本身")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(live)
    _refused(folder, link, "正在使用的数据库本身")
    hard = tmp_path / "hard.sqlite3"
    os.link(live, hard)
    _refused(folder, hard, "正在使用的数据库本身")


def test_a03_restore_into_a_township_folder_that_lost_its_books(books):
    folder, backup = books
    sqlite_path(folder).unlink()
    result = restore_township(folder, backup, NOW)
    assert result.aside is None and accounts(sqlite_path(folder)) == IN_BACKUP


def test_books_on_a_postgresql_server_are_restored_with_the_servers_tools(books):
    folder, backup = books
    with pytest.raises(DeskError) as refused:
        restore_township(folder, backup, NOW, url="postgresql://镇@10.0.0.5/township")
    assert str(refused.value) == ON_SERVER and "pg_restore" in ON_SERVER
    assert "\n" not in ON_SERVER
    refuse_server(None)  # SQLite books: nothing to refuse
    assert accounts(sqlite_path(folder)) == IN_BOOKS
