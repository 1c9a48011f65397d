"""A01/A03: ``dutydesk restore`` refuses the live file, a newer or tampered backup and another
center's backup without ``--other-center`` and the typed confirmation; every command explains an
interrupted restore before it opens the books."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import sqlite3

import pytest

from dutydesk.cli import main
from dutydesk.store import restore
from dutydesk.store.accounts.account import create_account
from dutydesk.store.backup_schedule import take_backup
from dutydesk.store.center import save_center
from tests.conftest import TEST_CENTER


def _accounts(folder) -> int:
    con = sqlite3.connect(folder.db_path)
    try:
        return con.execute("SELECT count(*) FROM account").fetchone()[0]
    finally:
        con.close()


def _run(folder, *args: str) -> int:
    return main(["--data-dir", str(folder.path), *args])


@pytest.fixture
def backup(desk, folder, clock):
    path = take_backup(folder, clock.now(), "manual")
    create_account("赵干部", "operator", desk.who, desk.now())
    desk.close()
    return path


def test_a03_restoring_the_live_database_onto_itself_is_refused(backup, folder, capsys):
    assert _run(folder, "restore", str(folder.db_path), "--yes") == 1
    assert "正在使用的数据库本身" in capsys.readouterr().err
    assert _accounts(folder) == 4


def test_a03_newer_or_tampered_backups_are_refused(backup, folder, capsys):
    con = sqlite3.connect(backup)
    con.execute("CREATE TRIGGER keep_quiet BEFORE INSERT ON audit_entry BEGIN SELECT 1; END")
    con.commit()
    con.close()
    assert _run(folder, "restore", str(backup), "--yes") == 1
    captured = capsys.readouterr()
    assert "多出不属于值班台的触发器 keep_quiet" in captured.out and "未通过检查" in captured.err
    con = sqlite3.connect(backup)
    con.execute("DROP TRIGGER keep_quiet")
    con.execute("INSERT INTO schema_migration VALUES ('m9999_future', '2027-01-01T00:00:00')")
    con.commit()
    con.close()
    assert _run(folder, "restore", str(backup), "--yes") == 1
    assert "更新版本" in capsys.readouterr().out
    assert _accounts(folder) == 4


def test_a01_other_center_needs_the_flag_and_the_typed_phrase(desk, folder, clock, capsys, monkeypatch):
    save_center(dataclasses.replace(TEST_CENTER, name="桃源社区党群服务中心"), desk.who, desk.now())
    other = take_backup(folder, clock.now(), "manual")
    save_center(TEST_CENTER, desk.who, desk.now())
    create_account("赵干部", "operator", desk.who, desk.now())
    desk.close()
    assert _run(folder, "restore", str(other), "--yes") == 1
    err = capsys.readouterr().err
    assert "桃源社区党群服务中心" in err and "青石村党群服务中心" in err and "--other-center" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert _run(folder, "restore", str(other), "--other-center", "--yes") == 1
    assert "确认文字不符" in capsys.readouterr().err
    assert _accounts(folder) == 4
    monkeypatch.setattr("sys.stdin", io.StringIO("用桃源社区党群服务中心的备份替换青石村党群服务中心\n"))
    assert _run(folder, "restore", str(other), "--other-center") == 0
    assert "已恢复" in capsys.readouterr().out
    assert _accounts(folder) == 3


def test_a03_the_next_command_explains_an_interrupted_restore(backup, folder, capsys):
    class Killed(BaseException):
        pass

    def die(step):
        if step == "swapped":
            raise Killed

    restore.STEP_HOOK = die
    try:
        with pytest.raises(Killed):
            restore.restore_books(folder, backup, dt.datetime(2026, 11, 24, 10, 0))
    finally:
        restore.STEP_HOOK = None
    assert _run(folder, "check") == 0
    err = capsys.readouterr().err
    assert "上次从备份恢复" in err and "恢复已经完成" in err
    assert _accounts(folder) == 3
    assert _run(folder, "check") == 0
    assert "上次从备份恢复" not in capsys.readouterr().err  # told once


def test_a03_missing_books_point_to_the_latest_backup(backup, folder, capsys):
    folder.db_path.unlink()
    assert _run(folder, "check") == 1
    err = capsys.readouterr().err
    assert "找不到账本文件" in err and backup.name in err
    assert not folder.db_path.exists()


def test_a03_backing_up_onto_the_live_database_is_refused(backup, folder, capsys):
    before = folder.db_path.read_bytes()
    assert _run(folder, "backup", "--out", str(folder.db_path)) == 1
    assert "正在使用的数据库本身" in capsys.readouterr().err
    assert folder.db_path.read_bytes() == before
