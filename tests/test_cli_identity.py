"""Issue 12.10: once an account has a password, commands on personal data and the books (export,
backup, restore, imports) run as ``--user NAME`` with that account's password; the audit trail
and the export log name that account; a wrong password is one Chinese line, exit 1, logged like a
GUI login (lockout applies). Without passwords in the folder, commands work as before."""

from __future__ import annotations

import io

import pytest

from dutydesk.cli import main
from dutydesk.cli_identity import ENV_PASSWORD
from dutydesk.desk import open_desk
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import LoginAttempt, set_password
from dutydesk.store.audit import AuditEntry
from dutydesk.store.calendar_days import CalendarDay
from dutydesk.store.privacy import ExportLog

YEAR_FILE = "date,type,name\n2027-01-01,休,元旦\n"


@pytest.fixture
def books(desk):
    """The test desk's folder, closed, with no password set yet."""
    desk.close()
    return desk.folder


@pytest.fixture
def guarded(books, clock):
    """The same folder where 王书记 has a password."""
    desk = open_desk(books, clock)
    set_password(Account.get(Account.name == "王书记"), "1357", "测试", clock.now())
    desk.close()
    return books


@pytest.fixture
def year_file(tmp_path):
    path = tmp_path / "2027.csv"
    path.write_text(YEAR_FILE, encoding="utf-8")
    return str(path)


def _read(folder, query):
    desk = open_desk(folder)
    try:
        return query()
    finally:
        desk.close()


def _import_actors(folder) -> list[str]:
    return _read(folder, lambda: [e.account for e in AuditEntry.select().where(
        AuditEntry.table_name == CalendarDay._meta.table_name)])


def _attempts(folder) -> list[tuple[bool, str]]:
    return _read(folder, lambda: [(a.ok, a.purpose) for a in LoginAttempt.select().order_by(LoginAttempt.id)])


def test_without_passwords_commands_work_as_before(books, year_file, capsys, monkeypatch):
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    assert main(["calendar", "import", year_file, "--data-dir", str(books.path)]) == 0
    assert _import_actors(books) == ["管理员"]  # the first administrator, as before


def test_with_a_password_a_command_needs_user(guarded, year_file, capsys, monkeypatch):
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    assert main(["calendar", "import", year_file, "--data-dir", str(guarded.path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "--user" in err and len(err.strip().splitlines()) == 1
    assert _import_actors(guarded) == []


def test_user_and_password_from_the_environment_and_the_audit_names_that_account(guarded, year_file, capsys,
                                                                                 monkeypatch):
    monkeypatch.setenv(ENV_PASSWORD, "1357")
    assert main(["calendar", "import", year_file, "--user", "王书记", "--data-dir", str(guarded.path)]) == 0
    assert _import_actors(guarded) == ["王书记"]
    assert _attempts(guarded) == [(True, "cli")]


def test_password_typed_at_the_prompt(guarded, year_file, capsys, monkeypatch):
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    asked = []

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("dutydesk.cli_identity.getpass.getpass", lambda prompt: asked.append(prompt) or "1357")
    assert main(["--user", "王书记", "calendar", "import", year_file, "--data-dir", str(guarded.path)]) == 0
    assert asked == ["请输入账户“王书记”的密码："]
    assert _import_actors(guarded) == ["王书记"]


def test_wrong_password_is_one_line_exit_1_logged_and_locks(guarded, year_file, capsys, monkeypatch):
    monkeypatch.setenv(ENV_PASSWORD, "0000")
    base = ["calendar", "import", year_file, "--user", "王书记", "--data-dir", str(guarded.path)]
    assert main(base) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：账户“王书记”：密码不正确") and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    for _ in range(4):
        main(base)
    capsys.readouterr()
    monkeypatch.setenv(ENV_PASSWORD, "1357")  # the right password, but the account is locked now
    assert main(base) == 1
    assert "账户已锁定" in capsys.readouterr().err
    assert _attempts(guarded) == [(False, "cli")] * 5
    assert _import_actors(guarded) == []


def test_an_account_without_a_password_cannot_run_commands_once_others_have_one(guarded, year_file, capsys,
                                                                                monkeypatch):
    monkeypatch.setenv(ENV_PASSWORD, "")
    assert main(["calendar", "import", year_file, "--user", "李文书", "--data-dir", str(guarded.path)]) == 1
    assert "尚未设置密码" in capsys.readouterr().err
    assert main(["calendar", "import", year_file, "--user", "张三", "--data-dir", str(guarded.path)]) == 1
    assert "没有名为“张三”的可用账户" in capsys.readouterr().err


def test_export_runs_as_the_user_and_the_export_log_names_them(guarded, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(ENV_PASSWORD, "1357")
    out = tmp_path / "v.xlsx"
    base = ["export", "visits", "--month", "2026-11", "--out", str(out), "--data-dir", str(guarded.path)]
    monkeypatch.setenv(ENV_PASSWORD, "1357")
    assert main(base) == 1 and not out.exists()
    assert "--user" in capsys.readouterr().err
    assert main([*base, "--user", "王书记"]) == 0
    # the director running the command approves an unmasked export without typing again
    full = tmp_path / "f.xlsx"
    assert main(["export", "visits", "--month", "2026-11", "--out", str(full), "--data-dir", str(guarded.path),
                 "--user", "王书记", "--unmasked", "--reason", "核对", "--approver", "王书记"]) == 0
    log = _read(guarded, lambda: [(e.exported_by, e.unmasked, e.approved_by)
                                  for e in ExportLog.select().order_by(ExportLog.id)])
    assert log == [("王书记", False, ""), ("王书记", True, "王书记")]


def test_backup_and_restore_need_the_user_too(guarded, tmp_path, capsys, monkeypatch):
    copy = tmp_path / "copy.sqlite3"
    monkeypatch.delenv(ENV_PASSWORD, raising=False)
    assert main(["backup", "--out", str(copy), "--data-dir", str(guarded.path)]) == 1
    assert "--user" in capsys.readouterr().err and not copy.exists()
    monkeypatch.setenv(ENV_PASSWORD, "1357")
    assert main(["backup", "--out", str(copy), "--user", "王书记", "--data-dir", str(guarded.path)]) == 0
    assert copy.exists()
    monkeypatch.setenv(ENV_PASSWORD, "9999")
    assert main(["restore", str(copy), "--yes", "--user", "王书记", "--data-dir", str(guarded.path)]) == 1
    assert "密码不正确" in capsys.readouterr().err
    monkeypatch.setenv(ENV_PASSWORD, "1357")
    assert main(["restore", str(copy), "--yes", "--user", "王书记", "--data-dir", str(guarded.path)]) == 0
    assert "已恢复" in capsys.readouterr().out


def test_restore_onto_missing_books_checks_the_backups_own_accounts(guarded, tmp_path, capsys, monkeypatch):
    copy = tmp_path / "copy.sqlite3"
    monkeypatch.setenv(ENV_PASSWORD, "1357")
    assert main(["backup", "--out", str(copy), "--user", "王书记", "--data-dir", str(guarded.path)]) == 0
    empty = tmp_path / "new"
    monkeypatch.setenv(ENV_PASSWORD, "0000")
    assert main(["restore", str(copy), "--yes", "--user", "王书记", "--data-dir", str(empty)]) == 1
    assert "密码不正确" in capsys.readouterr().err
    monkeypatch.setenv(ENV_PASSWORD, "1357")
    assert main(["restore", str(copy), "--yes", "--user", "王书记", "--data-dir", str(empty)]) == 0
