"""Ledger export speed and memory against the bare libraries (issue 6).

Smoke size by default (seconds, run by CI); full size with ``DUTYDESK_BENCH_SCALE=full``:
50,000 visit-like rows to xlsx and to pdf, each compared in the same run with a bare openpyxl
write-only loop and a bare reportlab table of the same rows; peak memory of the ledger writers
at 50,000 and 1,000,000 rows, each size in a fresh process (``ledger_memory_probe``: peak
resident set size, so C allocations count too). The rows are generated on the fly
(``tests/reports/ledger/synthetic.py``), not read from a database, so building a million rows
costs nothing next to writing them. A million-row PDF is some 140,000 pages and takes some 25 minutes
of CPU.

Run with ``-s`` to see the table; the numbers in README come from the full run.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from dutydesk.reports.fonts import register_cjk_font
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledger.model import chunked, format_cell
from tests.reports.ledger.synthetic import COLUMNS, visit_ledger, visit_rows

pytestmark = pytest.mark.benchmark

FULL = os.environ.get("DUTYDESK_BENCH_SCALE", "smoke").lower() == "full"
ROWS = 50_000 if FULL else 300
MEMORY_ROWS = (50_000, 1_000_000) if FULL else (200, 2_000)
ROOT = Path(__file__).resolve().parents[2]
# Targets from the issue; smoke runs on a busy 2-core CI box only guard against gross regressions.
SPEED_LIMIT = 1.3 if FULL else 3.0
RESULTS: list[str] = []


def timed(fn) -> float:
    """CPU seconds of this process: other work on a shared machine does not skew the ratio."""
    gc.collect()
    start = time.process_time()
    fn()
    return time.process_time() - start


def probe(fmt: str, rows: int, out: Path) -> dict:
    """Write ``rows`` in a fresh process; return its peak memory, CPU time, file size (and pages)."""
    done = subprocess.run([sys.executable, "-m", "tests.benchmarks.ledger_memory_probe", fmt, str(rows), str(out)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    out.unlink()
    return json.loads(done.stdout.splitlines()[-1])


def flat(peaks: list[int]) -> bool:
    """Flat: the large run needs at most 10% (plus 8 MB for the per-page offsets) more than the small."""
    return peaks[1] <= peaks[0] * 1.10 + 8_000_000


def bare_xlsx(rows: int, path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("bare")
    ws.append([c.header for c in COLUMNS])
    for row in visit_rows(rows):
        ws.append(row)
    wb.save(path)


def bare_pdf(rows: int, path: Path) -> None:
    """What one would write with reportlab alone: chunks of a Table with repeated header rows,
    the two long-text columns as Paragraphs so they wrap (as a usable ledger must)."""
    font = register_cjk_font()
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm)
    widths = [doc.width * c.width / sum(c.width for c in COLUMNS) for c in COLUMNS]
    style = TableStyle([("FONT", (0, 0), (-1, -1), font, 8.5), ("GRID", (0, 0), (-1, -1), 0.4, "grey"),
                        ("VALIGN", (0, 0), (-1, -1), "TOP")])
    para = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=10.6, wordWrap="CJK")
    wrapping = {5, 9}  # 诉求内容, 办理结果
    story = []
    for chunk in chunked(visit_rows(rows), 100):
        data = [[c.header for c in COLUMNS]]
        data += [[Paragraph(v, para) if i in wrapping else format_cell(v, c.kind)
                  for i, (v, c) in enumerate(zip(row, COLUMNS, strict=True))] for row in chunk]
        story.append(Table(data, colWidths=widths, repeatRows=1, style=style))
    doc.build(story)


@pytest.fixture(scope="module", autouse=True)
def report():
    yield
    print("\n" + "\n".join(RESULTS))


def test_xlsx_speed_against_bare_openpyxl(tmp_path):
    bare_xlsx(50, tmp_path / "warm.xlsx")  # imports and first-use caches out of the timings
    write_ledger(visit_ledger(50), tmp_path / "warm2.xlsx", "xlsx")
    ours = timed(lambda: write_ledger(visit_ledger(ROWS), tmp_path / "ours.xlsx", "xlsx"))
    bare = timed(lambda: bare_xlsx(ROWS, tmp_path / "bare.xlsx"))
    ratio = ours / bare
    RESULTS.append(f"xlsx {ROWS} rows: ledger {ours:.2f}s, bare openpyxl {bare:.2f}s (CPU), ratio {ratio:.2f}")
    assert ratio <= SPEED_LIMIT


def test_pdf_speed_against_bare_reportlab(tmp_path):
    bare_pdf(20, tmp_path / "warm.pdf")  # font parsing and imports are one-offs for both
    write_ledger(visit_ledger(20), tmp_path / "warm2.pdf", "pdf")
    ours = timed(lambda: write_ledger(visit_ledger(ROWS), tmp_path / "ours.pdf", "pdf"))
    bare = timed(lambda: bare_pdf(ROWS, tmp_path / "bare.pdf"))
    ratio = ours / bare
    RESULTS.append(f"pdf {ROWS} rows: ledger {ours:.2f}s, bare reportlab {bare:.2f}s (CPU), ratio {ratio:.2f}")
    assert ratio <= SPEED_LIMIT


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_memory_is_flat_from_50k_to_1m_rows(fmt, tmp_path):
    """The writers stream: xlsx rows go to openpyxl's write-only spool, PDF pages to the file as
    they end (``pdf_stream``), so a million rows need the memory of fifty thousand."""
    runs = [probe(fmt, n, tmp_path / f"m{n}.{fmt}") for n in MEMORY_ROWS]
    peaks = [r["peak_rss"] for r in runs]
    RESULTS.append(f"{fmt} peak memory (RSS): " + ", ".join(
        f"{r['rows']} rows {r['peak_rss'] / 1e6:.1f} MB ({r['cpu']:.0f}s CPU, file {r['size'] / 1e6:.1f} MB"
        + (f", {r['pages']} pages" if r.get("pages") else "") + ")" for r in runs))
    assert flat(peaks), peaks
