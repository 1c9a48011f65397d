"""Issue 16 point 3 from the command line: ``dutydesk township restore FILE`` and
``dutydesk township backup --list`` (SQLite); books on a PostgreSQL server are the server's to
restore, said in one Chinese line. A user error is one line and exit code 1, never a traceback."""

from __future__ import annotations

import io
import json

import pytest

from dutydesk.cli import main
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.store.backup_schedule import take_backup
from dutydesk.township.township_database import config_path, sqlite_path
from dutydesk.township.township_folder import open_township
from dutydesk.township.township_restore import ON_SERVER
from tests.township.books.conftest import TOWNSHIP_CODE
from tests.township.books.township_restore_helpers import IN_BACKUP, IN_BOOKS, accounts, township_with_backup


@pytest.fixture
def books(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal: nothing is confirmed by itself
    return township_with_backup(tmp_path / "T", TOWNSHIP_CODE)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_township_restore_checks_asks_and_keeps_the_old_file(books, capsys):
    folder, backup = books
    t = ["--data-dir", str(folder.path)]
    code, out, err = run(capsys, "township", "restore", str(backup), *t)
    assert code == 1 and "已取消，未做任何改动" in err
    assert "完整性检查：通过" in out and f"所属乡镇（街道）：桃源镇（{TOWNSHIP_CODE}）" in out
    assert accounts(sqlite_path(folder)) == IN_BOOKS
    code, out, _err = run(capsys, "township", "restore", str(backup), *t, "--yes")
    assert code == 0 and "已恢复。原数据文件保留在：" in out and "before-restore-" in out
    assert accounts(sqlite_path(folder)) == IN_BACKUP
    [kept] = folder.path.glob("township.sqlite3.before-restore-*")
    assert accounts(kept) == IN_BOOKS


def test_township_restore_refuses_the_live_file_and_a_desk_backup(books, desk, folder, clock, capsys):
    township_folder, _backup = books
    t = ["--data-dir", str(township_folder.path)]
    code, _out, err = run(capsys, "township", "restore", str(sqlite_path(township_folder)), *t, "--yes")
    assert code == 1 and "正在使用的镇级数据文件本身" in err
    desk_backup = take_backup(folder, clock.now(), "manual")
    code, out, err = run(capsys, "township", "restore", str(desk_backup), *t, "--yes")
    assert code == 1 and "这不是镇级数据的备份" in out and "未通过检查，未恢复" in err
    assert accounts(sqlite_path(township_folder)) == IN_BOOKS


def test_a_desk_folder_is_refused_by_township_restore_and_a_township_folder_by_restore(
        books, desk, folder, capsys):
    township_folder, backup = books
    desk.close()
    code, _out, err = run(capsys, "township", "restore", str(backup), "--data-dir", str(folder.path), "--yes")
    assert code == 1 and "这是村（社区）值班台的数据文件夹" in err and "dutydesk restore" in err
    code, _out, err = run(capsys, "restore", str(backup), "--data-dir", str(township_folder.path), "--yes")
    assert code == 1 and "镇级数据文件夹" in err
    assert not township_folder.db_path.exists(), "no desk database is made in a township's folder"
    assert accounts(sqlite_path(township_folder)) == IN_BOOKS


def test_another_townships_backup_needs_the_flag_and_the_typed_phrase(books, tmp_path, capsys, monkeypatch):
    folder, _backup = books
    _other, theirs = township_with_backup(tmp_path / "other", "350425200000", "杏花镇")
    t = ["--data-dir", str(folder.path)]
    code, _out, err = run(capsys, "township", "restore", str(theirs), *t, "--yes")
    assert code == 1 and "杏花镇（350425200000）" in err and "--other-township" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("确认\n"))
    code, _out, err = run(capsys, "township", "restore", str(theirs), *t, "--other-township")
    assert code == 1 and "确认文字不符，未恢复" in err
    assert accounts(sqlite_path(folder)) == IN_BOOKS
    phrase = f"用杏花镇（350425200000）的备份替换桃源镇（{TOWNSHIP_CODE}）"
    monkeypatch.setattr("sys.stdin", io.StringIO(phrase + "\n"))
    code, out, _err = run(capsys, "township", "restore", str(theirs), *t, "--other-township")
    assert code == 0 and "已恢复" in out and accounts(sqlite_path(folder)) == IN_BACKUP


def test_township_restore_asks_who_once_accounts_have_passwords(books, capsys, monkeypatch):
    folder, backup = books
    township = open_township(folder)
    try:
        for name in ("管理员", "赵干部"):
            set_password(Account.get(Account.name == name), "Taoyuan-2027", township.who, township.now())
    finally:
        township.close()
    t = ["--data-dir", str(folder.path)]
    code, _out, err = run(capsys, "township", "restore", str(backup), *t, "--yes")
    assert code == 1 and "--user" in err
    monkeypatch.setenv("DUTYDESK_PASSWORD", "wrong-password-1")
    code, _out, err = run(capsys, "township", "restore", str(backup), *t, "--yes", "--user", "管理员")
    assert code == 1 and "密码" in err
    monkeypatch.setenv("DUTYDESK_PASSWORD", "Taoyuan-2027")
    code, _out, err = run(capsys, "township", "restore", str(backup), *t, "--yes", "--user", "赵干部")
    assert code == 1 and "恢复须由主任、书记或管理员执行" in err
    assert accounts(sqlite_path(folder)) == IN_BOOKS
    code, out, _err = run(capsys, "township", "restore", str(backup), *t, "--yes", "--user", "管理员")
    assert code == 0 and "已恢复" in out


def test_backup_list_shows_the_townships_backups_newest_first(books, capsys):
    folder, backup = books
    t = ["--data-dir", str(folder.path)]
    code, out, _err = run(capsys, "township", "backup", *t)
    assert code == 0
    newer = out.split("已备份到：")[1].strip()
    code, out, _err = run(capsys, "township", "backup", "--list", *t)
    assert code == 0 and "共 2 个备份（最新的在前）" in out
    lines = [line.strip() for line in out.splitlines() if line.startswith("  ")]
    assert lines[0].endswith(newer) and lines[1].endswith(str(backup))
    assert "2027-01-05 10:00:00  手动" in lines[1] and "KB" in lines[1]
    assert "dutydesk township restore" in out


def test_backup_list_of_a_folder_without_backups(tmp_path, capsys):
    t = ["--data-dir", str(tmp_path / "T")]
    assert main(["township", "init", *t, "--name", "桃源镇", "--code", TOWNSHIP_CODE]) == 0
    capsys.readouterr()
    code, out, _err = run(capsys, "township", "backup", "--list", *t)
    assert code == 0 and "还没有备份" in out


def test_books_on_a_server_are_restored_with_pg_restore(books, capsys):
    """Said in one Chinese line, without touching anything (no server is needed to say it)."""
    folder, backup = books
    config_path(folder).write_text(json.dumps({"name": "桃源镇", "code": TOWNSHIP_CODE,
                                               "database": "postgresql://镇@127.0.0.1:5432/township"}),
                                   encoding="utf-8")
    t = ["--data-dir", str(folder.path)]
    code, _out, err = run(capsys, "township", "restore", str(backup), *t, "--yes")
    assert code == 1 and err.strip() == f"错误：{ON_SERVER}"
    assert "pg_restore --clean --if-exists -d 数据库名 备份文件" in err
    code, out, _err = run(capsys, "township", "backup", "--list", *t)
    assert code == 0 and "pg_dump" in out and "pg_restore" in out
    assert accounts(sqlite_path(folder)) == IN_BOOKS


def test_lost_books_point_to_the_newest_backup(books, capsys):
    folder, backup = books
    sqlite_path(folder).unlink()
    t = ["--data-dir", str(folder.path)]
    code, _out, err = run(capsys, "township", "status", "--month", "2026-12", *t)
    assert code == 1 and f"dutydesk township restore {backup}" in err
    code, out, _err = run(capsys, "township", "restore", str(backup), *t, "--yes")
    assert code == 0 and out.strip().endswith("已恢复。")
    assert accounts(sqlite_path(folder)) == IN_BACKUP
