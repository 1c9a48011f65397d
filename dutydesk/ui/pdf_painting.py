"""Drawing a PDF the app wrote onto a QPrinter (print preview or real printer), in one place.

Printing the rendered pages of the very PDF that "save as PDF" writes keeps paper and file the
same layout. Each page is scaled to the printer's page keeping its proportions, so a PDF of
another paper size (an A4 ledger on an A5 tray) is shrunk, never cropped or stretched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter


def to_qimage(image) -> QImage:
    """A PIL RGB image as a QImage that owns its pixels."""
    data = image.tobytes("raw", "RGB")
    return QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()


def paint_pdf(printer: QPrinter, pdf: Path, max_dpi: int = 300) -> int:
    """Draw every page of ``pdf`` onto ``printer``; returns the number of pages drawn.

    Pages are rendered at the printer's resolution, capped at ``max_dpi`` (a preview needs far
    less than a 1200 dpi printer reports) and at least 96 dpi."""
    return paint_pdfs(printer, [pdf], max_dpi)


def paint_pdfs(printer: QPrinter, pdfs: list[Path], max_dpi: int = 300) -> int:
    """Every page of every PDF, in order, as one print job (a slip and its receipt printed once)."""
    dpi = max(96, min(printer.resolution(), max_dpi))
    from dutydesk.reports.pdf_raster import render_pages  # lazy: pdfium and PIL load on first print

    pages = [page for pdf in pdfs for page in render_pages(pdf, dpi)]
    painter = QPainter(printer)
    try:
        for index, page in enumerate(pages):
            if index:
                printer.newPage()
            image = to_qimage(page)
            target = QRectF(painter.viewport())
            size = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.x(), target.y(), size.width(), size.height()), image)
    finally:
        painter.end()
    return len(pages)
