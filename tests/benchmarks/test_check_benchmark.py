"""``dutydesk check`` within 1.2× a bare ``PRAGMA integrity_check`` on the same file (issue 17):
it reads the file once (no quick_check before its own full check).

Default (CI smoke): small demo books. ``DUTYDESK_BENCH_SCALE=full``: ten years of a busy center,
or the folder in ``DUTYDESK_BENCH_CHECK_DIR``. Alternating runs, median of the pair ratios.

Run: ``DUTYDESK_BENCH_SCALE=full python -m pytest -s tests/benchmarks/test_check_benchmark.py``
"""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import statistics
import time
from pathlib import Path

import pytest

from dutydesk.cli import main
from dutydesk.commands.demo import fill_demo_folder
from dutydesk.store.datafolder import DataFolder

pytestmark = pytest.mark.benchmark

FULL = os.environ.get("DUTYDESK_BENCH_SCALE", "small") == "full"
DAYS, SCALE = (3650, 3.0) if FULL else (60, 0.5)
PAIRS = 5 if FULL else 3
TARGET_RATIO = 1.2


def _bare(path: Path) -> float:
    started = time.perf_counter()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()
    return time.perf_counter() - started


def _check(folder: DataFolder) -> float:
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["check", "--data-dir", str(folder.path)]) == 0
    return time.perf_counter() - started


def test_check_costs_one_integrity_check(tmp_path, capsys):
    given = os.environ.get("DUTYDESK_BENCH_CHECK_DIR")
    folder = DataFolder(Path(given) if given else tmp_path / "books")
    if not folder.db_path.exists():
        fill_demo_folder(folder, seed=2026, days=DAYS, scale=SCALE)
    _check(folder)  # warm the file cache
    ratios, checks, bares = [], [], []
    for i in range(PAIRS):
        if i % 2:
            bare, check = _bare(folder.db_path), _check(folder)
        else:
            check, bare = _check(folder), _bare(folder.db_path)
        ratios.append(check / bare)
        checks.append(check)
        bares.append(bare)
    ratio = statistics.median(ratios)
    with capsys.disabled():
        size_mb = folder.db_path.stat().st_size / 1_048_576
        print(f"\ndutydesk check（{size_mb:,.0f} MB）：{statistics.median(checks) * 1000:.0f} ms，"
              f"PRAGMA integrity_check {statistics.median(bares) * 1000:.0f} ms，比值 {ratio:.2f}")
    if FULL:
        assert ratio <= TARGET_RATIO
