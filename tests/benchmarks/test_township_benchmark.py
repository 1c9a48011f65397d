"""镇级汇总表 export time over a township's year (issue 16 point 9): 40 villages × 12 months of
``VillageMonth``s, the summary computed (this month, last month, the 12-month trend) and written
as xlsx and PDF.

The months are the demo villages' real bundle rows (``tests.township.demo_villages``) copied to
every village and re-dated into every month, so each village-month has a real month's volume
and shape without running forty demos. Default (CI smoke): 3 villages × 2 months.
``DUTYDESK_BENCH_SCALE=full``: 40 × 12, each month's rows repeated ``REPEAT`` times (a busy
village's ~150 visits a month).

Run: ``DUTYDESK_BENCH_SCALE=full python -m pytest -s tests/benchmarks/test_township_benchmark.py``
"""

from __future__ import annotations

import calendar
import dataclasses
import os
import re
import time

import pytest

from dutydesk.reports.ledgers.registry import Period
from dutydesk.township.summary import township_summary
from dutydesk.township.summary_ledger import write_summary
from dutydesk.township.village_month import VillageMonth
from tests.township.demo_villages import TOWNSHIP, demo_villages, months

pytestmark = pytest.mark.benchmark

FULL = os.environ.get("DUTYDESK_BENCH_SCALE", "small") == "full"
VILLAGES, MONTHS, REPEAT = (40, 12, 3) if FULL else (3, 2, 1)
TARGET_SECONDS = 60.0  # per format, summary computed included, on the 2-core desk PC
STAMP = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def _redate(value: object, year: int, month: int) -> object:
    """'2026-11-02 10:57:00' → the same day and time in ``year``-``month`` (day clamped)."""
    if not isinstance(value, str) or not STAMP.match(value):
        return value
    day = min(int(value[8:10]), calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}{value[10:]}"


def _copy(template: VillageMonth, code: str, name: str, period: Period, repeat: int) -> VillageMonth:
    year, month = period.year_month
    tables = {}
    for table, rows in template.tables.items():
        copied = []
        for round_ in range(repeat):
            for row in rows:
                new = {key: _redate(value, year, month) for key, value in row.items()}
                for key in ("id", "visit_id", "case_id", "household_visit_id"):
                    if isinstance(new.get(key), int):
                        new[key] += round_ * 1_000_000
                copied.append(new)
        tables[table] = copied
    return dataclasses.replace(template, code=code, name=name, period=period.slug, tables=tables,
                               tally=list(template.tally))


@pytest.fixture(scope="module")
def township_year():
    """period slug → the villages' months."""
    templates = [v.months[months()[0].slug] for v in demo_villages()]
    last = months()[0]
    periods = [last]
    while len(periods) < MONTHS:
        periods.append(periods[-1].previous_month())
    year: dict[str, list[VillageMonth]] = {}
    for period in periods:
        year[period.slug] = [_copy(templates[i % len(templates)], f"3504251002{i:02d}", f"第{i + 1}村", period, REPEAT)
                             for i in range(VILLAGES)]
    return last, year


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_summary_export_time(township_year, tmp_path, fmt):
    last, year = township_year
    started = time.perf_counter()
    summary = township_summary(last, lambda period: year.get(period, []))
    computed = time.perf_counter() - started
    out = write_summary(summary, TOWNSHIP, last.end, tmp_path / f"summary.{fmt}", fmt)
    elapsed = time.perf_counter() - started
    visits = sum(len(m.rows("visit")) for months_ in year.values() for m in months_)
    print(f"\n镇级汇总表 {fmt}: {VILLAGES}村×{MONTHS}月（{visits}件来访）计算 {computed:.2f}s，"
          f"连导出共 {elapsed:.2f}s，{out.stat().st_size // 1024} KB")
    assert len(summary.villages) == VILLAGES
    assert summary.total.visits == sum(len(m.rows("visit")) for m in year[last.slug])
    assert elapsed < TARGET_SECONDS
