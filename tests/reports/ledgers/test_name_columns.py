"""Four-character names (compound surnames 上官、司马、诸葛、欧阳…) print on one line in the
name columns of the ledger PDFs, instead of breaking as 欧阳娜 / 娜."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from dutydesk.reports.fonts import register_cjk_font
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledger.pdf import FONT_SIZE, MARGIN, PADDING, PAGE, _widths
from dutydesk.reports.ledgers import LEDGERS, Period, attendance_tally, duty_log, proxy_ledger, visit_register
from dutydesk.store.visits.visit import register_visit
from tests.store.conftest import draft

NAME_HEADERS = {"来访人", "群众姓名", "姓名", "首问责任人", "代办员", "值班人员"}
LONG_NAMES = ("上官婉儿", "司马相如", "诸葛孔明", "欧阳娜娜")


@pytest.mark.parametrize("module", [visit_register, proxy_ledger, attendance_tally, duty_log])
def test_name_columns_hold_four_characters(module):
    font = register_cjk_font()
    columns = [c for c in module.COLUMNS if c.pdf]
    widths = _widths(columns, PAGE[0] - 2 * MARGIN)
    names = [(c.header, w) for c, w in zip(columns, widths, strict=True) if c.header in NAME_HEADERS]
    assert names
    for header, width in names:
        for name in LONG_NAMES:
            assert stringWidth(name, font, FONT_SIZE) <= width - 2 * PADDING, (header, name)


def test_compound_surname_is_printed_on_one_line_in_the_visit_register(desk, tmp_path):
    at = dt.datetime(2026, 11, 24, 9, 30)
    for name in LONG_NAMES:
        register_visit(draft(received_at=at, person_name=name, responder_name="欧阳文书"), desk.who, at,
                       desk.calendar())
    path = write_ledger(LEDGERS["visits"].make(desk, Period.month(2026, 11)), tmp_path / "visits.pdf", "pdf")
    lines = [line.replace(" ", "") for page in PdfReader(str(path)).pages
             for line in page.extract_text().splitlines()]
    for name in LONG_NAMES:
        assert any(name in line for line in lines), name
    assert sum("欧阳文书" in line for line in lines) == len(LONG_NAMES)
