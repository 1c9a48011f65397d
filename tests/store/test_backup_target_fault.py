"""Faults get a plain answer (issue 12.11): a backup that cannot be written names the target, not
the books ("cannot open the database" about the live file would send the user to restore), and
leaves no half-written file behind."""

from __future__ import annotations

import sqlite3

import pytest

from dutydesk.cli import main
from dutydesk.store import backup as backup_module
from dutydesk.store.backup import backup_to
from dutydesk.store.datafolder import DeskError


@pytest.fixture
def books(desk):
    desk.close()
    return desk.folder


def test_a_target_sqlite_cannot_open_is_said_about_the_target(books, tmp_path, monkeypatch):
    target = tmp_path / "u盘" / "备份.sqlite3"
    real_connect = sqlite3.connect

    def connect(path, *args, **kwargs):
        if str(path).endswith(".part"):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(backup_module.sqlite3, "connect", connect)
    with pytest.raises(DeskError, match="无法写入备份文件") as caught:
        backup_to(books.db_path, target)
    assert str(target) in str(caught.value) and str(books.db_path) not in str(caught.value)
    assert not target.exists() and list(target.parent.iterdir()) == []


def test_a_full_target_is_said_as_full_and_leaves_nothing(books, tmp_path, monkeypatch):
    target = tmp_path / "备份.sqlite3"

    class FullTarget:
        def __init__(self, real):
            self.real = real

        def backup(self, dst):
            (tmp_path / "备份.sqlite3.part").write_bytes(b"half")
            raise sqlite3.OperationalError("database or disk is full")

        def close(self):
            self.real.close()

    real_connect = sqlite3.connect
    monkeypatch.setattr(backup_module.sqlite3, "connect",
                        lambda path, *a, **k: FullTarget(real_connect(path)) if str(path) == str(books.db_path)
                        else real_connect(path, *a, **k))
    with pytest.raises(DeskError, match="磁盘已满，无法写入备份"):
        backup_to(books.db_path, target)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("备份")] == []


def test_cli_backup_onto_an_unwritable_place_is_one_line_about_it(books, tmp_path, capsys, monkeypatch):
    real_connect = sqlite3.connect

    def connect(path, *args, **kwargs):
        if str(path).endswith(".part"):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(backup_module.sqlite3, "connect", connect)
    out = tmp_path / "b.sqlite3"
    assert main(["backup", "--out", str(out), "--data-dir", str(books.path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：无法写入备份文件") and str(out) in err and len(err.strip().splitlines()) == 1
