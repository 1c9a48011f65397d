"""The xlsx ledgers print right outside Excel: LibreOffice (headless, as in WPS and on the
township's Linux PCs) prints every text whole and about as many pages as our own PDF.

LibreOffice and WPS do not grow a row to fit wrapped text: before rows stated their heights the
值班记录簿's handover texts overprinted their neighbours and a month printed on 4 pages instead of
50. Each ledger's xlsx is converted with ``soffice --headless --convert-to pdf`` and compared with
the PDF we write ourselves.

Page-count tolerance: the xlsx prints fitted to the page width, at a smaller type than our PDF's
8.5 pt when its columns are wide (the 来访登记 has 14), so LibreOffice may need fewer pages;
it may need at most 30 % more (row heights are estimated on the tall side). Allowed: from half
our pages less one to 1.3 times ours plus one. Overprinting fails this by far (4 of 50 pages).

Skipped only where soffice is missing outside CI; in CI (``CI`` set) a missing soffice fails:
``.ci/run`` installs it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from dutydesk.cli import main

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false")

pytestmark = pytest.mark.skipif(SOFFICE is None and not IN_CI, reason="LibreOffice (soffice) 未安装")

# The demo fills the days up to the real today: ask for periods that hold them.
TODAY = dt.date.today()
MONTH = (TODAY - dt.timedelta(days=3)).strftime("%Y-%m")
RANGE = ["--from", (TODAY - dt.timedelta(days=24)).isoformat(), "--to", TODAY.isoformat()]
PERIODS = {"duty": RANGE, "visits": RANGE, "proxy": RANGE, "attendance": ["--month", MONTH],
           "monthly": ["--month", MONTH]}
PERIODS |= {key: ["--month", MONTH] for key in ("grid", "household_visits", "diary", "visit_quota", "spot_checks")}


def flat(text: str) -> str:
    """Letters, digits and Chinese characters only: text extractors move symbols that LibreOffice
    draws in a fallback font (→) and join a line broken after a hyphen; words they keep in order."""
    return re.sub(r"[\W_]+", "", text)


def pdf_pages(path: Path) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(str(path)).pages]


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, tuple[Path, Path, Path]]:
    """Per ledger: (our xlsx, our PDF, LibreOffice's PDF of the xlsx)."""
    assert SOFFICE is not None, "CI must have LibreOffice: .ci/run installs libreoffice-calc-nogui"
    root = tmp_path_factory.mktemp("libreoffice")
    books = root / "demo"
    assert main(["demo", "--data-dir", str(books), "--days", "25", "--scale", "0.5"]) == 0
    out = root / "ours"
    out.mkdir()
    for key, period in PERIODS.items():
        for fmt in ("xlsx", "pdf"):
            assert main(["export", key, *period, "--out", str(out / f"{key}.{fmt}"), "--data-dir", str(books)]) == 0
    lo = root / "lo"
    profile = (root / "profile").as_uri()  # a profile of its own: no clash with a desktop session
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(lo), *sorted(str(p) for p in out.glob("*.xlsx"))],
                   check=True, capture_output=True, timeout=540)
    return {key: (out / f"{key}.xlsx", out / f"{key}.pdf", lo / f"{key}.pdf") for key in PERIODS}


def printed_in_order(text: str, printed: str, max_gap: int = 60) -> bool:
    """``text`` appears in ``printed`` character by character in order, a few characters apart at
    most. A PDF's text comes out line by line across the page, so a wrapped cell's lines come
    with its neighbours' lines between them; a cell cut off by a too-short row loses its end."""
    start = printed.find(text[:2])
    while start != -1:
        at, fits = start + 2, True
        for ch in text[2:]:
            found = printed.find(ch, at, at + max_gap)
            if found == -1:
                fits = False
                break
            at = found + 1
        if fits:
            return True
        start = printed.find(text[:2], start + 1)
    return False


def sheet_texts(xlsx: Path) -> list[str]:
    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    return [flat(value) for row in ws.iter_rows(values_only=True) for value in row
            if isinstance(value, str) and flat(value)]


@pytest.mark.parametrize("key", list(PERIODS))
def test_every_text_of_the_xlsx_is_printed_whole_by_libreoffice(converted, key):
    xlsx, _ours, lo = converted[key]
    printed = "".join(pdf_pages(lo))
    texts = sheet_texts(xlsx)
    assert len(texts) > 20
    missing = [text for text in texts if not printed_in_order(text, printed)]
    assert missing == []


@pytest.mark.parametrize("key", list(PERIODS))
def test_libreoffice_prints_about_as_many_pages_as_our_pdf(converted, key):
    xlsx, ours, lo = converted[key]
    theirs = len(PdfReader(str(lo)).pages) - (1 if _has_charts(xlsx) else 0)  # the 图表 sheet's page
    mine = len(PdfReader(str(ours)).pages)
    assert mine / 2 - 1 <= theirs <= mine * 1.3 + 1, (key, mine, theirs)


def _has_charts(xlsx: Path) -> bool:
    return "图表" in openpyxl.load_workbook(xlsx, read_only=True).sheetnames


def test_the_duty_log_handover_texts_do_not_overprint(converted):
    """The texts of the 交接班 and 当班记录 columns are long: each is found whole and in order."""
    xlsx, _ours, lo = converted["duty"]
    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    long_texts = [flat(row[i]) for row in ws.iter_rows(values_only=True) for i in (7, 8)
                  if len(row) > 8 and isinstance(row[i], str) and len(row[i]) > 40]
    assert len(long_texts) > 5
    printed = "".join(pdf_pages(lo))
    assert [t for t in long_texts if not printed_in_order(t, printed)] == []


def test_the_chart_sheet_prints_on_one_page_with_titled_series(converted):
    xlsx, _ours, lo = converted["monthly"]
    pages = pdf_pages(lo)
    rows = list(openpyxl.load_workbook(xlsx)["图表"].iter_rows(values_only=True))
    titles = [flat(str(row[0])) for row in rows if row and row[0] and len(row) > 1 and row[1] in ("本月", "受理")]
    assert len(titles) == 2
    assert all(title in pages[-1] for title in titles)  # the last page is the chart sheet, whole
    assert not any(title in pages[-2] for title in titles)
    cells = "|".join(flat(str(value)) for row in rows for value in row if value is not None)
    for name in ("本月", "上月", "受理", "办结"):  # every series names itself in the legend too
        drawn_elsewhere = cells.count(name) + sum(title.count(name) for title in titles)
        assert pages[-1].count(name) > drawn_elsewhere, name


def test_printed_in_order_finds_interleaved_lines_and_misses_a_cut_end():
    printed = flat("11-12 移交：刘村官 李文书，材料已交 已办结（办结） →\n接，请继续跟进）\n下一行")
    assert printed_in_order(flat("11-12 移交：刘村官→李文书，材料已交接，请继续跟进）"), printed)
    assert not printed_in_order(flat("11-12 移交：刘村官→李文书，材料已交接，请继续跟进）并已通知"), printed)
