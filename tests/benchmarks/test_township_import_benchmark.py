"""A township's year on both engines (issue 16 point 9): villages' real bundles imported month by
month into fresh township books on SQLite and on PostgreSQL, then the 镇级汇总表 exported from them.

Default (CI smoke): 3 villages × 2 months. ``DUTYDESK_BENCH_SCALE=full``: 40 villages × 12 months.
Each village is a demo desk (``dutydesk demo``'s generator at ``--scale 0.25``, about 150–200
visits a month, with duty, proxy cases and household visits) that hands off its months in order,
correcting two visits after each hand-off (``township_village_probe``: a fresh process per
village, as many at once as the machine has cores). The villages are kept under
``DUTYDESK_BENCH_DIR`` when it is set, so a second run only imports.

Per engine: every bundle's import time (the store's ``import_bundles``, a month's 40 sticks at a
time, as the clerk does), median, 95th percentile and total, and the summary of the last month
(this month, last month and the 12-month trend read from the books) written as xlsx and as PDF.
Asserted without timing flakiness: every bundle imported, the summary's visits equal the
bundles', and the import of a bundle does not grow with the books (the median of the last month's bundles
over the first month's, per 1,000 rows, under ``GROWTH_LIMIT``). The PostgreSQL/SQLite ratio is printed.

PostgreSQL needs ``DUTYDESK_TEST_POSTGRES`` (``.ci/run`` starts a server); without it the
PostgreSQL half is skipped on a developer's machine and fails in CI, as the township tests do.

Run: ``DUTYDESK_BENCH_SCALE=full DUTYDESK_BENCH_DIR=/tmp/b python -m pytest -s
tests/benchmarks/test_township_import_benchmark.py``
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dutydesk import __version__
from dutydesk.domain.clock import FixedClock
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.datafolder import DataFolder
from dutydesk.township.bundle import FOLDER, SCHEMA_VERSION
from dutydesk.township.importing import IMPORTED, import_bundles
from dutydesk.township.summary import township_summary
from dutydesk.township.summary_ledger import write_summary
from dutydesk.township.township_books import village_months
from dutydesk.township.township_folder import init_township
from dutydesk.township.village_month import read_bundle_folder
from tests.benchmarks.township_village_probe import DONE, TODAY
from tests.township.books.conftest import engine  # noqa: F401  (SQLite, and PostgreSQL when a server is given)

pytestmark = pytest.mark.benchmark

FULL = os.environ.get("DUTYDESK_BENCH_SCALE", "small").lower() == "full"
VILLAGES, MONTHS = (40, 12) if FULL else (3, 2)
SCALE = 0.25
LAST = Period.month(2026, 11)  # the last full month before the demo's fixed today (2026-12-06)
GROWTH_LIMIT = 2.0 if FULL else 3.0  # last bundles' median time per 1,000 rows over the first ones'
ROOT = Path(__file__).resolve().parents[2]
RESULTS: dict[str, dict] = {}


def _periods() -> list[Period]:
    periods = [LAST]
    while len(periods) < MONTHS:
        periods.append(periods[-1].previous_month())
    return periods[::-1]  # oldest first


def _code(i: int) -> str:
    return f"350425100{201 + i:03d}"  # 桃源镇's villages: 350425100201, …202, …


def _village_root(tmp_path_factory) -> Path:
    """Under DUTYDESK_BENCH_DIR (kept between runs) when set; the key changes with anything that
    changes the bundles."""
    key = hashlib.sha256(json.dumps([VILLAGES, MONTHS, SCALE, str(TODAY), __version__, SCHEMA_VERSION])
                         .encode()).hexdigest()[:10]
    base = os.environ.get("DUTYDESK_BENCH_DIR")
    root = Path(base) if base else tmp_path_factory.mktemp("township-bench")
    return root / f"township-villages-{VILLAGES}x{MONTHS}-{key}"


def _make(out: Path, i: int, days: int, slugs: list[str]) -> None:
    shutil.rmtree(out, ignore_errors=True)  # a village left half made by an interrupted run
    done = subprocess.run([sys.executable, "-m", "tests.benchmarks.township_village_probe", str(out), _code(i),
                           f"第{i + 1}村党群服务中心", str(i + 1), str(days), str(SCALE), *slugs],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"village {_code(i)} not made:\n{done.stderr[-3000:]}")


@pytest.fixture(scope="module")
def villages(tmp_path_factory) -> list[Path]:
    """Each village's folder (its books, and ``sticks/YYYY-MM/<hand-off>/数据包``)."""
    root = _village_root(tmp_path_factory)
    periods = _periods()
    slugs = [p.slug for p in periods]
    days = (TODAY.date() - periods[0].start).days + 3
    folders = [root / _code(i) for i in range(VILLAGES)]
    todo = [i for i, folder in enumerate(folders) if not (folder / DONE).exists()]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(lambda i: _make(folders[i], i, days, slugs), todo))
    if todo:
        print(f"\n{len(todo)}个演示村（{days}天，数据量倍数{SCALE}）逐月交出{MONTHS}个月的数据包："
              f"{time.perf_counter() - started:.0f}s（{os.cpu_count()}个进程并行）")
    _warm_up(folders, tmp_path_factory.mktemp("warm-up"))
    return folders


def _warm_up(folders: list[Path], out: Path) -> None:
    """Write the summary once from the bundles themselves (no books), so the first engine timed
    does not also pay for loading openpyxl, reportlab and the font."""
    months = [read_bundle_folder(_bundle(folders[0], LAST.slug))]
    summary = township_summary(LAST, lambda period: months if period == LAST.slug else [])
    for fmt in ("xlsx", "pdf"):
        write_summary(summary, "桃源镇", TODAY.date(), out / f"warm-up.{fmt}", fmt)


def _bundle(village: Path, slug: str) -> Path:
    return next((village / "sticks" / slug).glob(f"*/{FOLDER}"))


def _rows(bundle: Path) -> int:
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    return sum(entry["rows"] for entry in manifest["files"])


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _import_year(township, villages: list[Path]) -> list[tuple[float, int]]:
    """(seconds, rows) of each bundle in import order: month by month, all villages' sticks at once."""
    timings: list[tuple[float, int]] = []
    for period in _periods():
        bundles = [_bundle(v, period.slug) for v in villages]
        marks: list[float] = []

        def mark(_done: int, _total: int, marks: list[float] = marks) -> None:
            marks.append(time.perf_counter())  # told before each bundle

        outcomes = import_bundles(township, [v / "sticks" / period.slug for v in villages], lambda _q: True, mark)
        marks.append(time.perf_counter())
        assert [o.outcome for o in outcomes] == [IMPORTED] * len(villages), [o.message for o in outcomes]
        rows = {b.resolve(): _rows(b) for b in bundles}
        timings += [(marks[n + 1] - marks[n], rows[o.folder]) for n, o in enumerate(outcomes)]
    return timings


def _window(timings: list) -> int:
    """How many bundles the growth check compares at each end: a month's (one per village)."""
    return min(VILLAGES, len(timings) // 2)


def _growth(timings: list[tuple[float, int]]) -> float:
    """Median seconds per 1,000 rows of the last month's bundles over that of the first month's:
    the books then hold a year more, and a median of a month's bundles shrugs off a busy moment."""
    k = _window(timings)
    per_row = [seconds / max(rows, 1) for seconds, rows in timings]
    return statistics.median(per_row[-k:]) / statistics.median(per_row[:k])


def test_import_and_summary_time(engine, villages, tmp_path, capsys):  # noqa: F811
    name = "PostgreSQL" if engine else "SQLite"
    clock = FixedClock(dt.datetime(2026, 12, 6, 9, 0))
    township = init_township(DataFolder(tmp_path / "township"), "桃源镇", "350425100000", engine, clock)
    try:
        timings = _import_year(township, villages)
        summary_seconds = {}
        for fmt in ("xlsx", "pdf"):
            started = time.perf_counter()
            summary = township_summary(LAST, village_months)
            out = write_summary(summary, "桃源镇", clock.today(), tmp_path / f"summary.{fmt}", fmt)
            summary_seconds[fmt] = time.perf_counter() - started
            assert out.stat().st_size > 0
    finally:
        township.close()
    seconds = [s for s, _rows in timings]
    rows = sum(r for _s, r in timings)
    growth = _growth(timings)
    bundled = sum(1 for m in (read_bundle_folder(_bundle(v, LAST.slug)) for v in villages)
                  for row in m.rows("visit") if not row.get("voided_at"))
    RESULTS[name] = {"median": statistics.median(seconds), "p95": _p95(seconds), "total": sum(seconds),
                     **summary_seconds}
    with capsys.disabled():
        print(f"\n{name}：{VILLAGES}村×{MONTHS}月 {len(seconds)}个数据包（{rows:,}行）导入每包中位数 "
              f"{statistics.median(seconds) * 1000:.0f} ms，p95 {_p95(seconds) * 1000:.0f} ms，共 {sum(seconds):.1f}s；"
              f"末月/首月{_window(timings)}包（每千行中位数）{growth:.2f}；"
              f"{LAST.slug}汇总表（{summary.total.visits}件来访）xlsx {summary_seconds['xlsx']:.2f}s，"
              f"pdf {summary_seconds['pdf']:.2f}s")
        if len(RESULTS) == 2:
            pg, lite = RESULTS["PostgreSQL"], RESULTS["SQLite"]
            print("PostgreSQL/SQLite：" + "，".join(f"{key} {pg[key] / lite[key]:.2f}"
                                                   for key in ("median", "p95", "total", "xlsx", "pdf")))
    assert summary.total.visits == bundled
    assert len(summary.villages) == VILLAGES
    assert growth < GROWTH_LIMIT
