"""Record numbers and dates in the 留言转告登记簿 and 外来函件登记簿 print on one line (a number broken
as 留言2026-000 / 05 or a date as 2026-11-0 / 7 is misread), in the PDF and the xlsx."""

from __future__ import annotations

import unicodedata

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from dutydesk.reports.fonts import register_cjk_font
from dutydesk.reports.ledger.pdf import FONT_SIZE, MARGIN, PADDING, PAGE, _widths
from dutydesk.reports.ledgers import letter_register, message_book

ONE_LINE = [
    (message_book, "编号", "留言2026-00001"),
    (letter_register, "编号", "来函2026-0001"),
    (letter_register, "收函日期", "2026-11-07"),
    (letter_register, "盖章时间", "2026-11-27"),  # the date; the time goes on the next line
    (letter_register, "发函日期", "2026-11-28"),
    (letter_register, "状态", "已发函"),  # then （邮寄） on the next line
]


def _columns(module):
    columns = [c for c in module.COLUMNS if c.pdf]
    return dict(zip((c.header for c in columns), _widths(columns, PAGE[0] - 2 * MARGIN), strict=True))


def _excel_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@pytest.mark.parametrize(("module", "header", "sample"), ONE_LINE)
def test_pdf_cell_holds_the_number_on_one_line(module, header, sample):
    width = _columns(module)[header]
    assert stringWidth(sample, register_cjk_font(), FONT_SIZE) <= width - 2 * PADDING, (header, sample)


@pytest.mark.parametrize(("module", "header", "sample"), [row for row in ONE_LINE if row[1] == "编号"])
def test_xlsx_column_holds_the_number(module, header, sample):
    column = next(c for c in module.COLUMNS if c.header == header)
    assert _excel_width(sample) < column.width, (header, sample)
