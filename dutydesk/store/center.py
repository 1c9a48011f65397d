"""The center profile row (one per data folder)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from peewee import CharField, DateTimeField

from dutydesk.domain.center import CenterProfile
from dutydesk.store import audit
from dutydesk.store.base import BaseModel, database
from dutydesk.store.settings import change_state


class CenterRecord(BaseModel):
    name = CharField()
    township = CharField()
    address = CharField()
    public_phone = CharField()
    supervision_phone = CharField()
    kind = CharField(default="village")
    division_code = CharField(default="")  # m0049
    updated_at = DateTimeField()

    class Meta:
        table_name = "center_profile"

    def to_profile(self) -> CenterProfile:
        return CenterProfile(
            self.name, self.township, self.address,
            self.public_phone, self.supervision_phone, self.kind, self.division_code or "",
        )


# Issue 17: the start asked for the profile four times before the first paint (the first run's
# check, the window's title, the duty settings...); it is read once per change of the books, as the
# settings are (``store.settings.change_state``), and each caller gets its own copy.
_read: dict[str, tuple[tuple, CenterProfile | None]] = {}


def load_center() -> CenterProfile | None:
    state = change_state(database.connection())
    cached = _read.get("last")
    if state is not None and cached is not None and cached[0][0] is state[0] and cached[0][1:] == state[1:]:
        profile = cached[1]
    else:
        record = CenterRecord.select().order_by(CenterRecord.id).first()
        profile = record.to_profile() if record else None
        if state is not None:
            _read["last"] = (state, profile)
    return dataclasses.replace(profile) if profile is not None else None


def save_center(profile: CenterProfile, who: str, at: dt.datetime) -> None:
    """Create the profile, or update it keeping the old values in the audit trail."""
    values = dataclasses.asdict(profile)
    record = CenterRecord.select().order_by(CenterRecord.id).first()
    if record is None:
        audit.create(CenterRecord, who, at, updated_at=at, **values)
    else:
        audit.update(record, who, at, updated_at=at, **values)
