"""What the grid's printed papers share: styles, a page with the center's footer, and a QR code
holding a household code (reportlab's QR widget, as on the 代办单, ``reports.notice_docs``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from reportlab.graphics.barcode import qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from dutydesk.domain.center import CenterProfile
from dutydesk.reports.fonts import register_cjk_font
from dutydesk.store.atomic import atomic_path

LINE = colors.HexColor("#333333")
HEAD_BG = colors.HexColor("#F1EFEA")
RED = colors.HexColor("#A8322D")
QR_SIZE = 19 * mm  # H0001 is QR version 1: about 0.65 mm a module, read at 150 dpi


def cn_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "　　年　　月　　日"


class Styles:
    def __init__(self) -> None:
        font = self.font = register_cjk_font()
        self.title = ParagraphStyle("title", fontName=font, fontSize=18, leading=24, alignment=TA_CENTER)
        self.subtitle = ParagraphStyle("subtitle", fontName=font, fontSize=10.5, leading=14, alignment=TA_CENTER,
                                       textColor=colors.HexColor("#444444"))
        self.body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=9.5, leading=12.5, wordWrap="CJK")
        self.head = ParagraphStyle("head", parent=self.cell, alignment=TA_CENTER)
        self.small = ParagraphStyle("small", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK",
                                    textColor=colors.HexColor("#333333"))


def p(text: str, style: ParagraphStyle) -> Paragraph:
    safe = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(safe.replace("\n", "<br/>"), style)


class HouseholdQr(Flowable):
    """A QR code holding the household code, with the code printed under it."""

    def __init__(self, code: str, size: float = QR_SIZE) -> None:
        super().__init__()
        self.code = code
        self.size = size
        self.width = size
        self.height = size + 4 * mm

    def draw(self) -> None:
        widget = qr.QrCodeWidget(self.code, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(self.size, self.size,
                          transform=[self.size / (x1 - x0), 0, 0, self.size / (y1 - y0), 0, 0])
        drawing.add(widget)
        drawing.drawOn(self.canv, 0, 4 * mm)
        self.canv.setFont(register_cjk_font(), 9)
        self.canv.drawCentredString(self.size / 2, 0.8 * mm, self.code)


def grid_table(rows: list[list], widths: Sequence[float], header_rows: int = 1,
               row_height: float | None = None) -> Table:
    """A ruled table; ``row_height`` gives blank rows room to write in by hand."""
    heights = [None] * header_rows + [row_height] * (len(rows) - header_rows) if row_height else None
    table = Table(rows, colWidths=list(widths), repeatRows=header_rows, rowHeights=heights)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, LINE),
        ("BOX", (0, 0), (-1, -1), 1.1, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def build(path: Path, center: CenterProfile, title: str, story: list, wide: bool = False,
          footer: str = "") -> Path:
    """Write ``story`` on A4 (landscape when ``wide``) with the center, phones and page number at
    the foot of every page, through ``store.atomic`` (no half file)."""
    font = register_cjk_font()
    pagesize = landscape(A4) if wide else A4
    margin = 12 * mm

    def decorate(canvas: Canvas, doc) -> None:
        width, _height = doc.pagesize
        canvas.saveState()
        y = 8 * mm
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.5)
        canvas.line(margin, y + 9, width - margin, y + 9)
        canvas.setFont(font, 8)
        canvas.drawString(margin, y, footer or f"{center.name}　服务电话：{center.public_phone}")
        canvas.setFillColor(RED)
        canvas.drawRightString(width - margin, y, f"监督电话：{center.supervision_phone}　第 {doc.page} 页")
        canvas.restoreState()

    with atomic_path(path) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                                topMargin=margin, bottomMargin=margin + 4 * mm, title=title, author=center.name,
                                creator="值班台 DutyDesk")
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return path
