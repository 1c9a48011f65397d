"""Faults of the machine on the command line: a read-only data folder, a full disk, an output
file open in WPS. One Chinese line on stderr, exit code 1, no traceback, nothing half-written."""

from __future__ import annotations

import errno
import logging.handlers
import os

import pytest

from dutydesk.cli import main
from dutydesk.store import atomic, base, folder_lock


@pytest.fixture
def books(desk):
    """A data folder with a center and accounts, closed so the command opens it itself."""
    desk.close()
    return desk.folder


@pytest.fixture
def calendar_file(tmp_path):
    path = tmp_path / "2027.csv"
    lines = ["date,type,name"]
    lines += [f"2027-{m:02d}-{d:02d},休,假日{m}{d}" for m in range(1, 13) for d in range(1, 28)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _one_line(err: str) -> str:
    assert "Traceback" not in err and "Logging error" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def log_file_refused(monkeypatch):
    def refuse(self):
        raise PermissionError(errno.EACCES, "Permission denied", self.baseFilename)

    monkeypatch.setattr(logging.handlers.RotatingFileHandler, "_open", refuse)


def test_read_only_data_folder_database_is_one_chinese_line(books, calendar_file, capsys, monkeypatch,
                                                             log_file_refused):
    """The log cannot be opened and the database refuses writes: the command says so, exit 1."""
    monkeypatch.setitem(base.PRAGMAS, "query_only", 1)  # SQLite: attempt to write a readonly database
    rc = main(["calendar", "import", str(calendar_file), "--data-dir", str(books.path)])
    line = _one_line(capsys.readouterr().err)
    assert rc == 1
    assert line.startswith("错误：数据文件夹不能写入") and str(books.path) in line
    assert "readonly" not in line


def test_read_only_data_folder_lock_is_one_chinese_line(books, calendar_file, capsys, monkeypatch,
                                                        log_file_refused):
    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", self.lock_file)

    monkeypatch.setattr(folder_lock.PlatformLock, "acquire", refuse)
    rc = main(["calendar", "import", str(calendar_file), "--data-dir", str(books.path)])
    line = _one_line(capsys.readouterr().err)
    assert rc == 1 and "数据文件夹不能写入" in line and str(books.path) in line


def test_a_command_still_runs_when_only_the_log_cannot_be_written(books, capsys, log_file_refused):
    assert main(["check", "--data-dir", str(books.path)]) == 0
    captured = capsys.readouterr()
    assert "结果: 正常" in captured.out and "Traceback" not in captured.err


def test_full_disk_sqlite_is_said_as_such(books, calendar_file, capsys, monkeypatch):
    """SQLITE_FULL (max_page_count on the connection): "磁盘已满", not "cannot rollback"."""
    import sqlite3

    con = sqlite3.connect(books.db_path)
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    monkeypatch.setitem(base.PRAGMAS, "max_page_count", pages)
    rc = main(["calendar", "import", str(calendar_file), "--data-dir", str(books.path)])
    line = _one_line(capsys.readouterr().err)
    assert rc == 1 and line.startswith("错误：磁盘已满") and str(books.path) in line
    assert "rollback" not in line
    monkeypatch.delitem(base.PRAGMAS, "max_page_count")
    assert main(["calendar", "show", "2027", "--data-dir", str(books.path)]) == 0
    assert "（共 0 天）" in capsys.readouterr().out  # nothing of the failed import was kept


def _export(books, out):
    return main(["export", "visits", "--from", "2026-11-01", "--to", "2026-11-24", "--format", "xlsx",
                 "--out", str(out), "--data-dir", str(books.path)])


def test_export_over_a_file_open_in_wps(books, tmp_path, capsys, monkeypatch):
    """Replacing a file WPS holds open fails with PermissionError: say which file and what to do."""
    out = tmp_path / "来访登记.xlsx"
    out.write_bytes(b"the copy open in WPS")

    def held_open(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", os.fspath(src), os.fspath(dst))

    monkeypatch.setattr(atomic.os, "replace", held_open)
    assert _export(books, out) == 1
    line = _one_line(capsys.readouterr().err)
    assert str(out) in line and "WPS" in line and "关闭" in line
    assert out.read_bytes() == b"the copy open in WPS"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == [out.name]  # no .part left


def test_export_onto_a_full_disk(books, tmp_path, capsys, monkeypatch):
    out = tmp_path / "来访登记.xlsx"

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    assert _export(books, out) == 1
    line = _one_line(capsys.readouterr().err)
    assert line.startswith("错误：磁盘已满") and str(out) in line
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == []


def test_a_damaged_calendar_file_is_one_line_on_the_command_line_and_changes_nothing(desk, tmp_path, capsys):
    desk.close()
    path = tmp_path / "2027.csv"
    path.write_text("2027-01-01,休,元旦\n2150-01-01,休,远期\n", encoding="utf-8")
    assert main(["calendar", "import", str(path), "--data-dir", str(desk.folder.path)]) == 1
    err = capsys.readouterr().err
    assert "1900 至 2100" in err and len(err.strip().splitlines()) == 1
    assert main(["calendar", "show", "2027", "--data-dir", str(desk.folder.path)]) == 0
    assert "（共 0 天）" in capsys.readouterr().out  # not even the sound first line was imported
