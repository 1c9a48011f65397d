"""A03 (issue 12.8): a backup without a center (an empty or half-set-up database) is not "the same
center": restoring it over a center's books would empty them after a mere "y". It is treated as
another center's backup: refused unless the user types the confirmation naming both."""

from __future__ import annotations

import io
import sqlite3

import pytest

from dutydesk.cli import main
from dutydesk.desk import open_desk
from dutydesk.store.backup_check import other_center_phrase
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.restore import NO_CENTER, OtherCenter, restore_books
from tests.store.test_restore import NOW


def _centers_and_accounts(folder) -> tuple[int, int]:
    con = sqlite3.connect(folder.db_path)
    try:
        return (con.execute("SELECT count(*) FROM center_profile").fetchone()[0],
                con.execute("SELECT count(*) FROM account").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def empty_backup(tmp_path, clock):
    """A database the app migrated but nobody set up: no center, no accounts."""
    other = DataFolder(tmp_path / "empty")
    open_desk(other, clock).close()
    return other.db_path


@pytest.fixture
def books(desk):
    desk.close()
    return desk.folder


def test_a03_a_backup_without_a_center_does_not_replace_a_centers_books_on_a_yes(books, empty_backup):
    before = _centers_and_accounts(books)
    with pytest.raises(OtherCenter) as refused:
        restore_books(books, empty_backup, NOW)
    assert NO_CENTER in str(refused.value) and "青石村党群服务中心" in str(refused.value)
    assert refused.value.phrase == other_center_phrase(NO_CENTER, "青石村党群服务中心")
    assert _centers_and_accounts(books) == before == (1, 3)
    restore_books(books, empty_backup, NOW, confirmation=refused.value.phrase)  # typed on purpose
    assert _centers_and_accounts(books) == (0, 0)


def test_a03_cli_restore_of_a_backup_without_a_center_needs_other_center(books, empty_backup, capsys,
                                                                            monkeypatch):
    assert main(["--data-dir", str(books.path), "restore", str(empty_backup), "--yes"]) == 1
    err = capsys.readouterr().err
    assert NO_CENTER in err and "--other-center" in err and "Traceback" not in err
    assert _centers_and_accounts(books) == (1, 3)
    monkeypatch.setattr("sys.stdin", io.StringIO(other_center_phrase(NO_CENTER, "青石村党群服务中心") + "\n"))
    assert main(["--data-dir", str(books.path), "restore", str(empty_backup), "--other-center"]) == 0
    assert _centers_and_accounts(books) == (0, 0)
