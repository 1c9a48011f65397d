"""The year's archive (A04): every ledger of the year, a catalogue of each record type and the
lookup register, written to ``<data folder>/archive/<year>/`` before the year is closed.

The ledgers come from ``reports.ledgers`` (the township's registry): whole-year ledgers once, and
monthly ledgers (attendance tally, monthly statistics) once per month. A feature with a yearly
ledger that is not in that registry appends a builder ``(desk, year) -> Ledger | None`` to
``YEARLY_LEDGERS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from dutydesk.desk import Desk
from dutydesk.reports.archive_ledgers import lookup_register_ledger, year_catalogue_ledger
from dutydesk.reports.ledger import Ledger, write_ledger
from dutydesk.reports.ledger.masking import masked_ledger
from dutydesk.store.archive.year_filing import archive_dir
from dutydesk.store.search_index import SOURCES

YEARLY_LEDGERS: list[Callable[[Desk, int], Ledger | None]] = []


def _safe(name: str) -> str:
    return "".join("_" if c in '\\/:*?"<>|' else c for c in name)


def year_ledgers(desk: Desk, year: int) -> list[tuple[str, Callable[[], Ledger]]]:
    """(file name, builder) of everything filed for a year, built lazily one by one."""
    from dutydesk.reports.ledgers import LEDGERS, Period

    center = desk.center_name()
    out: list[tuple[str, Callable[[], Ledger]]] = []
    whole = Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    for spec in LEDGERS.values():
        periods = [Period.month(year, m) for m in range(1, 13)] if spec.monthly else [whole]
        for period in periods:
            out.append((spec.file_name(center, period, "xlsx"),
                        lambda s=spec, p=period: s.make(desk, p)))
    for make in YEARLY_LEDGERS:
        out.append(("", lambda m=make: m(desk, year)))
    today = desk.today()
    for source in SOURCES.values():
        out.append((f"{year}年{source.label}档案目录.xlsx",
                    lambda s=source: year_catalogue_ledger(year, s.kind, s.label, today)))
    out.append((f"{year}年档案查阅登记簿.xlsx",
                lambda: lookup_register_ledger(dt.date(year, 1, 1), dt.date(year, 12, 31), today)))
    return out


def write_year_archive(desk: Desk, year: int,
                       progress: Callable[[int, int], None] | None = None) -> tuple[Path, list[str]]:
    """Write the year's files (each atomically); returns the folder and the file names."""
    folder = archive_dir(desk.folder.path, year)
    items = year_ledgers(desk, year)
    written: list[str] = []
    for index, (name, build) in enumerate(items):
        if progress:
            progress(index, len(items))
        ledger = build()
        if ledger is None:
            continue
        ledger = masked_ledger(ledger)  # a filed archive is read by many: never a full number (V09, A05)
        path = write_ledger(ledger, folder / _safe(name or f"{ledger.title}.xlsx"), "xlsx")
        written.append(path.name)
    if progress:
        progress(len(items), len(items))
    return folder, written


def file_year(desk: Desk, year: int, progress: Callable[[int, int], None] | None = None):
    """Check, write the archive, then close the year (A04); a failure leaves the year open."""
    from dutydesk.store.archive.year_filing import check_can_close, close_year

    check_can_close(desk.account, year, desk.today())
    folder, written = write_year_archive(desk, year, progress)
    return close_year(desk.account, year, folder, written, desk.now())
