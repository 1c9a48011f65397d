"""A01/A03: what a restore checks before it touches the books, and what it keeps."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sqlite3
import time

import pytest

from dutydesk.store.accounts.account import create_account
from dutydesk.store.backup_check import check_backup, other_center_phrase
from dutydesk.store.backup_schedule import inspect_backup, take_backup
from dutydesk.store.center import save_center
from dutydesk.store.datafolder import DeskError
from dutydesk.store.restore import OtherCenter, clean_leftovers, restore_books
from tests.conftest import TEST_CENTER

NOW = dt.datetime(2026, 11, 24, 10, 0)


def _accounts(db) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM account").fetchone()[0]
    finally:
        con.close()


def _tampered(path, sql: str):
    con = sqlite3.connect(path)
    con.executescript(sql)
    con.close()
    return path


@pytest.fixture
def backup(desk, folder, clock):
    path = take_backup(folder, clock.now(), "manual")
    create_account("赵干部", "operator", desk.who, desk.now())
    desk.close()
    return path


def _refused(folder, path, match: str) -> None:
    before = folder.db_path.read_bytes()
    with pytest.raises(DeskError, match=match):
        restore_books(folder, path, NOW)
    assert folder.db_path.read_bytes() == before, "a refused restore leaves the books untouched"
    assert _accounts(folder.db_path) == 4
    assert not list(folder.path.glob("*.part")) and not list(folder.path.glob("*before-restore*"))


def test_a03_restore_replaces_the_books_and_keeps_the_old_ones_aside(backup, folder):
    result = restore_books(folder, backup, NOW)
    assert _accounts(folder.db_path) == 3
    assert result.aside.name == "dutydesk.sqlite3.before-restore-20261124-100000"
    assert _accounts(result.aside) == 4
    assert not list(folder.path.glob("*.part")) and not (folder.path / "restore-in-progress.json").exists()


def test_a03_backup_with_an_extra_trigger_is_refused(backup, folder):
    _tampered(backup, "CREATE TRIGGER sneaky AFTER INSERT ON visit BEGIN "
                      "UPDATE visit SET result = '' WHERE id = new.id; END;")
    assert "多出不属于值班台的触发器 sneaky" in check_backup(backup).problems
    assert not inspect_backup(backup).ok
    _refused(folder, backup, "触发器 sneaky")


@pytest.mark.parametrize(("sql", "what"), [
    ("CREATE VIEW everyone AS SELECT * FROM account;", "视图 everyone"),
    ("CREATE TABLE notes (x TEXT);", "表 notes"),
    ("CREATE INDEX account_role ON account (role);", "索引 account_role"),
])
def test_a03_backup_with_an_extra_view_table_or_index_is_refused(backup, folder, sql, what):
    _tampered(backup, sql)
    _refused(folder, backup, what)


def test_a03_backup_without_the_append_only_triggers_is_refused(backup, folder):
    _tampered(backup, "DROP TRIGGER audit_entry_no_update;")
    assert "缺少值班台的触发器 audit_entry_no_update" in check_backup(backup).problems
    _refused(folder, backup, "audit_entry_no_update")


def test_a03_backup_with_an_altered_trigger_is_refused(backup, folder):
    _tampered(backup, "DROP TRIGGER audit_entry_no_delete; CREATE TRIGGER audit_entry_no_delete "
                      "BEFORE DELETE ON audit_entry BEGIN SELECT 1; END;")
    _refused(folder, backup, "结构被改动：触发器 audit_entry_no_delete")


def test_a03_backup_of_an_older_version_is_compared_with_that_version(backup, folder):
    """An older backup lacks the newer objects: that is its version, not tampering."""
    _tampered(backup, "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete; "
                      "DROP TRIGGER lookup_entry_no_update; DROP TRIGGER lookup_entry_no_delete; "
                      "DROP TRIGGER export_log_no_update; DROP TRIGGER export_log_no_delete; "
                      "DELETE FROM schema_migration WHERE name = 'm0046_append_only_logs';")
    assert check_backup(backup).ok
    restore_books(folder, backup, NOW)
    assert _accounts(folder.db_path) == 3


def test_a03_backup_of_a_newer_version_is_refused(backup, folder):
    _tampered(backup, "INSERT INTO schema_migration VALUES ('m9999_future', '2027-01-01T00:00:00');")
    _refused(folder, backup, "更新版本")


def test_a03_backup_with_broken_foreign_keys_is_refused(backup, folder):
    con = sqlite3.connect(backup)
    child = con.execute(
        "SELECT m.name, p.\"from\", p.\"table\" FROM sqlite_master m, pragma_foreign_key_list(m.name) p "
        "WHERE m.type = 'table' LIMIT 1").fetchone()
    con.close()
    assert child is not None, "the schema has foreign keys to check"
    # a row pointing at a missing parent: write the file without foreign key enforcement
    table, column, _parent = child
    con = sqlite3.connect(backup)
    cols = [r for r in con.execute(f'PRAGMA table_info("{table}")')]
    values = {c[1]: (999999 if c[1] == column else ("x" if c[3] else None)) for c in cols if c[1] != "id"}
    con.execute(f'INSERT INTO "{table}" ({",".join(values)}) VALUES ({",".join("?" * len(values))})',
                list(values.values()))
    con.commit()
    con.close()
    _refused(folder, backup, "外键错误")


def test_a03_restoring_the_live_database_onto_itself_is_refused(backup, folder):
    _refused(folder, folder.db_path, "正在使用的数据库本身")
    _refused(folder, folder.path / "." / folder.db_path.name, "正在使用的数据库本身")


def test_a01_backup_of_another_center_needs_the_typed_confirmation(desk, folder, clock, tmp_path):
    save_center(dataclasses.replace(TEST_CENTER, name="桃源社区党群服务中心"), desk.who, desk.now())
    other = take_backup(folder, clock.now(), "manual")
    save_center(TEST_CENTER, desk.who, desk.now())
    create_account("赵干部", "operator", desk.who, desk.now())
    desk.close()
    with pytest.raises(OtherCenter) as refused:
        restore_books(folder, other, NOW)
    assert "桃源社区党群服务中心" in str(refused.value) and "青石村党群服务中心" in str(refused.value)
    phrase = other_center_phrase("桃源社区党群服务中心", "青石村党群服务中心")
    assert refused.value.phrase == phrase
    with pytest.raises(OtherCenter):
        restore_books(folder, other, NOW, confirmation="确认")
    assert _accounts(folder.db_path) == 4
    restore_books(folder, other, NOW, confirmation=phrase)
    assert _accounts(folder.db_path) == 3


def test_a03_restore_into_a_folder_without_books(backup, folder):
    folder.db_path.unlink()
    result = restore_books(folder, backup, NOW)
    assert result.aside is None and _accounts(folder.db_path) == 3


def test_leftover_temporary_files_are_cleaned_but_not_fresh_ones_or_our_own(folder):
    folder.backups_dir.mkdir(parents=True)
    old = [folder.backups_dir / "dutydesk-20261123-170000-exit.sqlite3.part",
           folder.path / ".dutydesk.sqlite3.restore-20261123-100000.part",
           folder.path / ".月报.xlsx.4242.part",
           folder.path / "archive" / "2025" / ".来访登记.xlsx.77.part",
           folder.path / "printouts" / ".值班表.pdf.78.part"]
    fresh = folder.backups_dir / "dutydesk-20261124-090000-manual.sqlite3.part"
    kept = folder.backups_dir / "dutydesk-20261123-170000-exit.sqlite3"
    for path in [*old, fresh, kept]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    an_hour_ago = time.time() - 3600
    for path in old:
        os.utime(path, (an_hour_ago, an_hour_ago))
    assert sorted(clean_leftovers(folder)) == sorted(old)
    assert fresh.exists() and kept.exists()


def test_a03_a_failure_before_the_swap_rolls_back_at_once(backup, folder, monkeypatch):
    from dutydesk.store import restore

    def fail(step):
        if step == "wal_set_aside":
            raise OSError("disk full")

    monkeypatch.setattr(restore, "STEP_HOOK", fail)
    with pytest.raises(DeskError, match="恢复未完成，账本保持恢复前的状态"):
        restore_books(folder, backup, NOW)
    assert _accounts(folder.db_path) == 4
    assert not (folder.path / "restore-in-progress.json").exists()
    assert not list(folder.path.glob("*.part")) and not list(folder.path.glob("*before-restore*"))
