"""Explicit row heights for wrapped text in the xlsx ledgers.

Excel grows a row to fit wrapped text when it opens the file; LibreOffice and WPS print the
height the file states (one line by default), so a long handover note overprints the rows below
it and a month's duty log prints on 4 pages instead of 50. Each row that wraps therefore carries
its height, estimated from the text and its column's width the way a spreadsheet lays it out:
a column of width ``w`` holds about ``w`` digits, a Chinese character takes a little over two.

The estimate errs on the tall side (a little white space is harmless; a cut line is lost).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

WIDE = 2.2  # a Chinese (full-width) character in column-width units (11 pt glyph / 5.25 pt digit, rounded up)
NARROW = 1.1  # a Latin letter or digit: about one unit, more in a substitute font
CELL_PADDING = 0.8  # units a cell keeps free left and right
LINE_HEIGHT = 15.0  # points per line of 11 pt text (Excel's default row height)
ROW_PADDING = 2.0  # points above and below the text
MAX_ROW_HEIGHT = 409.0  # the tallest row Excel and LibreOffice accept


def text_units(text: str) -> float:
    """The width of ``text`` on one line, in column-width units.

    GB18030 takes one byte for ASCII and two or four for a Chinese character: the extra bytes
    count the wide characters in C, fast enough for a million-row ledger."""
    extra = len(text.encode("gb18030", "replace")) - len(text)
    return len(text) * NARROW + extra * (WIDE - NARROW)


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapping cell ``width`` units wide."""
    room = max(1.0, width - CELL_PADDING)
    return sum(max(1, math.ceil(text_units(line) / room)) for line in text.split("\n"))


def row_height(lines: int) -> float:
    """The height in points of a row whose tallest cell has ``lines`` lines."""
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + ROW_PADDING)


def height_for(cells: Iterable[tuple[str, float]]) -> float | None:
    """The row height for (text, column width) cells, or None when every cell fits one line."""
    lines = max((wrapped_lines(text, width) for text, width in cells if text), default=1)
    return row_height(lines) if lines > 1 else None
