"""Rows taller than a page: a pasted letter of hundreds of lines in one cell.

A table row cannot be taller than the page it is printed on (reportlab stops the whole document
with a LayoutError). Such a row is cut into parts that each fit a page: the cell texts are cut
at line ends (a single line longer than a page, between characters), and every later part
starts its cells with （续） and names the row again in its first column, so the whole text is
printed and the reader sees where it goes on. The PDF writer measures; this module only cuts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

CONTINUED = "（续）"

Measure = Callable[[str, int], float]  # (text, column index) -> height of the wrapped text


def page_parts(texts: Sequence[str], measure: Measure, budget: float) -> list[list[str]]:
    """The row's cell texts cut into parts whose every cell is at most ``budget`` tall."""
    columns = [_chunks(text, index, measure, budget) for index, text in enumerate(texts)]
    parts = []
    for number in range(max(len(chunks) for chunks in columns)):
        part = [chunks[number] if number < len(chunks) else "" for chunks in columns]
        if number:
            part = [CONTINUED + text if text else "" for text in part]
            if not part[0]:
                part[0] = CONTINUED + texts[0]
        parts.append(part)
    return parts


def _chunks(text: str, index: int, measure: Measure, budget: float) -> list[str]:
    """``text`` in pieces of whole lines, each at most ``budget`` tall."""
    if not text:
        return [text]
    chunks: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if measure(line, index) > budget:  # one line longer than a page
            if current:
                chunks.append("\n".join(current))
                current = []
            chunks.extend(_long_line(line, index, measure, budget))
            continue
        # the lines are measured together: a wrapped line after a line break can take more room
        # than the same line alone (reportlab's CJK wrapping), so a sum of lines can overflow
        if current and measure("\n".join([*current, line]), index) > budget:
            chunks.append("\n".join(current))
            current = []
        current.append(line)
    if current:
        chunks.append("\n".join(current))
    return chunks


def _long_line(line: str, index: int, measure: Measure, budget: float) -> list[str]:
    """A line longer than a page, cut between characters into page-sized pieces."""
    pieces = []
    while len(line) > 1 and measure(line, index) > budget:
        cut = _fitting(line, index, measure, budget)
        pieces.append(line[:cut])
        line = line[cut:]
    if line:
        pieces.append(line)
    return pieces


def _fitting(line: str, index: int, measure: Measure, budget: float) -> int:
    """How many leading characters of ``line`` fit: doubling, then halving, so each measure
    wraps about a page of text, never the whole line."""
    fits, step = 1, 64
    while fits + step < len(line) and measure(line[:fits + step], index) <= budget:
        fits += step
        step *= 2
    high = min(fits + step, len(line)) - 1
    while fits < high:
        middle = (fits + high + 1) // 2
        if measure(line[:middle], index) <= budget:
            fits = middle
        else:
            high = middle - 1
    return fits
