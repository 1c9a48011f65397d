"""The whereabouts board (去向): where each cadre is now, updated by anyone with a time stamp (D04, D07)."""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.attendance import WHEREABOUTS
from dutydesk.store.base import BaseModel
from dutydesk.store.duty.staff import Staff


class Whereabouts(BaseModel):
    """Append-only: each update is a new row, so the board's history is kept."""

    staff = ForeignKeyField(Staff)
    status = CharField()
    note = TextField(default="")
    at = DateTimeField()
    recorded_by = CharField()


def set_whereabouts(staff: Staff, status: str, note: str, who: str, at: dt.datetime) -> Whereabouts:
    if status not in WHEREABOUTS:
        raise ValueError("请选择去向")
    return Whereabouts.create(staff=staff, status=status, note=note.strip(), at=at, recorded_by=who)


def current_whereabouts(at: dt.datetime) -> dict[int, Whereabouts]:
    """The newest entry per staff member up to ``at``."""
    from peewee import fn

    newest = (Whereabouts.select(fn.MAX(Whereabouts.id)).where(Whereabouts.at <= at)
              .group_by(Whereabouts.staff))
    return {row.staff_id: row for row in Whereabouts.select().where(Whereabouts.id.in_(newest))}
