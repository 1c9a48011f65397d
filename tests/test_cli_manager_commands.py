"""V09/A01: a whole copy of the books (backup), replacing them (restore) and importing the calendar
are for a director or administrator on the command line too, as in the window's 工具 menus: an
operator's account, even with its own password, is refused in one Chinese line and nothing
leaves the desk or changes."""

from __future__ import annotations

import pytest

from dutydesk.cli import main
from dutydesk.cli_identity import ENV_PASSWORD
from dutydesk.desk import open_desk
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.store.calendar_days import CalendarDay
from tests.test_cli_identity import YEAR_FILE


@pytest.fixture
def guarded(desk, clock):
    """The test folder where 王书记 (director) and 李文书 (operator) have passwords."""
    set_password(Account.get(Account.name == "王书记"), "1357", "测试", clock.now())
    set_password(Account.get(Account.name == "李文书"), "2468", "测试", clock.now())
    desk.close()
    return desk.folder


def test_v09_an_operator_cannot_copy_the_whole_books_out(guarded, tmp_path, capsys, monkeypatch):
    copy = tmp_path / "usb" / "全部数据.sqlite3"
    monkeypatch.setenv(ENV_PASSWORD, "2468")
    assert main(["backup", "--out", str(copy), "--user", "李文书", "--data-dir", str(guarded.path)]) == 1
    err = capsys.readouterr().err
    assert "备份须由主任、书记或管理员执行" in err and "值班员" in err and len(err.strip().splitlines()) == 1
    assert not copy.exists()
    monkeypatch.setenv(ENV_PASSWORD, "1357")
    assert main(["backup", "--out", str(copy), "--user", "王书记", "--data-dir", str(guarded.path)]) == 0
    assert copy.exists()


def test_a03_an_operator_cannot_restore_the_books(guarded, tmp_path, capsys, monkeypatch):
    copy = tmp_path / "copy.sqlite3"
    monkeypatch.setenv(ENV_PASSWORD, "1357")
    assert main(["backup", "--out", str(copy), "--user", "王书记", "--data-dir", str(guarded.path)]) == 0
    monkeypatch.setenv(ENV_PASSWORD, "2468")
    assert main(["restore", str(copy), "--yes", "--user", "李文书", "--data-dir", str(guarded.path)]) == 1
    assert "恢复须由主任、书记或管理员执行" in capsys.readouterr().err
    assert not list(guarded.path.glob("*before-restore*"))  # the books were not replaced
    guarded.db_path.unlink()  # missing books: the backup's own accounts decide, roles included
    assert main(["restore", str(copy), "--yes", "--user", "李文书", "--data-dir", str(guarded.path)]) == 1
    assert "恢复须由主任、书记或管理员执行" in capsys.readouterr().err
    assert not guarded.db_path.exists()


def test_an_operator_cannot_import_the_calendar(guarded, tmp_path, capsys, monkeypatch):
    year = tmp_path / "2027.csv"
    year.write_text(YEAR_FILE, encoding="utf-8")
    monkeypatch.setenv(ENV_PASSWORD, "2468")
    assert main(["calendar", "import", str(year), "--user", "李文书", "--data-dir", str(guarded.path)]) == 1
    assert "导入节假日须由主任、书记或管理员执行" in capsys.readouterr().err
    desk = open_desk(guarded)
    try:
        assert CalendarDay.select().count() == 0
    finally:
        desk.close()
