"""Plain Chinese on paper (issue 13): every printed form and ledger of the demo books, read back
from the PDF (pypdf) and the workbook (openpyxl), holds no internal code, English status value,
rule ID (V09, P06…) or template blank, and names the staff member, not an account."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dutydesk.commands.demo import fill_demo_folder
from dutydesk.desk import open_desk
from dutydesk.domain.catalogue import Outcome
from dutydesk.domain.clock import FixedClock
from dutydesk.reports import notice_records
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.reports.roster_board import board_data, write_board_pdf
from dutydesk.reports.weekly_review import review_data, write_review_pdf
from dutydesk.store.accounts.account import Account
from dutydesk.store.center import load_center
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.notices.notice import NoticeRecord
from dutydesk.store.notices.proxy_cases import ProxyCase
from tests.conftest import DEFAULT_NOW
from tests.plain_text import offending


@pytest.fixture(scope="module")
def demo_books(tmp_path_factory):
    folder = DataFolder(tmp_path_factory.mktemp("paper") / "data")
    fill_demo_folder(folder, seed=4, days=45, scale=0.15, clock=FixedClock(DEFAULT_NOW))
    return folder


@pytest.fixture
def demo_desk(demo_books, tmp_path):
    folder = DataFolder(tmp_path / "data")
    shutil.copytree(demo_books.path, folder.path)
    desk = open_desk(folder, FixedClock(DEFAULT_NOW))
    desk.account = Account.get(Account.name == "管理员")
    yield desk
    desk.close()


def pdf_lines(path) -> list[str]:
    return [line for page in PdfReader(str(path)).pages for line in page.extract_text().splitlines()]


def xlsx_cells(path) -> list[str]:
    book = load_workbook(path, read_only=True)
    return [str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
            for cell in row if cell is not None]


def test_every_ledger_in_both_formats_reads_in_plain_chinese(demo_desk, tmp_path):
    bad: list[str] = []
    for month in (Period.month(2026, 10), Period.month(2026, 11)):
        for key, spec in LEDGERS.items():
            ledger = spec.make(demo_desk, month)
            for fmt in ("xlsx", "pdf"):
                path = write_ledger(ledger if fmt == "xlsx" else spec.make(demo_desk, month),
                                    tmp_path / f"{key}-{month.slug}.{fmt}", fmt)
                texts = xlsx_cells(path) if fmt == "xlsx" else pdf_lines(path)
                assert texts, path.name
                bad += offending(texts, f"{path.name}：")
    assert bad == []


def test_every_printed_form_reads_in_plain_chinese(demo_desk, tmp_path):
    center = load_center()
    bad: list[str] = []
    printed = 0
    outcomes = set()
    for notice in NoticeRecord.select().order_by(NoticeRecord.id).limit(25):
        outcomes.add(notice.outcome)
        lines = pdf_lines(notice_records.print_notice(notice, center, tmp_path))
        bad += offending(lines, f"告知单{notice.ref}：")
        assert not any("管理员" in line for line in lines)
        printed += 1
    for case in ProxyCase.select().order_by(ProxyCase.id).limit(10):
        for render in (notice_records.print_receipt, notice_records.print_slip):
            lines = pdf_lines(render(case, center, tmp_path))
            bad += offending(lines, f"{case.slip_no}：")
            assert not any("管理员" in line for line in lines)
            printed += 1
    assert printed > 20 and {Outcome.MISSING.value, Outcome.ACCEPT_PROXY.value} <= outcomes
    assert bad == []


def test_the_duty_papers_read_in_plain_chinese(demo_desk, tmp_path):
    today = demo_desk.today()
    board = write_board_pdf(board_data(today, today + dt.timedelta(days=6), demo_desk.calendar(), demo_desk.now()),
                            tmp_path / "board.pdf")
    monday = today - dt.timedelta(days=today.weekday())
    review = write_review_pdf(review_data(monday, demo_desk.calendar(), demo_desk.now()), tmp_path / "review.pdf")
    assert offending(pdf_lines(board) + pdf_lines(review)) == []


def test_the_archive_catalogues_and_lookup_register_read_in_plain_chinese(demo_desk, tmp_path):
    from dutydesk.reports.archive_ledgers import lookup_register_ledger, year_catalogue_ledger
    from dutydesk.store.search_index import SOURCES

    bad: list[str] = []
    kinds = {source.kind: source.label for source in SOURCES.values()}
    assert {"proxy_case", "notice", "visit"} <= set(kinds)
    for kind, label in kinds.items():
        path = write_ledger(year_catalogue_ledger(2026, kind, label, demo_desk.today()), tmp_path / f"{kind}.xlsx",
                            "xlsx")
        bad += offending(xlsx_cells(path), f"{label}：")
    register = write_ledger(lookup_register_ledger(dt.date(2026, 1, 1), dt.date(2026, 12, 31), demo_desk.today()),
                            tmp_path / "register.pdf", "pdf")
    bad += offending(pdf_lines(register), "查阅登记簿：")
    assert bad == []
