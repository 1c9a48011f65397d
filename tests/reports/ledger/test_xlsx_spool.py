"""Issue 17: an xlsx ledger's sheet is spooled through a large buffer, so the hand-off's worker lets
go of Python's lock once per megabyte rather than every 8 KB (each short let-go kept the GUI
thread from ever asking for the lock: the window froze for 100-400 ms on the 1M-visit books);
the workbook itself is byte for byte the one openpyxl writes on its own."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from dutydesk.reports.ledger import write_ledger, xlsx_spool
from tests.reports.ledger.synthetic import visit_ledger

PROC_IO = Path("/proc/self/io")
ROWS = 3000  # about 2.8 MB of sheet XML: 350 writes of 8 KB through openpyxl's own spool
SHEET = "xl/worksheets/sheet1.xml"


def _write_calls() -> int:
    """Write system calls this process has made so far (Linux)."""
    line = next(line for line in PROC_IO.read_text().splitlines() if line.startswith("syscw:"))
    return int(line.split()[1])


@pytest.mark.skipif(not PROC_IO.exists(), reason="counts write calls through /proc (Linux)")
def test_a_big_sheet_reaches_the_disk_in_few_large_writes(tmp_path):
    target = tmp_path / "来访.xlsx"
    ledger = visit_ledger(ROWS)
    before = _write_calls()
    write_ledger(ledger, target, "xlsx")
    calls = _write_calls() - before
    sheet_bytes = len(zipfile.ZipFile(target).read(SHEET))
    assert sheet_bytes > 2_000_000  # big enough that 8 KB writes would be hundreds of calls
    # the spool in 1 MB writes, plus the zip's own (compressed, a tenth of the size) writes
    assert calls <= 60, f"{calls} write calls for {sheet_bytes:,} bytes of sheet XML"


@pytest.mark.skipif(not PROC_IO.exists(), reason="counts write calls through /proc (Linux)")
def test_without_the_buffer_the_same_sheet_takes_hundreds_of_writes(tmp_path, monkeypatch):
    """The count above means something: openpyxl's own spool writes the same sheet in 8 KB calls."""
    monkeypatch.setattr(xlsx_spool, "BUFFERED", False)
    before = _write_calls()
    write_ledger(visit_ledger(ROWS), tmp_path / "来访.xlsx", "xlsx")
    assert _write_calls() - before > 200


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        # docProps/core.xml carries the time of writing
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def test_the_buffered_workbook_is_the_one_openpyxl_writes(tmp_path, monkeypatch):
    buffered = tmp_path / "buffered.xlsx"
    write_ledger(visit_ledger(500, charts=True), buffered, "xlsx")
    monkeypatch.setattr(xlsx_spool, "BUFFERED", False)
    plain = tmp_path / "plain.xlsx"
    write_ledger(visit_ledger(500, charts=True), plain, "xlsx")
    assert _members(buffered) == _members(plain)
    sheet = openpyxl.load_workbook(buffered)["台账"]
    assert sheet["A1"].value == "来访接待登记台账"
    assert sheet.freeze_panes == "A4"  # the settings made before the first row are in the file


def test_the_hook_fits_the_installed_openpyxl():
    assert xlsx_spool.spool_hook_intact() and xlsx_spool.BUFFERED


def test_a_changed_openpyxl_is_noticed_and_left_alone(tmp_path, monkeypatch):
    sheet = openpyxl.worksheet._write_only.WriteOnlyWorksheet
    monkeypatch.setattr(sheet, "_get_writer", lambda self: None)  # a future openpyxl makes it elsewhere
    assert not xlsx_spool.spool_hook_intact()
