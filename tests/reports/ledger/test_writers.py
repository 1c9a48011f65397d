"""The xlsx and PDF ledger writers on synthetic row sources: what the township opens and prints."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from shutil import which

import openpyxl
import pytest
from pypdf import PdfReader

from dutydesk.reports.ledger import Column, ExportCancelled, Ledger, Table, static_rows, write_ledger
from tests.reports.ledger.synthetic import COLUMNS, visit_ledger


@pytest.fixture
def xlsx(tmp_path):
    path = tmp_path / "来访.xlsx"
    write_ledger(visit_ledger(250, charts=True), path, "xlsx")
    return openpyxl.load_workbook(path)


def test_xlsx_headers_rows_and_totals(xlsx):
    ws = xlsx["台账"]
    assert ws["A1"].value == "来访接待登记台账"
    assert "青石村党群服务中心" in ws["A2"].value and "桃源镇" in ws["A2"].value
    assert "2026年11月1日至2026年11月30日" in ws["A2"].value
    assert [c.value for c in ws[3]] == [c.header for c in COLUMNS]
    data = [r for r in ws.iter_rows(min_row=4, values_only=True) if isinstance(r[0], dt.datetime)]
    assert len(data) == 250
    totals = ws[4 + 250]
    assert totals[0].value == "合计（250条）"
    assert totals[10].value == 250  # 件数 summed
    sign_off = [r[0] for r in ws.iter_rows(min_row=255, values_only=True) if r[0]]
    assert any("制表人" in v and "审核人" in v and "2026年11月24日" in v for v in sign_off)


def test_xlsx_cells_are_real_dates_and_numbers(xlsx):
    ws = xlsx["台账"]
    row = ws[4]
    assert isinstance(row[0].value, dt.datetime) and row[0].number_format == "yyyy-mm-dd"
    assert isinstance(row[8].value, dt.datetime)
    assert isinstance(row[10].value, int)
    assert isinstance(row[11].value, float) and row[11].number_format == "0.0%"
    assert row[5].alignment.wrap_text  # long Chinese text wraps in its column
    assert not row[3].alignment.wrap_text  # 11 Latin characters fit a 13-wide column (6 Chinese would not)


def test_xlsx_print_settings(xlsx):
    ws = xlsx["台账"]
    assert ws.freeze_panes == "A4"
    assert ws.print_options.gridLines  # every cell's grid is printed
    assert ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    assert ws.oddHeader.center.text == "来访接待登记台账"
    assert ws.column_dimensions["F"].width == 30


def test_xlsx_charts_on_their_own_sheet(xlsx):
    charts = xlsx["图表"]._charts
    assert len(charts) == 2


def test_pdf_header_repeats_and_rare_characters_are_text(tmp_path):
    path = tmp_path / "来访.pdf"
    write_ledger(visit_ledger(120), path, "pdf")
    reader = PdfReader(path)
    pages = len(reader.pages)
    assert pages >= 3
    for number in (1, 2, pages):
        text = reader.pages[number - 1].extract_text()
        assert "来访接待登记台账" in text and "桃源镇" in text and "青石村党群服务中心" in text
        assert "诉求内容" in text and "办结时限" in text  # the column header row, on every page
        assert re.search(rf"第\s*{number}\s*页，共\s*{pages}\s*页", text.replace("\n", ""))
    first = reader.pages[0].extract_text()
    assert "堃" in first and "喆" in first
    last = reader.pages[-1].extract_text()
    assert "合计（120条）" in last and "制表人" in last and "审核人" in last


def test_pdf_rows_are_not_lost_or_doubled_across_pages(tmp_path):
    path = tmp_path / "来访.pdf"
    write_ledger(visit_ledger(90), path, "pdf")
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    numbers = re.findall(r"138\*\*\*\*(\d{4})", text)
    assert sorted(int(n) for n in numbers) == list(range(90))


def _fonts(path) -> list[tuple[str, bool]]:
    """(BaseFont, embedded) of every font resource on every page."""
    out = []
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out.append((str(font["/BaseFont"]), embedded))
    return out


def test_pdf_font_is_embedded(tmp_path):
    path = tmp_path / "来访.pdf"
    write_ledger(visit_ledger(40, charts=True), path, "pdf")
    fonts = _fonts(path)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert all("WenQuanYi" in name for name, _ in fonts)
    if which("pdffonts"):  # the same check as poppler's pdffonts, where it is installed
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        rows = [line.split() for line in listing.splitlines()[2:]]
        assert rows and all(r[-5] == "yes" for r in rows)


def test_pdf_charts_are_drawn_with_text_labels(tmp_path):
    path = tmp_path / "图.pdf"
    write_ledger(visit_ledger(3, charts=True), path, "pdf")
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    assert "按类别统计" in text and "近12个月来访件数" in text and "12月" in text


def test_empty_ledger_says_so(tmp_path):
    ledger = Ledger("值班记录簿", "青石村党群服务中心", "桃源镇", "2026年11月", [Table(COLUMNS, static_rows([]))])
    write_ledger(ledger, tmp_path / "e.pdf", "pdf")
    assert "本期无记录" in PdfReader(tmp_path / "e.pdf").pages[0].extract_text()
    write_ledger(ledger, tmp_path / "e.xlsx", "xlsx")
    ws = openpyxl.load_workbook(tmp_path / "e.xlsx")["台账"]
    assert ws["A4"].value == "合计（0条）"


def test_several_tables_each_with_heading(tmp_path):
    cols = [Column("类别", 12), Column("件数", 8, "int", total=True)]
    ledger = Ledger("月度便民服务统计报表", "青石村党群服务中心", "桃源镇", "2026年11月", [
        Table(cols, static_rows([("社会保障", 5), ("户籍", 3)]), heading="一、按事项类别"),
        Table([Column("方式", 12), Column("件数", 8, "int", total=True)], static_rows([("来访", 8)]),
              heading="二、按来访方式"),
    ])
    write_ledger(ledger, tmp_path / "m.xlsx", "xlsx")
    values = [r for r in openpyxl.load_workbook(tmp_path / "m.xlsx")["台账"].iter_rows(values_only=True)]
    flat = [r[0] for r in values]
    assert flat.index("一、按事项类别") < flat.index("二、按来访方式")
    assert ("合计（2条）", 8) in [r[:2] for r in values]
    write_ledger(ledger, tmp_path / "m.pdf", "pdf")
    text = PdfReader(tmp_path / "m.pdf").pages[0].extract_text()
    assert "一、按事项类别" in text and "二、按来访方式" in text


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_cancel_leaves_no_file(tmp_path, fmt):
    def progress(done: int) -> None:
        if done >= 100:
            raise ExportCancelled()

    target = tmp_path / f"来访.{fmt}"
    with pytest.raises(ExportCancelled):
        write_ledger(visit_ledger(2000), target, fmt, progress)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_progress_counts_every_row_and_source_read_once(tmp_path, fmt):
    seen: list[int] = []
    calls: list[int] = []
    write_ledger(visit_ledger(734, calls=calls), tmp_path / f"x.{fmt}", fmt, seen.append)
    assert seen[-1] == 734 and seen == sorted(seen) and len(seen) > 1
    assert calls == [1]


def test_long_cell_is_cut_in_pdf_but_whole_in_xlsx(tmp_path):
    long_text = "很长的诉求" * 400
    ledger = Ledger("来访接待登记台账", "中心", "镇", "期间", [
        Table([Column("诉求内容", 30), Column("件数", 6, "int")], static_rows([(long_text, 1)]))])
    write_ledger(ledger, tmp_path / "l.pdf", "pdf")  # would raise LayoutError if a row outgrew a page
    write_ledger(ledger, tmp_path / "l.xlsx", "xlsx")
    assert openpyxl.load_workbook(tmp_path / "l.xlsx")["台账"]["A4"].value == long_text


def test_xlsx_every_kind_keeps_its_type_and_format(tmp_path):
    """The writer reuses one cell per column; each row must still get its own value, type and style."""
    cols = [Column("说明", 4), Column("件数", 6, "int", total=True), Column("日期", 11, "date"),
            Column("时间", 16, "datetime"), Column("到岗", 6, "time"), Column("天数", 6, "float"),
            Column("比率", 7, "percent")]
    at = dt.datetime(2026, 11, 3, 8, 30)
    rows = [
        ("短", 1, dt.date(2026, 11, 1), at, dt.time(8, 5), 1.5, 0.5),
        ("很长的一段说明文字", 2, at, at, at.time(), 2, 1),
        ("=1+1", None, None, None, None, None, None),  # looks like a formula: stays text
        ("两行\n说明", "三", "不详", "不详", "不详", "不详", "不详"),  # wrong types still written as given
        (7, 4, dt.date(2026, 11, 2), at, dt.time(9, 0), 0.25, 0.125),
    ]
    ledger = Ledger("来访接待登记台账", "中心", "镇", "期间", [Table(cols, static_rows(rows))])
    write_ledger(ledger, tmp_path / "k.xlsx", "xlsx")
    ws = openpyxl.load_workbook(tmp_path / "k.xlsx")["台账"]
    got = [[c.value for c in ws[r]] for r in range(4, 9)]
    assert got[0] == ["短", 1, dt.datetime(2026, 11, 1), at, dt.time(8, 5), 1.5, 0.5]
    assert got[1] == ["很长的一段说明文字", 2, at, at, dt.time(8, 30), 2, 1]
    assert got[2] == ["=1+1", None, None, None, None, None, None] and ws["A6"].data_type == "s"
    assert got[3] == ["两行\n说明", "三", "不详", "不详", "不详", "不详", "不详"]
    assert got[4] == [7, 4, dt.datetime(2026, 11, 2), at, dt.time(9, 0), 0.25, 0.125]
    assert not ws["A4"].alignment.wrap_text  # short text: no style needed
    assert ws["A5"].alignment.wrap_text and ws["A7"].alignment.wrap_text  # too long / two lines: wraps
    for r in (4, 8):
        assert [ws.cell(r, c).number_format for c in range(3, 8)] == [
            "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "hh:mm", "0.00", "0.0%"]
    assert ws["B9"].value == 7  # totals row: 1 + 2 + 4 (the text "三" is not summed)


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_control_characters_in_a_record_do_not_stop_the_export(tmp_path, fmt):
    """Text pasted from elsewhere may carry control characters Excel refuses; the ledger is still written."""
    ledger = Ledger("来访接待登记台账", "中心", "镇", "期间", [
        Table([Column("诉求内容", 30), Column("件数", 6, "int")], static_rows([("咨询\x08低保\x1f政策", 1)]))])
    write_ledger(ledger, tmp_path / f"c.{fmt}", fmt)
    if fmt == "xlsx":
        assert openpyxl.load_workbook(tmp_path / "c.xlsx")["台账"]["A4"].value == "咨询低保政策"
    else:
        assert "咨询" in PdfReader(tmp_path / "c.pdf").pages[0].extract_text()
