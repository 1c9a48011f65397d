"""What a ledger (台账) is, independent of the file format it is written in.

A ledger is a small declaration: title, the center and township it belongs to, the period, one
or more tables (columns with Chinese headers, widths and cell kinds, plus a row source) and
optional charts. The xlsx and PDF writers read the same declaration, so the two files the
township receives always hold the same content.

Row sources yield rows in chunks (lists of tuples) and are callables, so each writer iterates
them afresh and never needs the whole ledger in memory: a million-row register costs the same
memory as a hundred-row one.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

CellKind = Literal["text", "date", "datetime", "time", "int", "float", "percent"]
NUMERIC_KINDS = ("int", "float", "percent")

Row = Sequence[Any]
Chunk = list[Row]
RowSource = Callable[[], Iterable[Chunk]]
Progress = Callable[[int], None]  # called with the number of rows written so far

DEFAULT_CHUNK = 500


class ExportCancelled(Exception):
    """Raised from a progress callback to stop an export; the writers leave no file behind."""


@dataclass(frozen=True)
class Column:
    """One column: header as printed, width in Excel character units (a Chinese character takes
    two), the kind of its cells.

    ``total`` marks numeric columns summed in the totals row (合计). PDF columns share the page
    width in proportion to ``pdf_width`` (default: ``width``); cells too wide for it wrap.
    """

    header: str
    width: float = 12
    kind: CellKind = "text"
    total: bool = False
    pdf_width: float | None = None  # relative PDF width when the printed page needs other proportions
    pdf: bool = True  # False: an Excel-only convenience column (its facts are in another column)


@dataclass(frozen=True)
class Chart:
    """A chart drawn in both formats: ``bar`` by category or ``line`` over months."""

    kind: Literal["bar", "line"]
    title: str
    labels: Sequence[str]
    series: Sequence[tuple[str, Sequence[float]]]
    value_label: str = "件数"


@dataclass
class Table:
    """A table of a ledger. ``rows`` is called once per writer and yields chunks of rows."""

    columns: Sequence[Column]
    rows: RowSource
    heading: str = ""  # printed above the table when a ledger has several tables
    row_count: int | None = None  # for the progress bar; None when unknown

    @property
    def has_totals(self) -> bool:
        return any(c.total for c in self.columns)


@dataclass
class Ledger:
    title: str
    center: str
    township: str
    period: str  # as printed: "2026年11月1日至2026年11月30日" or "2026年11月"
    tables: Sequence[Table]
    charts: Sequence[Chart] = ()
    prepared_on: dt.date | None = None
    notes: Sequence[str] = ()  # short lines printed under the title block (key figures)
    sheet_name: str = "台账"
    extra_footer: str = ""

    @property
    def row_count(self) -> int | None:
        """Total rows of all tables when every table knows its count (for progress bars)."""
        counts = [t.row_count for t in self.tables]
        return None if any(c is None for c in counts) else sum(c for c in counts if c is not None)

    def meta_line(self) -> str:
        return f"服务中心：{self.center}　　所属乡镇（街道）：{self.township}　　统计期间：{self.period}"

    def sign_off_line(self) -> str:
        day = self.prepared_on
        date_text = f"{day.year}年{day.month}月{day.day}日" if day else "____年__月__日"
        return f"制表人：____________　　　审核人：____________　　　制表日期：{date_text}"


@dataclass
class Totals:
    """Running sums for the totals row, kept while rows stream past."""

    columns: Sequence[Column]
    rows: int = 0
    sums: dict[int, float] = field(default_factory=dict)

    def add(self, row: Row) -> None:
        self.rows += 1
        for index, column in enumerate(self.columns):
            if column.total:
                value = row[index] if index < len(row) else None
                if isinstance(value, (int, float)):
                    self.sums[index] = self.sums.get(index, 0) + value

    def row(self) -> list[Any]:
        out: list[Any] = [None] * len(self.columns)
        for index, column in enumerate(self.columns):
            if column.total:
                total = self.sums.get(index, 0)
                out[index] = int(total) if column.kind == "int" else total
        out[0] = f"合计（{self.rows}条）"
        return out


def chunked(rows: Iterable[Row], size: int = DEFAULT_CHUNK) -> Iterator[Chunk]:
    """Group any row iterable into lists of ``size`` rows (the shape row sources yield)."""
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def static_rows(rows: Sequence[Row]) -> RowSource:
    """A row source over a small, already computed list (statistics tables)."""
    frozen = list(rows)
    return lambda: chunked(frozen)


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def period_text(start: dt.date, end: dt.date) -> str:
    return f"{cn_date(start)}至{cn_date(end)}"


def month_text(year: int, month: int) -> str:
    return f"{year}年{month}月"


def format_cell(value: Any, kind: CellKind) -> str:
    """Text for a cell in a PDF (xlsx keeps the real value and sets a number format)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if kind == "percent" and isinstance(value, (int, float)):
        return f"{value * 100:.1f}%"
    if kind == "float" and isinstance(value, (int, float)):
        return f"{value:.2f}"
    if isinstance(value, dt.datetime):
        return value.strftime("%H:%M" if kind == "time" else "%Y-%m-%d %H:%M")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    return str(value)
