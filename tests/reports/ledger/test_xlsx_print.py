"""The xlsx ledgers print right in LibreOffice and WPS, which do not fit rows or guess charts:
rows state the height of their wrapped text, charts their series names, straight lines and a
zero-based axis, and the 图表 sheet prints on one page (LibreOffice itself: test_libreoffice)."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
from openpyxl import Workbook

from dutydesk.reports.ledger import Column, Ledger, Table, static_rows, write_ledger
from dutydesk.reports.ledger.row_heights import LINE_HEIGHT, height_for, text_units, wrapped_lines
from dutydesk.reports.ledger.xlsx import _RowCells, _Styler
from tests.reports.ledger.synthetic import visit_ledger

HANDOVER = "张三交班：" + "村道路灯不亮已报镇城建办，明天上午回电群众；" * 6


def ledger(rows, columns=None) -> Ledger:
    columns = columns or [Column("日期", 11, "date"), Column("交接班", 36), Column("备注", 10)]
    return Ledger("值班记录簿", "青石村党群服务中心", "桃源镇", "2026年11月", [Table(columns, static_rows(rows))],
                  notes=["本月值班 30 天，交接班 30 次。" * 8])


def test_text_width_counts_chinese_as_two_columns_and_more():
    assert text_units("ab12") < 5 and 8 < text_units("值班记录") < 10
    assert wrapped_lines("短", 10) == 1
    assert wrapped_lines("值" * 30, 36) == 2  # 30 Chinese characters need about 66 units
    assert wrapped_lines("一\n二\n三", 36) == 3
    assert height_for([("短", 10), ("也短", 10)]) is None


def test_wrapped_rows_carry_their_height_and_short_rows_keep_the_default(tmp_path):
    day = dt.date(2026, 11, 3)
    path = write_ledger(ledger([(day, HANDOVER, "已接班"), (day, "李四交班：无", ""),
                                (day, "一\n二\n三\n四", "")]), tmp_path / "duty.xlsx", "xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    header = next(r[0].row for r in ws.iter_rows() if r[0].value == "日期")
    long_row, short_row, lines_row = header + 1, header + 2, header + 3
    needed = wrapped_lines(HANDOVER, 36)
    assert needed >= 3
    assert ws.row_dimensions[long_row].height >= needed * LINE_HEIGHT
    assert ws.row_dimensions[long_row].customHeight
    assert ws.row_dimensions[short_row].height is None  # one line: the spreadsheet's own height
    assert ws.row_dimensions[lines_row].height >= 4 * LINE_HEIGHT
    assert ws.cell(long_row, 2).alignment.wrap_text and ws.cell(long_row, 1).alignment.vertical == "top"
    assert ws.row_dimensions[3].height >= 2 * LINE_HEIGHT  # the long note under the title wraps too


def test_a_header_that_wraps_gets_its_height(tmp_path):
    columns = [Column("半年累计金额（元）", 8, "int"), Column("姓名", 8)]
    path = write_ledger(ledger([(1, "张三")], columns), tmp_path / "t.xlsx", "xlsx")
    ws = openpyxl.load_workbook(path).worksheets[0]
    header = next(r[0].row for r in ws.iter_rows() if r[0].value == "半年累计金额（元）")
    assert ws.row_dimensions[header].height >= 2 * LINE_HEIGHT


def test_row_heights_do_not_pile_up_in_memory():
    """The writer reads a row's height as it writes the row: only the last one is kept."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("t")
    cells = _RowCells(ws, _Styler(ws), [Column("交接班", 36)])
    for row_idx in range(1, 2001):
        cells((HANDOVER,), row_idx)
    assert list(ws.row_dimensions) == [2000]


def test_charts_are_straight_titled_from_zero_and_fit_one_page(tmp_path):
    path = tmp_path / "stats.xlsx"
    write_ledger(visit_ledger(5, charts=True), path, "xlsx")
    with zipfile.ZipFile(path) as book:
        charts = [book.read(n).decode("utf-8") for n in sorted(book.namelist())
                  if n.startswith("xl/charts/chart")]
    bar, line = charts
    assert "<v>本月</v>" in bar and "<v>上月</v>" in bar  # each series' own name, as text
    assert "<v>件数</v>" in line
    assert '<smooth val="1"' not in line and '<smooth val="0"' in line
    for chart in charts:
        assert '<min val="0"' in chart and '<legendPos val="b"' in chart
    ws = openpyxl.load_workbook(path)["图表"]
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 1
    assert ws.page_setup.orientation == "landscape"
    assert ws.column_dimensions["A"].width >= text_units("近12个月来访件数")

