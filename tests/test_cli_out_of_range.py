"""Faults get a plain answer (issue 12.11): a typo'd year on the command line (0001, 9999) or a
device given as a calendar file is one Chinese line with exit 1, not an internal error or a hang."""

from __future__ import annotations

import os

import pytest

from dutydesk.cli import main


@pytest.fixture
def books(desk):
    desk.close()
    return desk.folder


@pytest.mark.parametrize("period", [["--from", "0001-01-01", "--to", "9999-12-31"], ["--month", "0001-01"],
                                    ["--month", "2101-01"]])
@pytest.mark.parametrize("ledger", ["visits", "attendance", "monthly"])
def test_export_of_a_year_outside_1900_2100_is_one_line(books, tmp_path, capsys, period, ledger):
    if ledger != "visits" and period[0] == "--from":
        period = ["--month", "9999-12"]
    out = tmp_path / "x.xlsx"
    assert main(["export", ledger, *period, "--out", str(out), "--data-dir", str(books.path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "内部错误" not in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs a character device")
def test_calendar_import_of_a_device_is_refused_not_read_forever(books, capsys):
    assert main(["calendar", "import", "/dev/zero", "--data-dir", str(books.path)]) == 1
    assert "不是普通文件" in capsys.readouterr().err
