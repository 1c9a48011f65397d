"""Areas (网格 / 片区): the village divided among cadres, each area owned by one cadre with a
covering partner (seed 001: each two cadres know each other's area).

When the owner's whereabouts say 请假 or 公出, the partner is shown as responsible.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel
from dutydesk.store.duty.staff import Staff
from dutydesk.store.duty.whereabouts import current_whereabouts

# G01: away statuses (domain.attendance.WHEREABOUTS) that hand the area to the partner.
AWAY = ("请假", "公出")


class Area(BaseModel, VoidableMixin):
    name = CharField()
    owner = ForeignKeyField(Staff, backref="owned_areas")
    partner = ForeignKeyField(Staff, null=True, backref="covered_areas")
    scope = CharField(default="")  # which groups / streets the area covers, as the village says it
    note = TextField(default="")
    created_at = DateTimeField()
    created_by = CharField()


class AreaInvalid(FieldErrors):
    """Bad area fields: ``errors`` maps field name to a Chinese message."""


@dataclass
class AreaDraft:
    name: str
    owner_id: int | None
    partner_id: int | None = None
    scope: str = ""
    note: str = ""


def _check(draft: AreaDraft, exclude_id: int | None = None) -> dict:
    errors: dict[str, str] = {}
    values = {"name": normalize_text(draft.name), "scope": normalize_text(draft.scope),
              "note": normalize_text(draft.note, multiline=True)}
    if not values["name"]:
        errors["name"] = "请填写片区名称"
    else:
        same = Area.select().where((Area.name == values["name"]) & Area.voided_at.is_null())
        if exclude_id is not None:
            same = same.where(Area.id != exclude_id)
        if same.exists():
            errors["name"] = "已有同名片区"
    if draft.owner_id is None:
        errors["owner"] = "请选择片区责任人"
    if draft.partner_id is not None and draft.partner_id == draft.owner_id:
        errors["partner"] = "交叉负责人不能与责任人相同"
    if errors:
        raise AreaInvalid(errors)
    return values | {"owner": draft.owner_id, "partner": draft.partner_id}


def create_area(draft: AreaDraft, who: str, at: dt.datetime) -> Area:
    return audit.create(Area, who, at, created_at=at, created_by=who, **_check(draft))


def change_area(area: Area, draft: AreaDraft, who: str, at: dt.datetime, reason: str = "") -> Area:
    """A new owner or partner is an audited change: the old one stays in the history (A03)."""
    return audit.update(area, who, at, reason=reason or None, **_check(draft, exclude_id=area.id))


def areas() -> list[Area]:
    return list(Area.select().where(Area.voided_at.is_null()).order_by(Area.name, Area.id))


def areas_of(staff: Staff) -> list[Area]:
    """The areas a cadre owns (their 责任片)."""
    return list(Area.select().where((Area.owner == staff) & Area.voided_at.is_null()).order_by(Area.name))


@dataclass(frozen=True)
class Responsible:
    staff: Staff | None
    covering: bool  # True when the partner stands in for an owner on leave or away on business
    owner_status: str = ""  # the owner's whereabouts, when that is why the partner covers


def responsible(area: Area, at: dt.datetime) -> Responsible:
    """G01: who answers for an area now: the owner, or the partner while the owner is away."""
    status = current_whereabouts(at).get(area.owner_id)
    if status is not None and status.status in AWAY and area.partner_id is not None:
        return Responsible(area.partner, True, status.status)
    return Responsible(area.owner, False)


def responsible_label(area: Area, at: dt.datetime) -> str:
    who = responsible(area, at)
    if who.staff is None:
        return ""
    if who.covering:
        return f"{who.staff.name}（{area.owner.name}{who.owner_status}，交叉负责）"
    return who.staff.name
