"""Print preview of a PDF the app wrote: Qt's print dialog shows the very pages "save as PDF" gives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from dutydesk.ui.pdf_painting import paint_pdf


def preview_dialog(parent: QWidget, pdf: Path, title: str) -> QPrintPreviewDialog:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"打印预览 — {title}")
    dialog.paintRequested.connect(lambda p: paint_pdf(p, pdf, 150))
    dialog.printer_ref = printer  # the dialog does not own the printer: keep it alive as long as the dialog
    return dialog


__all__ = ["paint_pdf", "preview_dialog"]
