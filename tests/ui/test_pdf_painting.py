"""One ``paint_pdf`` draws every PDF the app prints (duty board, notices, slips) onto a printer."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

import dutydesk
from dutydesk.reports.pdf_raster import page_count
from dutydesk.ui.duty import printing
from dutydesk.ui.notices import document_dialog
from dutydesk.ui.pdf_painting import paint_pdf


def _two_pages(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    for number in (1, 2):
        canvas.rect(50, 50, 400, 600, fill=1)
        canvas.drawString(100, 700, f"page {number}")
        canvas.showPage()
    canvas.save()
    return path


def test_every_page_is_drawn_on_the_printer(app, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pdf(printer, _two_pages(tmp_path / "two.pdf"), 96) == 2
    assert page_count(tmp_path / "printed.pdf") == 2


def test_the_duty_preview_and_the_document_dialog_share_one_paint_pdf():
    assert printing.paint_pdf is paint_pdf
    assert document_dialog.paint_pdf is paint_pdf
    package = Path(dutydesk.__file__).parent
    defined = [str(path.relative_to(package)) for path in package.rglob("*.py")
               if any(isinstance(node, ast.FunctionDef) and node.name == "paint_pdf"
                      for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))]
    assert defined == ["ui/pdf_painting.py"]
