"""Numbers for 代办单 and 告知单: ``DB2026-000123``, unique per center and year, never reused.

The counter row is bumped in the same transaction that writes the slip, so a slip that is
later voided keeps its number (it stays in the books, A03) and no two desks sharing the file
can draw the same number: SQLite serialises the writers on the counter's UPDATE.
"""

from __future__ import annotations

from peewee import CharField, IntegerField

from dutydesk.domain.proxy_case import format_slip_no
from dutydesk.store.base import BaseModel, database


class SlipCounter(BaseModel):
    prefix = CharField()
    year = IntegerField()
    last = IntegerField()


def next_number(prefix: str, year: int) -> str:
    """Draw the next number; call inside the transaction that stores the slip."""
    with database.atomic():
        # Write first (the insert takes the write lock), then read: no read-then-write race.
        SlipCounter.insert(prefix=prefix, year=year, last=0).on_conflict_ignore().execute()
        SlipCounter.update(last=SlipCounter.last + 1).where(
            (SlipCounter.prefix == prefix) & (SlipCounter.year == year)
        ).execute()
        last = SlipCounter.get((SlipCounter.prefix == prefix) & (SlipCounter.year == year)).last
    return format_slip_no(prefix, year, last)


def last_number(prefix: str, year: int) -> int:
    row = SlipCounter.get_or_none((SlipCounter.prefix == prefix) & (SlipCounter.year == year))
    return row.last if row else 0
