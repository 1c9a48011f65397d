"""The center profile row (one per data folder)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from peewee import CharField, DateTimeField

from dutydesk.domain.center import CenterProfile
from dutydesk.store import audit
from dutydesk.store.base import BaseModel


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


def load_center() -> CenterProfile | None:
    record = CenterRecord.select().order_by(CenterRecord.id).first()
    return record.to_profile() if record else None


def save_center(profile: CenterProfile, who: str, at: dt.datetime) -> None:
    """Create the profile, or update it keeping the old values in the audit trail."""
    values = dataclasses.asdict(profile)
    record = CenterRecord.select().order_by(CenterRecord.id).first()
    if record is None:
        audit.create(CenterRecord, who, at, updated_at=at, **values)
    else:
        audit.update(record, who, at, updated_at=at, **values)
