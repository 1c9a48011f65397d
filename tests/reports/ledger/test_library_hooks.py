"""The ledger writers' private hooks into openpyxl and reportlab are checked at import; when a
library changed them, the export takes the public path and writes an equivalent file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import openpyxl
import reportlab
from pypdf import PdfReader

from dutydesk.reports.ledger import Column, Ledger, Table, static_rows, write_ledger, xlsx
from tests.reports.ledger.synthetic import visit_ledger

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "packaging"))

from make_constraints import runtime_requirements  # noqa: E402


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split(".")[:2])


def test_libraries_with_private_hooks_are_bounded_above_and_installed_versions_fit():
    deps = runtime_requirements()
    openpyxl_req = next(d for d in deps if d.startswith("openpyxl"))
    reportlab_req = next(d for d in deps if d.startswith("reportlab"))
    assert "<3.2" in openpyxl_req and "<6" in reportlab_req
    assert _version(openpyxl.__version__) < (3, 2)
    assert _version(reportlab.Version) < (6, 0)


def test_hooks_are_intact_with_the_installed_libraries():
    from dutydesk.reports.ledger import pdf_stream

    assert xlsx.rows_hook_intact() and xlsx.FAST_ROWS
    assert pdf_stream.streaming_hooks_intact() and pdf_stream.STREAMING


def _cells(path: Path) -> list[tuple]:
    ws = openpyxl.load_workbook(path)["台账"]
    return [(c.coordinate, c.value, c.data_type, c.number_format, bool(c.alignment.wrap_text),
             c.alignment.horizontal, c.font.b) for row in ws.iter_rows() for c in row]


def _odd_ledger() -> Ledger:
    """Values of another type than their column's, empty cells, a formula-like text, a control
    character: the public path must treat them as the fast one does."""
    columns = [Column("日期", 11, "date"), Column("内容", 8), Column("件数", 6, "int", total=True),
               Column("比例", 7, "percent"), Column("时间", 10, "datetime")]
    rows = [
        (dt.date(2026, 11, 2), "=SUM(A1)", 3, 0.5, dt.datetime(2026, 11, 2, 9, 30)),
        ("待定", None, "两件", None, "上午"),
        (dt.datetime(2026, 11, 3, 8, 0), "很长的一段文字需要在单元格中折行显示\x07", 2.0, 1, None),
        (None, "a\nb", None, 0.25, dt.time(14, 30)),
    ]
    return Ledger("测试台账", "青石村党群服务中心", "桃源镇", "2026年11月",
                  [Table(columns, static_rows(rows), row_count=len(rows))], prepared_on=dt.date(2026, 11, 24))


def test_changed_openpyxl_falls_back_to_the_public_path_with_the_same_file(tmp_path, monkeypatch):
    for name, make in (("visits", lambda: visit_ledger(120)), ("odd", _odd_ledger)):
        fast = tmp_path / f"{name}-fast.xlsx"
        write_ledger(make(), fast, "xlsx")
        # A future openpyxl renames the hook: the check at import notices, the writer goes public.
        with monkeypatch.context() as patch:
            sheet = openpyxl.worksheet._write_only.WriteOnlyWorksheet

            def changed(self, values, row_idx, styles=None, original=sheet._values_to_row):
                return original(self, values, row_idx)  # a future openpyxl's new signature

            patch.setattr(sheet, "_values_to_row", changed)
            assert not xlsx.rows_hook_intact()
            patch.setattr(xlsx, "FAST_ROWS", xlsx.rows_hook_intact())
            public = tmp_path / f"{name}-public.xlsx"
            write_ledger(make(), public, "xlsx")
        assert _cells(public) == _cells(fast)


def test_changed_openpyxl_signature_is_noticed(monkeypatch):
    monkeypatch.setattr(openpyxl.worksheet._write_only.WriteOnlyWorksheet, "_values_to_row",
                        lambda self, values: values)
    assert not xlsx.rows_hook_intact()


def _pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path, strict=True).pages]


def test_changed_reportlab_falls_back_to_the_public_canvas_with_the_same_pages(tmp_path, monkeypatch):
    from reportlab.pdfbase.pdfdoc import PDFDocument

    from dutydesk.reports.ledger import pdf_stream

    streamed = tmp_path / "streamed.pdf"
    write_ledger(visit_ledger(300, charts=True), streamed, "pdf")
    with monkeypatch.context() as patch:
        original = PDFDocument.addPage

        def add_page(self, page):  # a future reportlab does more per page than StreamingDocument replays
            self.pageLabels = getattr(self, "pageLabels", 0) + 1
            original(self, page)

        patch.setattr(PDFDocument, "addPage", add_page)
        assert not pdf_stream.streaming_hooks_intact()
        patch.setattr(pdf_stream, "STREAMING", pdf_stream.streaming_hooks_intact())
        assert pdf_stream.ledger_canvas() is pdf_stream.BufferedCanvas
        buffered = tmp_path / "buffered.pdf"
        write_ledger(visit_ledger(300, charts=True), buffered, "pdf")
    pages = _pdf_pages(buffered)
    assert pages == _pdf_pages(streamed)
    assert f"共 {len(pages)} 页" in pages[-1].replace("\n", "")
