"""Write a ledger to .xlsx with openpyxl's write-only mode: rows stream to disk as they come.

What the township checks when it prints the file: landscape A4 fitted to one page wide, the
header row repeated on every printed page (print titles) and frozen on screen, page x of y in
the footer, real dates and numbers (so they can sum and filter), a totals row, and the
prepared-by / checked-by / date line under the table.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import inspect
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.worksheet import Worksheet

from dutydesk.reports.ledger import row_heights
from dutydesk.reports.ledger.model import Chart, Column, Ledger, Progress, Row, Table, Totals
from dutydesk.reports.ledger.xlsx_spool import buffer_spool
from dutydesk.store.atomic import atomic_path

log = logging.getLogger(__name__)


def rows_hook_intact() -> bool:
    """Whether openpyxl's private write-only internals are still what ``_RowCells`` plugs into.

    pyproject bounds openpyxl (<3.2); this guards a build made with another version anyway:
    ``_write_rows`` must call ``self._values_to_row(values, row_idx)`` and hand the cells to the
    writer, and ``Cell`` must take a style array and keep its value in ``_value``. Names are read
    from the compiled code (``co_names``), so the check works in a bundle without sources.
    """
    try:
        convert = WriteOnlyWorksheet._values_to_row
        write_rows = WriteOnlyWorksheet._write_rows
        if list(inspect.signature(convert).parameters) != ["self", "values", "row_idx"]:
            return False
        if "_values_to_row" not in write_rows.__code__.co_names:
            return False
        if "style_array" not in inspect.signature(Cell.__init__).parameters:
            return False
        return all(name in Cell.__slots__ for name in ("_value", "data_type", "row", "column")) \
            and callable(getattr(Cell, "check_string", None)) \
            and isinstance(getattr(Cell, "style_id", None), property) \
            and isinstance(getattr(Cell, "has_style", None), property) \
            and hasattr(Workbook(write_only=True), "_cell_styles")
    except (AttributeError, TypeError, ValueError):
        return False


FAST_ROWS = rows_hook_intact()  # else every row takes openpyxl's public path (slower, same file)
if not FAST_ROWS:
    log.warning("openpyxl internals changed: ledger rows are written through the public API")

NUMBER_FORMATS = {
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "time": "hh:mm",
    "int": "0",
    "float": "0.00",
    "percent": "0.0%",
}
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="E8EEF4")


class _Styler:
    """Builds one styled template cell per column kind and copies its style array per cell.

    Assigning font/alignment/border to every cell looks each up in the workbook's style
    tables; copying a prepared style array is what keeps styled cells near the bare speed.
    """

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self._templates: dict[str, Any] = {}

    def style(self, key: str, **attrs: Any) -> Any:
        if key not in self._templates:
            cell = WriteOnlyCell(self.ws)
            for name, value in attrs.items():
                setattr(cell, name, value)
            self._templates[key] = cell._style
        return self._templates[key]

    def cell(self, value: Any, style: Any) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value)
        cell._style = copy.copy(style)
        return cell


class _ColumnCell(Cell):
    """A cell reused for every row of one column, its style id looked up once.

    openpyxl's write-only ``append`` makes a cell per value, binds the value through a chain of
    type checks and looks the style up in the workbook's style table for every styled cell.
    A ledger column has one kind, so one cell per column (and per style) is reused: each value
    only sets the cell's value, type and row before openpyxl serialises it.
    """

    __slots__ = ("_fixed_id", "_styled")

    def __init__(self, ws: Worksheet, column: int, style: Any = None) -> None:
        super().__init__(ws, column=column, style_array=style)
        self._styled = bool(style is not None and any(style))
        self._fixed_id = ws.parent._cell_styles.add(self._style) if self._styled else 0

    @property
    def style_id(self) -> int:
        return self._fixed_id

    @property
    def has_style(self) -> bool:
        return self._styled


_DATE_TYPES = (dt.date, dt.datetime)
_TIME_TYPES = (dt.datetime, dt.time)
_NUMBER_TYPES = (int, float)


class _RowCells:
    """Turns a table's rows into cells for openpyxl's write-only writer (see ``_ColumnCell``).

    Text is always written as text (never read as a formula because it starts with "="); text
    that will not fit its column on one line gets the wrapping style, and its row the height of
    its wrapped lines (``row_heights``: LibreOffice and WPS do not grow rows themselves); dates
    and numbers keep their types with the column's number format. A value of another type than
    its column's takes openpyxl's ordinary path, so nothing is ever written wrongly, only more
    slowly.
    """

    def __init__(self, ws: Worksheet, styler: _Styler, columns: Sequence[Column]) -> None:
        self.ws = ws
        self.specs: list[tuple[str, int, float, _ColumnCell, _ColumnCell]] = []
        self._sized_row: int | None = None  # the last row given a height (dropped once written)
        self._heights: dict[int, dict[str, str]] = {}  # row attributes per number of lines
        top = styler.style("top", alignment=Alignment(vertical="top"))  # beside a tall wrapped cell
        for number, column in enumerate(columns, 1):
            kind = column.kind
            if kind == "text":
                wrap = styler.style("text", alignment=Alignment(wrap_text=True, vertical="top"))
                # characters that surely fit on one line, even if all Chinese
                limit = max(1, int((column.width - row_heights.CELL_PADDING) // row_heights.WIDE))
                self.specs.append(("text", limit, column.width, _ColumnCell(ws, number, top),
                                   _ColumnCell(ws, number, wrap)))
            elif kind == "int":
                cell = _ColumnCell(ws, number, top)  # General shows whole numbers as they are
                self.specs.append(("number", 0, 0, cell, cell))
            elif kind == "date":
                cell = _ColumnCell(ws, number, styler.style("date", number_format=NUMBER_FORMATS["date"],
                                                            alignment=Alignment(vertical="top")))
                self.specs.append(("date", 0, 0, cell, cell))
            else:
                style = styler.style(
                    kind, number_format=NUMBER_FORMATS[kind],
                    alignment=Alignment(horizontal="center" if kind in ("datetime", "time") else "right",
                                        vertical="top"),
                )
                cell = _ColumnCell(ws, number, style)
                self.specs.append(("time" if kind in ("datetime", "time") else "number", 0, 0, cell, cell))

    def __call__(self, values: Row, row_idx: int) -> list[Cell]:
        """The ``_values_to_row`` of openpyxl's write-only worksheet, for this table's rows."""
        out = []
        lines = 1
        for (kind, limit, width, plain, styled), value in zip(self.specs, values, strict=False):
            if value is None:
                continue
            t = type(value)
            if kind == "text" and t is str:
                # the text's lines at the column's width, counted only when it might not fit
                wraps = False
                if len(value) > limit or "\n" in value:
                    count = row_heights.wrapped_lines(value, width)
                    wraps = count > 1
                    lines = max(lines, count)
                cell = styled if wraps else plain
                try:
                    cell._value = plain.check_string(value)
                except IllegalCharacterError:  # control characters pasted into a record: drop them
                    cell._value = plain.check_string(ILLEGAL_CHARACTERS_RE.sub("", value))
                cell.data_type = "s"
            elif (kind == "number" and t in _NUMBER_TYPES) or (kind == "date" and t in _DATE_TYPES) \
                    or (kind == "time" and t in _TIME_TYPES):
                cell = plain
                cell._value = value
                cell.data_type = "n" if kind == "number" else "d"
            else:
                cell = WriteOnlyCell(self.ws, value)
                cell.column = plain.column
            cell.row = row_idx
            out.append(cell)
        self._size(row_idx, lines)
        return out

    def _size(self, row_idx: int, lines: int) -> None:
        """Give the row its height; the writer reads it as it writes the row, so the previous
        row's entry is dropped here and memory stays flat however many rows the ledger has.

        The entry is the row element's attributes, made once per number of lines: the writer
        only adds ``row_dimensions.get(row)`` to them (``_writer.write_row``), and building a
        RowDimension per row would cost a fifth of the export."""
        dims = self.ws.row_dimensions
        if self._sized_row is not None:
            dims.pop(self._sized_row, None)
            self._sized_row = None
        if lines > 1:
            attrs = self._heights.get(lines)
            if attrs is None:
                attrs = self._heights[lines] = dict(RowDimension(self.ws, ht=row_heights.row_height(lines)))
            dims[row_idx] = attrs
            self._sized_row = row_idx


class _PublicRows:
    """The public-API twin of ``_RowCells``: the same cells, styles, text handling and row
    heights, built as ordinary ``WriteOnlyCell`` objects (used when ``FAST_ROWS`` is False)."""

    def __init__(self, ws: Worksheet, columns: Sequence[Column]) -> None:
        self.ws = ws
        self.columns = list(columns)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")

    def __call__(self, values: Row, row_idx: int) -> list[Any]:
        out: list[Any] = []
        lines = 1
        for column, value in zip(self.columns, values, strict=False):
            kind = column.kind
            if value is None:
                out.append(None)
                continue
            if kind == "text" and type(value) is str:
                limit = max(1, int((column.width - row_heights.CELL_PADDING) // row_heights.WIDE))
                wraps = False
                if len(value) > limit or "\n" in value:
                    count = row_heights.wrapped_lines(value, column.width)
                    wraps = count > 1
                    lines = max(lines, count)
                cell = WriteOnlyCell(self.ws, ILLEGAL_CHARACTERS_RE.sub("", value))
                cell.data_type = "s"  # text that starts with "=" stays text
                cell.alignment = self.wrap if wraps else self.top
            elif kind == "int" and type(value) in _NUMBER_TYPES:
                cell = WriteOnlyCell(self.ws, value)
                cell.alignment = self.top
            elif kind == "date" and isinstance(value, _DATE_TYPES):
                cell = WriteOnlyCell(self.ws, value)
                cell.number_format = NUMBER_FORMATS["date"]
                cell.alignment = self.top
            elif kind in NUMBER_FORMATS and kind not in ("int", "date", "text") and self._fits(kind, value):
                cell = WriteOnlyCell(self.ws, value)
                cell.number_format = NUMBER_FORMATS[kind]
                cell.alignment = Alignment(
                    horizontal="center" if kind in ("datetime", "time") else "right", vertical="top")
            else:
                cell = WriteOnlyCell(self.ws, value)
            out.append(cell)
        if lines > 1:
            self.ws.row_dimensions[row_idx] = RowDimension(self.ws, index=row_idx, ht=row_heights.row_height(lines))
        return out

    @staticmethod
    def _fits(kind: str, value: Any) -> bool:
        if kind in ("datetime", "time"):
            return isinstance(value, _TIME_TYPES)
        return type(value) in _NUMBER_TYPES


def _total_style(styler: _Styler, column: Column) -> Any:
    if column.kind in NUMBER_FORMATS:
        return styler.style(f"total_{column.kind}", font=Font(bold=True), border=_BORDER,
                            number_format=NUMBER_FORMATS[column.kind])
    return styler.style("total_text", font=Font(bold=True), border=_BORDER)


def _write_table(ws: Worksheet, styler: _Styler, table: Table, row_no: int,
                 done: int, progress: Progress | None, with_heading: bool) -> tuple[int, int, int]:
    """Append one table; return (next row number, header row number, rows written so far)."""
    if with_heading and table.heading:
        ws.append([styler.cell(table.heading, styler.style("heading", font=Font(bold=True, size=12)))])
        row_no += 1
    header_style = styler.style("header", font=Font(bold=True), fill=_HEADER_FILL, border=_BORDER,
                                alignment=Alignment(horizontal="center", vertical="center", wrap_text=True))
    _set_height(ws, row_no, [(c.header, c.width) for c in table.columns])
    ws.append([styler.cell(c.header, header_style) for c in table.columns])
    header_row = row_no
    row_no += 1
    totals = Totals(table.columns)
    public = None if FAST_ROWS else _PublicRows(ws, table.columns)
    if public is None:
        ws._values_to_row = _RowCells(ws, styler, table.columns)  # see _RowCells; removed below
    try:
        for chunk in table.rows():
            for offset, row in enumerate(chunk):
                ws.append(row if public is None else public(row, row_no + offset))
            if table.has_totals:
                for row in chunk:
                    totals.add(row)
            else:
                totals.rows += len(chunk)
            row_no += len(chunk)
            done += len(chunk)
            if progress:
                progress(done)
    finally:
        if public is None:
            del ws._values_to_row  # headings, totals and sign-off lines take openpyxl's own path
    if table.has_totals:
        ws.append([styler.cell(value, _total_style(styler, column))
                   for value, column in zip(totals.row(), table.columns, strict=True)])
        row_no += 1
    return row_no, header_row, done


def _set_height(ws: Worksheet, row_no: int, cells: Sequence[tuple[str, float]]) -> None:
    """Give row ``row_no`` (not yet written) the height of its wrapped (text, width) cells."""
    height = row_heights.height_for(cells)
    if height is not None:
        ws.row_dimensions[row_no] = RowDimension(ws, index=row_no, ht=height)


def _write_charts(wb: Workbook, charts: Sequence[Chart]) -> None:
    """Charts go on their own sheet beside their data so the township can print them alone.

    Drawn the same in Excel, WPS and LibreOffice: lines are straight between months (a smoothed
    curve dips below zero between small counts), the value axis starts at zero, every series
    names itself in the legend with its own text (not only a cell reference, which LibreOffice
    leaves blank) and the legend sits under the plot; the sheet prints on one page."""
    ws = wb.create_sheet("图表")
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # sheetPr and widths are written with the first row
    names = [chart.title for chart in charts] + [label for chart in charts for label in chart.labels]
    ws.column_dimensions["A"].width = min(40, max(10, *(row_heights.text_units(n) + 1 for n in names)))
    row_no = 1
    anchors = []
    for chart in charts:
        ws.append([chart.title, *[name for name, _ in chart.series]])
        first = row_no
        for index, label in enumerate(chart.labels):
            ws.append([label, *[values[index] for _, values in chart.series]])
        last = row_no + len(chart.labels)
        anchors.append((chart, first, last))
        ws.append([])
        row_no = last + 2
    # Charts are positioned to the right of their data, one below the other (~20 rows apart).
    for number, (chart, first, last) in enumerate(anchors):
        drawn = BarChart() if chart.kind == "bar" else LineChart()
        drawn.title = chart.title
        drawn.y_axis.title = chart.value_label
        drawn.height, drawn.width = 8, 18
        data = Reference(ws, min_col=2, max_col=1 + len(chart.series), min_row=first, max_row=last)
        labels = Reference(ws, min_col=1, min_row=first + 1, max_row=last)
        drawn.add_data(data, titles_from_data=True)
        drawn.set_categories(labels)
        for series, (name, _values) in zip(drawn.series, chart.series, strict=True):
            series.tx = SeriesLabel(v=name)
            if chart.kind == "line":
                series.smooth = False
        drawn.y_axis.scaling.min = 0
        drawn.x_axis.delete = drawn.y_axis.delete = False
        drawn.legend.position = "b"
        ws.add_chart(drawn, f"{get_column_letter(len(chart.series) + 3)}{1 + number * 18}")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = 1


def _discard(wb: Workbook) -> None:
    """Close a write-only workbook abandoned half-way and remove openpyxl's spool files."""
    for ws in wb._sheets:
        rows = getattr(ws, "_rows", None)
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.xf.close()
            with contextlib.suppress(Exception):
                writer.cleanup()


def write_xlsx(ledger: Ledger, final: Path, progress: Progress | None = None) -> Path:
    """Write ``ledger`` to ``final`` atomically; a cancel or error leaves no file behind."""
    with atomic_path(final) as tmp:
        wb = Workbook(write_only=True)
        try:
            _fill_workbook(wb, ledger, progress)
            wb.save(tmp)
        except BaseException:
            _discard(wb)
            raise
    return final


def _fill_workbook(wb: Workbook, ledger: Ledger, progress: Progress | None) -> None:
    ws = wb.create_sheet(ledger.sheet_name)
    width = max(len(t.columns) for t in ledger.tables)
    # Widths of the widest table; stacked tables (statistics) share the sheet's columns.
    for index in range(width):
        ws.column_dimensions[get_column_letter(index + 1)].width = max(
            t.columns[index].width for t in ledger.tables if index < len(t.columns)
        )
    single = len(ledger.tables) == 1
    if single:  # sheet views and sheetPr are written with the first row: set them now
        header_row = 3 + len(ledger.notes)
        ws.freeze_panes = f"A{header_row + 1}"
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    styler = _Styler(ws)
    last_col = get_column_letter(width)
    buffer_spool(ws)  # with the sheet's settings above, as openpyxl would at the first row (issue 17)
    ws.append([styler.cell(ledger.title, styler.style(
        "title", font=Font(bold=True, size=16), alignment=Alignment(horizontal="center")))])
    ws.append([styler.cell(ledger.meta_line(), styler.style("meta", alignment=Alignment(horizontal="left")))])
    ws.merged_cells.add(CellRange(f"A1:{last_col}1"))
    ws.merged_cells.add(CellRange(f"A2:{last_col}2"))
    row_no = 3
    note_style = styler.style("note", alignment=Alignment(wrap_text=True, vertical="top"))
    sheet_width = sum(ws.column_dimensions[get_column_letter(i + 1)].width for i in range(width))
    for note in ledger.notes:
        _set_height(ws, row_no, [(note, sheet_width)])  # merged across the sheet: wraps at its width
        ws.append([styler.cell(note, note_style)])
        ws.merged_cells.add(CellRange(f"A{row_no}:{last_col}{row_no}"))
        row_no += 1
    done = 0
    for table in ledger.tables:
        row_no, _header, done = _write_table(ws, styler, table, row_no, done, progress,
                                                with_heading=not single)
        if not single:
            ws.append([])
            row_no += 1
    ws.append([])
    ws.append([ledger.sign_off_line()])
    ws.merged_cells.add(CellRange(f"A{row_no + 1}:{last_col}{row_no + 1}"))

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddHeader.center.text = ledger.title
    ws.oddHeader.left.text = ledger.center
    ws.oddHeader.right.text = ledger.period
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.left.text = ledger.township
    if ledger.charts:
        _write_charts(wb, ledger.charts)
