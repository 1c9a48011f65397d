"""Households (户): a head, members (residents), group, address, area, key-person tags (G02), and
a short code (H0001) printed as a QR code on field sheets and typed at the desk.

A household's members are rows of ``household_member``: someone leaving is voided with a reason,
never deleted. Households number in the thousands, so lookups here may scan the table.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from peewee import JOIN, CharField, DateTimeField, ForeignKeyField, TextField, fn

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.grid.key_persons import KEY_PERSON_TAGS, split_tags
from dutydesk.domain.settings import declare
from dutydesk.domain.text_input import normalize_compact, normalize_text
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.grid.area import Area
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.residents import Resident, prefix_upper

CODE_PREFIX = declare("grid.household_code_prefix", "H", "户编码前缀（扫码和录入用）", "G02")
HEAD = "户主"
RELATIONS = (HEAD, "配偶", "子", "女", "父母", "孙子女", "兄弟姐妹", "其他")


class Household(BaseModel, VoidableMixin):
    code = CharField(unique=True)
    area = ForeignKeyField(Area, null=True, backref="households")
    head = ForeignKeyField(Resident, backref="headed_households")
    village_group = CharField(default="")
    address = CharField(default="")
    tags = CharField(default="")  # comma separated key-person tags (G02)
    note = TextField(default="")
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def tag_list(self) -> list[str]:
        return [t for t in self.tags.split(",") if t]

    @property
    def label(self) -> str:
        """How a household is named on screens: code, head, address."""
        return " ".join(p for p in (self.code, f"{self.head.name}户", self.address) if p)


class HouseholdMember(BaseModel, VoidableMixin):
    household = ForeignKeyField(Household, backref="member_rows")
    resident = ForeignKeyField(Resident, backref="household_rows")
    relation = CharField(default="")
    created_at = DateTimeField()
    created_by = CharField()


class HouseholdInvalid(FieldErrors):
    """Bad household fields: ``errors`` maps field name to a Chinese message."""


@dataclass
class HouseholdDraft:
    head_id: int | None
    area_id: int | None = None
    village_group: str = ""
    address: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = ""
    code: str = ""  # empty: the next free code


def next_code(on: dt.date) -> str:
    """The next free household code: the prefix and a four-digit number (H0001)."""
    prefix = str(get_setting(CODE_PREFIX, on))
    numbers = [int(m.group(1)) for (code,) in Household.select(Household.code).tuples()
               if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", code))]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def _clean(draft: HouseholdDraft, on: dt.date, exclude_id: int | None = None) -> dict:
    errors: dict[str, str] = {}
    tags = split_tags(",".join(normalize_text(t) for t in draft.tags))
    known = list(get_setting(KEY_PERSON_TAGS, on))
    unknown = [t for t in tags if t not in known]
    if unknown:
        errors["tags"] = f"没有这个重点人员标签：{'、'.join(unknown)}（可选：{'、'.join(known)}）"
    if draft.head_id is None or Resident.get_or_none(Resident.id == draft.head_id) is None:
        errors["head"] = "请选择户主"
    elif (Household.select().where((Household.head == draft.head_id) & Household.voided_at.is_null()
                                   & (Household.id != (exclude_id or 0))).exists()):
        errors["head"] = "此人已是另一户的户主"
    code = normalize_compact(draft.code).upper()
    if code and Household.select().where((Household.code == code) & (Household.id != (exclude_id or 0))).exists():
        errors["code"] = "户编码已被使用"
    if errors:
        raise HouseholdInvalid(errors)
    values = {"head": draft.head_id, "area": draft.area_id, "village_group": normalize_text(draft.village_group),
              "address": normalize_text(draft.address), "tags": ",".join(tags),
              "note": normalize_text(draft.note, multiline=True)}
    if code:
        values["code"] = code
    return values


def create_household(draft: HouseholdDraft, who: str, at: dt.datetime) -> Household:
    """A household with its head as its first member, in one transaction."""
    values = _clean(draft, at.date())
    values.setdefault("code", next_code(at.date()))
    with database.atomic():
        household = audit.create(Household, who, at, created_at=at, created_by=who, **values)
        audit.create(HouseholdMember, who, at, household=household, resident=draft.head_id, relation=HEAD,
                     created_at=at, created_by=who)
    return household


def change_household(household: Household, draft: HouseholdDraft, who: str, at: dt.datetime,
                     reason: str = "") -> Household:
    values = _clean(draft, at.date(), exclude_id=household.id)
    return audit.update(household, who, at, reason=reason or None, **values)


def add_member(household: Household, resident_id: int, relation: str, who: str, at: dt.datetime) -> HouseholdMember:
    if relation not in RELATIONS:
        raise HouseholdInvalid({"relation": "请选择与户主关系"})
    if any(m.resident_id == resident_id for m in members(household)):
        raise HouseholdInvalid({"resident": "此人已是本户成员"})
    return audit.create(HouseholdMember, who, at, household=household, resident=resident_id,
                        relation=relation, created_at=at, created_by=who)


def remove_member(member: HouseholdMember, who: str, at: dt.datetime, reason: str) -> HouseholdMember:
    """Someone who moved out or died: voided with the reason, the row stays (A03)."""
    if member.relation == HEAD:
        raise HouseholdInvalid({"resident": "户主不能移出，请先更换户主"})
    return audit.void(member, who, at, reason)


def members(household: Household) -> list[HouseholdMember]:
    return list(HouseholdMember.select(HouseholdMember, Resident).join(Resident)
                .where((HouseholdMember.household == household) & HouseholdMember.voided_at.is_null())
                .order_by(HouseholdMember.relation != HEAD, HouseholdMember.id))


def households(area: Area | None = None) -> list[Household]:
    """Households (of an area, or all), by code, with their heads."""
    query = (Household.select(Household, Resident).join(Resident)
             .where(Household.voided_at.is_null()).order_by(Household.code))
    if area is not None:
        query = query.where(Household.area == area)
    return list(query)


def households_without_area() -> list[Household]:
    """Households in no area yet (未划片区), by code, with their heads: read as such, not picked out
    of the whole village (issue 17)."""
    return list(Household.select(Household, Resident).join(Resident)
                .where(Household.voided_at.is_null() & Household.area.is_null()).order_by(Household.code))


def household_by_code(code: str) -> Household | None:
    code = normalize_compact(code).upper()
    return Household.get_or_none((Household.code == code) & Household.voided_at.is_null())


_CODE = re.compile(r"^[A-Za-z]{1,3}\d+$")
_LETTERS = re.compile(r"^[A-Za-z]+$")


def find_households(text: str, limit: int = 8) -> list[Household]:
    """Households matching what was typed: its code, the name or pinyin initials of its head or
    a member, or part of its address (G03: a visit is entered in seconds)."""
    text = normalize_compact(text)
    if not text:
        return []
    base = (Household.select(Household, Resident).join(Resident)
            .where(Household.voided_at.is_null()))
    found: list[Household] = []
    if _CODE.match(text):
        found += list(base.where(Household.code.startswith(text.upper())).order_by(Household.code).limit(limit))
    member = HouseholdMember.alias()
    person = Resident.alias()
    by_person = (Household.select(Household.id).join(member, on=(member.household == Household.id))
                 .join(person, on=(member.resident == person.id))
                 .where(Household.voided_at.is_null() & member.voided_at.is_null()))
    if _LETTERS.match(text):
        low = text.lower()
        by_person = by_person.where((person.name_initials >= low) & (person.name_initials < prefix_upper(low)))
    else:
        by_person = by_person.where((person.name >= text) & (person.name < prefix_upper(text)))
    ids = [h.id for h in by_person.limit(limit * 2)]
    # The head first: a household found through its head sorts before one found through a member.
    found += list(base.where(Household.id.in_(ids)).order_by(Resident.name != text, Household.code).limit(limit))
    if not _LETTERS.match(text):
        found += list(base.where(fn.instr(Household.address, text) > 0).order_by(Household.code).limit(limit))
    return list({h.id: h for h in found}.values())[:limit]


def household_counts() -> dict[int | None, int]:
    """Households per area id (None: not yet in an area)."""
    rows = (Household.select(Household.area, fn.COUNT(Household.id)).where(Household.voided_at.is_null())
            .group_by(Household.area).tuples())
    return dict(rows)


def households_of_resident(resident: Resident) -> list[Household]:
    return list(Household.select().join(HouseholdMember, JOIN.INNER)
                .where((HouseholdMember.resident == resident) & HouseholdMember.voided_at.is_null()
                       & Household.voided_at.is_null()))
