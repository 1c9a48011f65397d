"""Three small demo villages with distinct division codes, each handing off two months through
the real CLI (``dutydesk demo --center --code`` then ``dutydesk handoff``), read back as the
township's ``VillageMonth``s: the data the township's summary and screens are tested on.

Built once per test process (``lru_cache``): three demos and six hand-offs take ~30 s.
"""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dutydesk.cli import main
from dutydesk.reports.ledgers.registry import Period
from dutydesk.township.bundle import FOLDER
from dutydesk.township.village_month import VillageMonth, read_bundle_folder

VILLAGES = (("桃源村", "350425100201"), ("青石村", "350425100202"), ("溪口社区", "350425100203"))
TOWNSHIP = "桃源镇"


@dataclass
class DemoVillage:
    name: str
    code: str
    books: Path  # the village's data folder
    months: dict[str, VillageMonth] = field(default_factory=dict)  # "YYYY-MM" → its bundle

    def db(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self.books / 'dutydesk.sqlite3'}?mode=ro", uri=True)

    def visits_in_books(self, period: Period) -> int:
        """The village's own count: visits received in the month, voided ones left out."""
        start, end = period.datetimes()
        with self.db() as con:
            return con.execute("SELECT count(*) FROM visit WHERE voided_at IS NULL AND received_at >= ? "
                               "AND received_at < ?", (str(start), str(end))).fetchone()[0]


def months() -> tuple[Period, Period]:
    """(this, last): the demo fills the 40 days up to the real today, so the month before today's
    holds data, and the month before that some or none."""
    this = Period.parse_month(f"{dt.date.today().replace(day=1) - dt.timedelta(days=1):%Y-%m}")
    return this, this.previous_month()


@lru_cache(maxsize=2)
def demo_villages(days: int = 40, handed: int = 2) -> tuple[DemoVillage, ...]:
    """The villages, each handing off its last ``handed`` full months (oldest first)."""
    root = Path(tempfile.mkdtemp(prefix="dutydesk-township-"))
    atexit.register(shutil.rmtree, root, True)  # the process's villages go with it
    periods = [months()[0]]
    while len(periods) < handed:
        periods.append(periods[-1].previous_month())
    villages = []
    for seed, (name, code) in enumerate(VILLAGES, start=1):
        books = root / code
        assert main(["demo", "--data-dir", str(books), "--center", name, "--code", code, "--days", str(days),
                     "--scale", "0.1", "--seed", str(seed)]) == 0
        village = DemoVillage(name, code, books)
        for period in reversed(periods):  # in order: each bundle links to the one before
            out = root / f"{code}-{period.slug}"
            out.mkdir()
            assert main(["handoff", "--data-dir", str(books), "--month", period.slug, "--out", str(out)]) == 0
            village.months[period.slug] = read_bundle_folder(next(out.glob(f"*/{FOLDER}")))
        villages.append(village)
    return tuple(villages)


def loader(villages: tuple[DemoVillage, ...]):
    """A ``months_loader`` over the villages' bundles: a month nobody handed in is empty."""
    return lambda period: [v.months[period] for v in villages if period in v.months]
