"""Print preview of a PDF the app wrote: Qt's print dialog shows the very pages "save as PDF" gives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


def paint_pdf(printer: QPrinter, pdf: Path) -> int:
    """Draw each page of ``pdf`` onto ``printer``; returns the number of pages."""
    from dutydesk.reports.pdf_raster import render_pages

    images = render_pages(pdf, dpi=150)
    painter = QPainter(printer)
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            data = image.tobytes("raw", "RGB")
            qimage = QImage(data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888)
            page = QRectF(painter.viewport())
            scaled = qimage.size().scaled(page.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), qimage)
    finally:
        painter.end()
    return len(images)


def preview_dialog(parent: QWidget, pdf: Path, title: str) -> QPrintPreviewDialog:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"打印预览 — {title}")
    dialog.paintRequested.connect(lambda p: paint_pdf(p, pdf))
    dialog.printer_ref = printer  # the dialog does not own the printer: keep it alive as long as the dialog
    return dialog
