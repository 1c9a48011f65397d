"""Write a ledger to PDF with reportlab platypus, pulling rows page by page.

``StreamingTable`` is a flowable that takes just enough rows from the row source to fill the
space left on the page, emits a normal Table for them (header row first) and puts itself back
in the story for the rest. Flowable memory therefore stays at about one page of rows however
long the ledger is, every page starts with the column headers, and rows never split between
tables in odd places. "Page x of y" uses a PDF form for y, drawn once the page count is known,
so the document is built in a single pass; ``pdf_stream.StreamingCanvas`` writes each page to the
file as it ends, so memory stays flat however many pages the ledger has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from dutydesk.reports.fonts import register_cjk_font
from dutydesk.reports.ledger.model import (
    NUMERIC_KINDS,
    Chart,
    Column,
    Ledger,
    Progress,
    Row,
    Totals,
    format_cell,
)
from dutydesk.reports.ledger.pdf_stream import BufferedCanvas, StreamingCanvas, ledger_canvas
from dutydesk.reports.ledger.tall_rows import page_parts
from dutydesk.store.atomic import atomic_path

PAGE = landscape(A4)
MARGIN = 12 * mm
TOP_BAND = 22 * mm  # title, center/township/period on every page
BOTTOM_BAND = 10 * mm
FONT_SIZE = 8.5
PADDING = 3
PAGE_TOTAL_FORM = "ledgerPageTotal"
SERIES_COLOURS = [colors.HexColor(c) for c in ("#2F6DB5", "#D9822B", "#3C9D5D", "#A34D9E", "#7F7F7F")]


def _styles(font: str) -> dict[str, ParagraphStyle]:
    return {
        "cell": ParagraphStyle("cell", fontName=font, fontSize=FONT_SIZE, leading=FONT_SIZE * 1.25,
                               wordWrap="CJK"),
        "head": ParagraphStyle("head", fontName=font, fontSize=FONT_SIZE, leading=FONT_SIZE * 1.25,
                               wordWrap="CJK", alignment=1),
        "heading": ParagraphStyle("heading", fontName=font, fontSize=12, leading=16, spaceBefore=6,
                                  spaceAfter=4),
        "note": ParagraphStyle("note", fontName=font, fontSize=9.5, leading=13),
        "sign": ParagraphStyle("sign", fontName=font, fontSize=10.5, leading=14, spaceBefore=14),
    }


def _table_style(font: str, header_rows: int, columns: Sequence[Column]) -> TableStyle:
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), font, FONT_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#808080")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#E8EEF4")),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
    ]
    for index, column in enumerate(columns):
        if column.kind in NUMERIC_KINDS:
            commands.append(("ALIGN", (index, header_rows), (index, -1), "RIGHT"))
        elif column.kind in ("date", "datetime", "time"):
            commands.append(("ALIGN", (index, header_rows), (index, -1), "CENTER"))
    return TableStyle(commands)


class StreamingTable(Flowable):
    """A table whose rows come from an iterator, laid out one page-sized Table at a time.

    Each row is measured once when it is pulled (its wrapped paragraphs give its height), so
    packing a page is a running sum and the page's Table gets explicit row heights: reportlab
    then wraps each cell only once more, to draw it.

    A row taller than a page (a pasted letter of hundreds of lines) is cut into page-sized
    parts when ``page_height`` is given; each later part starts its cells with （续）, so the text
    is all there and the reader sees where it goes on (``tall_rows``). Without the cut reportlab
    gives up with a LayoutError and the whole export fails.
    """

    def __init__(self, columns: Sequence[Column], rows: Iterator[Row], widths: Sequence[float],
                 font: str, styles: dict[str, ParagraphStyle],
                 totals_row: Callable[[], Sequence[Any]] | None = None,
                 page_height: float | None = None) -> None:
        super().__init__()
        self.columns = columns
        self._rows = rows
        self.widths = list(widths)
        self.font = font
        self.styles = styles
        self._limits = [w - 2 * PADDING for w in self.widths]
        self.header = [Paragraph(_escape(c.header), styles["head"]) for c in columns]
        self.header_height = self._height(self.header)
        self._pending: list[tuple[list[Any], float, bool]] = []  # (cells, height, is totals row)
        self._pending_height = 0.0
        self._exhausted = False
        self._seen_rows = False
        self._totals_row = totals_row
        self._style = _table_style(font, 1, columns)
        self._page: Table | None = None
        # the tallest row a fresh page holds below the header (1 pt spare for rounding)
        self._tallest = page_height - self.header_height - 1 if page_height else None

    # -- cells ------------------------------------------------------------------------------
    def _cell(self, text: str, index: int) -> Any:
        if not text:
            return text
        # Paragraphs (which wrap) are costly; short text that surely fits stays a plain string.
        limit = self._limits[index]
        if "\n" not in text and (len(text) * FONT_SIZE <= limit
                                 or stringWidth(text, self.font, FONT_SIZE) <= limit):
            return text
        return Paragraph(_escape(text).replace("\n", "<br/>"), self.styles["cell"])

    def _cells(self, texts: Sequence[str]) -> list[Any]:
        return [self._cell(text, i) for i, text in enumerate(texts)]

    def _height(self, cells: Sequence[Any]) -> float:
        tallest = FONT_SIZE * 1.2
        for cell, width in zip(cells, self._limits, strict=True):
            if isinstance(cell, Paragraph):
                tallest = max(tallest, cell.wrap(width, 10_000)[1])
        return tallest + 4  # top and bottom padding

    def _push(self, texts: list[str], is_total: bool = False) -> None:
        cells = self._cells(texts)
        height = self._height(cells)
        if self._tallest is None or height <= self._tallest:
            self._append(cells, height, is_total)
            return
        # taller than a page: cut into page-sized parts marked （续）; one line spare for the mark
        budget = self._tallest - 4 - self.styles["cell"].leading
        for part in page_parts(texts, self._text_height, budget):
            cells = self._cells(part)
            self._append(cells, self._height(cells), is_total)

    def _append(self, cells: list[Any], height: float, is_total: bool) -> None:
        self._pending.append((cells, height, is_total))
        self._pending_height += height

    def _text_height(self, text: str, index: int) -> float:
        cell = self._cell(text, index)
        if isinstance(cell, Paragraph):
            return cell.wrap(self._limits[index], 10_000)[1]
        return self.styles["cell"].leading

    def _fill(self, space: float) -> None:
        """Pull rows until they overflow ``space`` or the source ends."""
        count = len(self.columns)
        while self._pending_height <= space and not self._exhausted:
            try:
                row = next(self._rows)
            except StopIteration:
                self._exhausted = True
                if not self._seen_rows:
                    self._push(["（本期无记录）"] + [""] * (count - 1))
                if self._totals_row is not None:
                    self._push(self._format_row(self._totals_row()), is_total=True)
                break
            self._seen_rows = True
            self._push(self._format_row(row))

    def _format_row(self, row: Row) -> list[str]:
        return [format_cell(row[i] if i < len(row) else None, c.kind) for i, c in enumerate(self.columns)]

    def _fitting(self, space: float) -> int:
        used = self.header_height
        for index, (_, height, _) in enumerate(self._pending):
            used += height
            if used > space:
                return index
        return len(self._pending)

    def _table(self, count: int) -> Table:
        rows = self._pending[:count]
        table = Table([self.header, *[cells for cells, _, _ in rows]], colWidths=self.widths,
                      rowHeights=[self.header_height, *[h for _, h, _ in rows]], repeatRows=1,
                      style=self._style)
        if rows and rows[-1][2]:
            table.setStyle([("BACKGROUND", (0, count), (-1, count), colors.HexColor("#F4F4F4"))])
        return table

    # -- flowable protocol ------------------------------------------------------------------
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._fill(availHeight)
        if self._exhausted and self._fitting(availHeight) == len(self._pending):
            self._page = self._table(len(self._pending))
            return sum(self.widths), self.header_height + self._pending_height
        return sum(self.widths), availHeight + 1  # more than fits: ask to be split

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._fill(availHeight)
        count = self._fitting(availHeight)
        if count == 0:
            return []  # not even one row fits here: the frame moves on to the next page
        page = self._table(count)
        self._pending_height -= sum(h for _, h, _ in self._pending[:count])
        del self._pending[:count]
        # platypus marks a flowable postponed to a new page and treats a second postponement as
        # "too large"; this flowable comes back once per page, so the mark is per page.
        self.__dict__.pop("_postponed", None)
        return [page, self]

    def draw(self) -> None:
        assert self._page is not None
        self._page.wrapOn(self.canv, sum(self.widths), self.header_height + self._pending_height)
        self._page.drawOn(self.canv, 0, 0)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _LedgerDoc(BaseDocTemplate):
    """Draws the title block and page x of y on every page; y is filled in at the end."""

    def __init__(self, filename: str, ledger: Ledger, font: str) -> None:
        super().__init__(filename, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + TOP_BAND, bottomMargin=MARGIN + BOTTOM_BAND,
                         title=ledger.title, author=ledger.center, subject=ledger.period,
                         creator="DutyDesk 值班台", pageCompression=1, initialFontName=font)
        self.ledger = ledger
        self.font = font
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("ledger", [frame], onPage=self._decorate)])

    def _decorate(self, canv, doc) -> None:
        width, height = PAGE
        ledger = self.ledger
        canv.saveState()
        canv.setFont(self.font, 16)
        canv.drawCentredString(width / 2, height - MARGIN - 14, ledger.title)
        canv.setFont(self.font, 9.5)
        canv.drawString(MARGIN, height - MARGIN - TOP_BAND + 7, ledger.meta_line())
        canv.setStrokeColor(colors.HexColor("#808080"))
        canv.line(MARGIN, MARGIN + BOTTOM_BAND - 3, width - MARGIN, MARGIN + BOTTOM_BAND - 3)
        canv.setFont(self.font, 9)
        label = f"第 {canv.getPageNumber()} 页，共 "
        label_width = stringWidth(label, self.font, 9)
        total_width = stringWidth("0000 页", self.font, 9)
        x = width / 2 - (label_width + total_width) / 2
        canv.drawString(x, MARGIN, label)
        canv.saveState()
        canv.translate(x + label_width, MARGIN)
        canv.doForm(PAGE_TOTAL_FORM)
        canv.restoreState()
        canv.drawString(MARGIN, MARGIN, ledger.center)
        if ledger.extra_footer:
            canv.drawRightString(width - MARGIN, MARGIN, ledger.extra_footer)
        canv.restoreState()

    def _startBuild(self, filename=None, canvasmaker=None) -> None:
        super()._startBuild(filename, canvasmaker or ledger_canvas())
        self.canv.reserve_form(PAGE_TOTAL_FORM)  # pages are written before the total is known

    def _endBuild(self) -> None:
        self._doSave = 0
        super()._endBuild()
        canv = self.canv
        pages = canv.getPageNumber() - 1

        def total(form: Canvas) -> None:
            form.setFont(self.font, 9)
            form.drawString(0, 0, f"{pages} 页")

        canv.define_reserved_form(PAGE_TOTAL_FORM, total)
        canv.save()


def _widths(columns: Sequence[Column], available: float) -> list[float]:
    widths = [c.pdf_width or c.width for c in columns]
    total = sum(widths)
    return [available * w / total for w in widths]


def chart_drawing(chart: Chart, width: float, font: str) -> Drawing:
    """A reportlab drawing of the chart, labelled with the CJK font."""
    height = 62 * mm
    drawing = Drawing(width, height, initialFontName=font)
    plot = VerticalBarChart() if chart.kind == "bar" else HorizontalLineChart()
    plot.x, plot.y = 40, 42
    plot.width, plot.height = width - 170, height - 70
    plot.data = [tuple(values) for _, values in chart.series]
    plot.categoryAxis.categoryNames = list(chart.labels)
    plot.categoryAxis.labels.fontName = font
    plot.categoryAxis.labels.fontSize = 7
    plot.categoryAxis.labels.angle = 30 if len(chart.labels) > 8 else 0
    plot.categoryAxis.labels.boxAnchor = "ne" if len(chart.labels) > 8 else "n"
    plot.valueAxis.labels.fontName = font
    plot.valueAxis.labels.fontSize = 7
    plot.valueAxis.valueMin = 0
    peak = max((v for _, values in chart.series for v in values), default=0)
    plot.valueAxis.valueMax = max(1, peak * 1.15)
    for index in range(len(chart.series)):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        if chart.kind == "bar":
            plot.bars[index].fillColor = colour
        else:
            plot.lines[index].strokeColor = colour
            plot.lines[index].strokeWidth = 1.5
    drawing.add(plot)
    drawing.add(String(width / 2, height - 12, chart.title, fontName=font, fontSize=11, textAnchor="middle"))
    drawing.add(String(8, height - 24, chart.value_label, fontName=font, fontSize=8))
    legend = Legend()
    legend.x, legend.y = width - 120, height - 30
    legend.fontName, legend.fontSize = font, 8
    legend.colorNamePairs = [(SERIES_COLOURS[i % len(SERIES_COLOURS)], name)
                             for i, (name, _) in enumerate(chart.series)]
    drawing.add(legend)
    return drawing


def _counted(chunks, progress: Progress | None, counter: list[int]) -> Iterator[Row]:
    done = counter[0]  # read when the first row is pulled: after the earlier tables
    for chunk in chunks:
        yield from chunk
        done += len(chunk)
        counter[0] = done
        if progress:
            progress(done)


def write_pdf(ledger: Ledger, final: Path, progress: Progress | None = None) -> Path:
    """Write ``ledger`` to ``final`` atomically; a cancel or error leaves no file behind."""
    font = register_cjk_font()
    styles = _styles(font)
    with atomic_path(final) as tmp:
        doc = _LedgerDoc(str(tmp), ledger, font)
        story: list[Flowable] = [Paragraph(note, styles["note"]) for note in ledger.notes]
        if ledger.notes:
            story.append(Spacer(1, 4))
        counter = [0]
        several = len(ledger.tables) > 1
        for table in ledger.tables:
            if several and table.heading:
                story.append(CondPageBreak(40 * mm))
                story.append(Paragraph(table.heading, styles["heading"]))
            totals = Totals(table.columns) if table.has_totals else None
            rows = _counted(_lazy(table.rows), progress, counter)
            if totals is not None:
                rows = _tee_totals(rows, totals)
            keep = [i for i, c in enumerate(table.columns) if c.pdf]
            columns = [table.columns[i] for i in keep]
            totals_row = partial(_projected_totals, totals, keep) if totals is not None else None
            if len(keep) < len(table.columns):
                rows = (_project(r, keep) for r in rows)
            story.append(StreamingTable(columns, rows, _widths(columns, doc.width), font, styles,
                                        totals_row=totals_row, page_height=doc.height))
            story.append(Spacer(1, 6))
        for chart in ledger.charts:
            story.append(KeepTogether([Spacer(1, 6), chart_drawing(chart, doc.width, font)]))
        story.append(Paragraph(ledger.sign_off_line(), styles["sign"]))
        try:
            doc.build(story, canvasmaker=ledger_canvas())
        finally:
            canv = getattr(doc, "canv", None)
            if isinstance(canv, StreamingCanvas | BufferedCanvas):
                canv.close()  # after a cancel or error too, so the temporary file can be removed
    return final


def _project(row, keep: list[int]) -> list:
    """The cells of the columns printed in the PDF (Excel-only columns dropped)."""
    row = list(row)
    out = [row[i] if i < len(row) else None for i in keep]
    if row and out and isinstance(row[0], str) and row[0].startswith("合计") and keep[0] != 0:
        out[0] = row[0]
    return out


def _projected_totals(totals: Totals, keep: list[int]) -> list:
    return _project(totals.row(), keep)


def _lazy(source):
    """Call the row source only when the first row is needed (after earlier tables are laid out)."""
    yield from source()


def _tee_totals(rows: Iterator[Row], totals: Totals) -> Iterator[Row]:
    for row in rows:
        totals.add(row)
        yield row
