"""V09, A01: every ledger, archive file and printed duty paper leaves the desk with residents'
numbers masked, however staff typed them into free text; the duty ledger's export is logged."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dutydesk.reports.handoff import hand_off
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.reports.roster_board import board_data, write_board_pdf
from dutydesk.reports.weekly_review import review_data, write_review_pdf
from dutydesk.reports.year_archive import write_year_archive
from dutydesk.store.accounts.account import Account
from dutydesk.store.privacy import ExportLog, authorize_unmasked_export
from tests.approvers import approver
from tests.personal_numbers_data import STAFF_PHONES, leaks, seed_numbers

NOV = Period.month(2026, 11)


def xlsx_cells(path) -> list[str]:
    book = load_workbook(path)
    return [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
            if c is not None]


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def file_leaks(path) -> list[str]:
    if path.suffix == ".xlsx":
        return sorted({n for cell in xlsx_cells(path) for n in leaks(cell)})
    return leaks(pdf_text(path))


@pytest.fixture
def books(desk):
    seed_numbers(desk)
    desk.account = Account.get(Account.name == "李文书")
    return desk


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
@pytest.mark.parametrize("key", list(LEDGERS))
def test_v09_every_ledger_is_exported_masked(books, tmp_path, key, fmt):
    spec = LEDGERS[key]
    path = write_ledger(spec.make(books, NOV), tmp_path / f"{key}.{fmt}", fmt)
    assert file_leaks(path) == []


@pytest.mark.parametrize("key", ["duty", "visits", "monthly"])
def test_v09_the_masked_ledgers_did_hold_the_numbers(books, tmp_path, key):
    """The check above is not vacuous: unmasked, these ledgers quote the free text in full."""
    spec = LEDGERS[key]
    raw = spec.build(books, NOV, _grant(books)) if spec.personal else spec.build(books, NOV)
    path = write_ledger(raw, tmp_path / f"{key}.xlsx", "xlsx")
    assert len(file_leaks(path)) >= 3


def _grant(desk):
    return authorize_unmasked_export(approver("王书记"), "值班记录簿", "镇里核对", desk.now())


def test_v09_duty_ledger_quotes_requests_and_handovers_masked(books, tmp_path):
    ledger = LEDGERS["duty"].make(books, NOV)
    text = "".join(xlsx_cells(write_ledger(ledger, tmp_path / "duty.xlsx", "xlsx")))
    assert "回电139 **** 5678" in text and "周桂兰女儿来电+86 135 **** 2222" in text
    assert "已按规定隐去" in ledger.extra_footer


def test_a01_duty_ledger_export_is_written_to_the_export_log(books, tmp_path):
    result = hand_off(books, tmp_path, NOV, [("duty", "xlsx"), ("duty", "pdf")])
    log = list(ExportLog.select())
    assert [(e.exported_by, e.unmasked, e.what) for e in log] == [
        ("李文书", False, "导出到U盘：值班记录簿（2026年11月）")]
    assert log[0].path == str(result.folder)
    for entry in result.files:
        assert file_leaks(result.folder / entry["name"]) == []


def test_a01_approved_unmasked_duty_ledger_is_logged_with_the_approver(books, tmp_path):
    result = hand_off(books, tmp_path, NOV, [("duty", "xlsx")], grant=_grant(books))
    (entry,) = ExportLog.select()
    assert (entry.unmasked, entry.approved_by, entry.reason) == (True, "王书记", "镇里核对")
    assert leaks("".join(xlsx_cells(result.folder / result.files[0]["name"])))


def test_v09_yearly_archive_files_hold_no_full_numbers(books):
    folder, written = write_year_archive(books, 2026)
    assert written
    for name in written:
        assert file_leaks(folder / name) == [], name


def test_v09_roster_board_masks_residents_but_keeps_staff_duty_phones(books, tmp_path):
    data = board_data(dt.date(2026, 11, 23), dt.date(2026, 11, 29), books.calendar(), books.now())
    text = pdf_text(write_board_pdf(data, tmp_path / "board.pdf"))
    assert leaks(text) == []
    assert "在周桂兰家0571-****6666" in text.replace("\n", "")
    for phone in STAFF_PHONES:  # D04: the duty staff's phones are public on the board
        assert phone in text


def test_v09_monday_review_masks_handover_notes_and_open_matters(books, clock, tmp_path):
    clock.set(dt.datetime(2026, 11, 30, 9, 0))
    data = review_data(dt.date(2026, 11, 30), books.calendar(), books.now())
    text = pdf_text(write_review_pdf(data, tmp_path / "review.pdf"))
    assert "周桂兰女儿来电" in text
    assert leaks(text) == []


def test_v09_privacy_footer_names_no_rule_number(books):
    """Township readers see Chinese only: the footer says what was hidden, not which rule."""
    import re

    for grant in (None, _grant(books)):
        footer = LEDGERS["duty"].make(books, NOV, grant).extra_footer
        assert footer and not re.search(r"[A-Z]\d\d", footer)
