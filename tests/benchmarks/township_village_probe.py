"""One demo village handing off its months in order, in a fresh process (for the township import
benchmark, ``test_township_import_benchmark``).

The village's books are the demo generator's (``fill_demo_folder``, the code behind ``dutydesk
demo --center --code``) up to a fixed day, so every run makes the same books; each month is then
handed off with ``reports.handoff.hand_off`` (the code behind ``dutydesk handoff``: a dated folder
holding the signed 数据包) on the 2nd of the month after, oldest first, so each bundle links to the
one before. After each hand-off the clerk corrects two of that month's visits: the next bundle
carries them as corrections, as a real village's does. A fresh process per village: the store's
database is one per process, and the villages are made in parallel.

    python -m tests.benchmarks.township_village_probe OUT CODE NAME SEED DAYS SCALE 2026-10 2026-11
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

from dutydesk.commands.demo import fill_demo_folder
from dutydesk.desk import open_desk
from dutydesk.domain.clock import FixedClock
from dutydesk.reports.handoff import hand_off
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.accounts.account import Account
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.visits.visit import Visit, correct_visit

TODAY = dt.datetime(2026, 12, 6, 8, 0)  # the demo's "today": fixed, so a cached village stays valid
DONE = "done.json"


def _correct_two(desk, period: Period, rng: random.Random) -> None:
    start, end = period.datetimes()
    visits = list(Visit.select().where(Visit.received_at >= start, Visit.received_at < end,
                                       Visit.voided_at.is_null()).order_by(Visit.id))
    for visit in rng.sample(visits, min(2, len(visits))):
        correct_visit(visit, desk.who, desk.now(), "核对后更正办理结果", result="已电话回访，群众无异议")


def make_village(out: Path, code: str, name: str, seed: int, days: int, scale: float, months: list[str]) -> dict:
    started = time.perf_counter()
    books = DataFolder(out / "books")
    fill_demo_folder(books, seed, days, scale, clock=FixedClock(TODAY), center=name, code=code)
    demo_seconds = time.perf_counter() - started
    rng = random.Random(f"{seed}:corrections")
    for slug in months:
        period = Period.parse_month(slug)
        after = period.end + dt.timedelta(days=2)  # the 2nd of the month after
        clock = FixedClock(dt.datetime(after.year, after.month, 2, 9, 0))
        desk = open_desk(books, clock)
        try:
            desk.account = Account.get(Account.name == "管理员")
            target = out / "sticks" / slug
            target.mkdir(parents=True, exist_ok=True)
            hand_off(desk, target, period, [])
            clock.set(clock.now() + dt.timedelta(hours=1))
            _correct_two(desk, period, rng)
        finally:
            desk.close()
    result = {"code": code, "months": months, "demo_seconds": round(demo_seconds, 2),
              "seconds": round(time.perf_counter() - started, 2)}
    (out / DONE).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return result


if __name__ == "__main__":
    out, code, name, seed, days, scale, *months = sys.argv[1:]
    print(json.dumps(make_village(Path(out), code, name, int(seed), int(days), float(scale), months),
                     ensure_ascii=False))
