"""A village (or community) registered at the township: by its first bundle, with the key that
signs its bundles. Its fingerprint is confirmed once by the clerk; every later bundle must be
signed by the same key, so a stick from anyone else is refused."""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateTimeField, TextField

from dutydesk.store import audit
from dutydesk.township.township_database import TownshipModel


class Village(TownshipModel):
    code = CharField(unique=True)  # 12-digit statistical division code
    name = CharField()
    public_key = TextField()
    fingerprint = CharField()
    registered_at = DateTimeField()
    confirmed_by = CharField()


def village_by_code(code: str) -> Village | None:
    return Village.get_or_none(Village.code == code)


def registered_villages() -> list[Village]:
    return list(Village.select().order_by(Village.code))


def register_village(code: str, name: str, public_key: str, fingerprint: str, who: str,
                     at: dt.datetime) -> Village:
    """Register a village from its first bundle, the fingerprint confirmed by ``who`` (audited)."""
    return audit.create(Village, who, at, code=code, name=name, public_key=public_key,
                        fingerprint=fingerprint, registered_at=at, confirmed_by=who)


def rename_village(village: Village, name: str, who: str, at: dt.datetime) -> Village:
    """A center renamed at the village: the township follows, the old name in the audit trail."""
    return audit.update(village, who, at, reason="数据包中的中心名称已变", name=name)
