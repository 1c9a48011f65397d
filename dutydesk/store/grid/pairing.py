"""Pairings (G04): a cadre paired with a household in difficulty (结对帮扶, visited at least
monthly) or a capable cadre mentoring a household (联系帮带, 3-5 each). Ending a pairing sets
``until`` through the audit trail; nothing is deleted."""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.grid.key_persons import DIFFICULTY_TAGS, in_difficulty
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel
from dutydesk.store.duty.staff import Staff
from dutydesk.store.grid.household import Household
from dutydesk.store.settings import get_setting

ASSISTANCE = "结对帮扶"
MENTORING = "联系帮带"
KINDS = (ASSISTANCE, MENTORING)


class Pairing(BaseModel, VoidableMixin):
    staff = ForeignKeyField(Staff, backref="pairings")
    household = ForeignKeyField(Household, backref="pairings")
    kind = CharField()  # KINDS
    since = DateField()
    until = DateField(null=True)
    note = TextField(default="")
    created_at = DateTimeField()
    created_by = CharField()

    def active_on(self, day: dt.date) -> bool:
        return self.voided_at is None and self.since <= day and (self.until is None or day <= self.until)


class PairingInvalid(FieldErrors):
    """Bad pairing fields: ``errors`` maps field name to a Chinese message."""


def pair(staff: Staff, household: Household, kind: str, since: dt.date, who: str, at: dt.datetime,
         note: str = "") -> Pairing:
    """G04: pair a cadre with a household; assistance only for a household in difficulty."""
    errors: dict[str, str] = {}
    if kind not in KINDS:
        errors["kind"] = "请选择：结对帮扶 或 联系帮带"
    elif kind == ASSISTANCE and not in_difficulty(household.tag_list, get_setting(DIFFICULTY_TAGS, since)):
        errors["household"] = "结对帮扶对象应为生活困难群众（孤寡老人、留守儿童、残疾人、病灾户、低保户、信访户等）"
    if any(p.household_id == household.id and p.kind == kind for p in pairings_of(staff, since)):
        errors["household"] = "该干部已与此户结对"
    if errors:
        raise PairingInvalid(errors)
    return audit.create(Pairing, who, at, staff=staff, household=household, kind=kind, since=since,
                        note=normalize_text(note, multiline=True), created_at=at, created_by=who)


def end_pairing(pairing: Pairing, last_day: dt.date, who: str, at: dt.datetime, reason: str) -> Pairing:
    if last_day < pairing.since:
        raise PairingInvalid({"until": "结束日期不能早于结对日期"})
    return audit.update(pairing, who, at, reason=reason, until=last_day)


def pairings_of(staff: Staff, on: dt.date, kind: str | None = None) -> list[Pairing]:
    query = Pairing.select().where((Pairing.staff == staff) & Pairing.voided_at.is_null()
                                   & (Pairing.since <= on) & (Pairing.until.is_null() | (Pairing.until >= on)))
    if kind is not None:
        query = query.where(Pairing.kind == kind)
    return list(query.order_by(Pairing.since, Pairing.id))


def pairings_of_household(household: Household, on: dt.date) -> list[Pairing]:
    """Who is paired with a household now (shown with its resident files)."""
    return list(Pairing.select().where((Pairing.household == household) & Pairing.voided_at.is_null()
                                       & (Pairing.since <= on) & (Pairing.until.is_null() | (Pairing.until >= on)))
                .order_by(Pairing.since, Pairing.id))
