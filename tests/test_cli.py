"""The dutydesk command: demo, check, errors as one line, never a traceback."""

import datetime as dt
import sqlite3
import subprocess
import sys

from dutydesk import __version__
from dutydesk.cli import main
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from tests.store.test_integrity import corrupt


def test_demo_then_check_exit_zero(tmp_path, capsys):
    folder = tmp_path / "demo"
    assert main(["demo", "--data-dir", str(folder), "--days", "10", "--scale", "0.1"]) == 0
    assert main(["check", "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "数据库版本：" in out and "schema" not in out
    assert "中心信息：1" in out and "center_profile" not in out
    assert "结果: 正常" in out


def test_global_data_dir_option_before_the_subcommand(tmp_path, capsys):
    folder = tmp_path / "g"
    assert main(["--data-dir", str(folder), "demo", "--days", "5", "--scale", "0.1"]) == 0
    assert main(["--data-dir", str(folder), "check"]) == 0


def test_data_dir_from_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DUTYDESK_DATA_DIR", str(tmp_path / "env"))
    assert main(["check"]) == 1  # nothing there yet: one clear line
    assert "没有值班台数据" in capsys.readouterr().err


def test_check_reports_a_corrupted_database_with_exit_1(tmp_path, capsys):
    folder = tmp_path / "c"
    main(["demo", "--data-dir", str(folder), "--days", "3", "--scale", "0.1"])
    corrupt(folder / "dutydesk.sqlite3")
    capsys.readouterr()
    assert main(["check", "--data-dir", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：数据库文件损坏") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_demo_refuses_real_books(desk, capsys):
    desk.close()
    assert main(["demo", "--data-dir", str(desk.folder.path)]) == 1
    assert "正式数据" in capsys.readouterr().err


def test_module_entry_point_prints_version():
    result = subprocess.run([sys.executable, "-m", "dutydesk", "--version"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"DutyDesk {__version__}"


def test_unexpected_error_is_one_line_and_logged(tmp_path, monkeypatch, capsys):
    from dutydesk.commands import check

    def explode(args):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(check, "run", explode)
    folder = tmp_path / "x"
    assert main(["check", "--data-dir", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("内部错误：ZeroDivisionError: boom")
    assert "Traceback" not in err
    assert "ZeroDivisionError" in (folder / "logs" / "dutydesk.log").read_text(encoding="utf-8")


def test_demo_never_overwrites_books_with_passwords_even_marked_demo(desk, capsys):
    """A 'DEMO' marker file dropped into a real folder must not let ``dutydesk demo`` delete
    books whose accounts have passwords (records are never silently deleted, A03)."""
    set_password(Account.get(Account.name == "王书记"), "2468", "测试", dt.datetime(2026, 11, 24, 9))
    center_rows = desk.db.execute_sql("SELECT count(*) FROM center_profile").fetchone()[0]
    desk.close()
    desk.folder.mark_demo()
    assert main(["demo", "--data-dir", str(desk.folder.path), "--days", "3", "--scale", "0.1"]) == 1
    err = capsys.readouterr().err
    assert "已设账户密码" in err and len(err.strip().splitlines()) == 1
    con = sqlite3.connect(desk.folder.db_path)
    try:
        assert con.execute("SELECT password_hash IS NOT NULL FROM account WHERE name = '王书记'").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM center_profile").fetchone()[0] == center_rows
    finally:
        con.close()
