"""Residents: one record per person the desk serves, recognised by ID number or phone.

Staff find people by typing a phone number, an ID, a name or its pinyin initials, so the name's
initials are computed once at write time and stored in an indexed column; all lookups are
prefix range queries on indexes (never ``LIKE '%…'``), which stay fast with a million rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.idcard import IdNumberError, parse_id_number
from dutydesk.domain.name_initials import initials_variants
from dutydesk.domain.personal_numbers import name_number_error
from dutydesk.domain.phone import PhoneError, parse_phone
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database

TAGS = ("低保户", "残疾人", "孤寡老人", "留守儿童", "信访重点户", "五保户", "退役军人", "困难户")

def name_initials(name: str) -> str:
    """Pinyin initials of every reading of the name, space-separated, usual reading first:
    张三 -> ``zs``, 朝阳 -> ``cy zy`` (``domain.name_initials``). Stored in ``Resident.name_initials``
    (the index the lookup scans) and put in search keys, so any reading's initials find the person.
    """
    return " ".join(initials_variants(name))


def prefix_upper(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix`` (for range scans)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


class Resident(BaseModel, VoidableMixin):
    name = CharField()
    name_initials = CharField()
    gender = CharField(null=True)
    id_number = CharField(null=True)
    birth_date = DateField(null=True)
    village_group = CharField(default="")
    address = CharField(default="")
    tags = CharField(default="")  # comma separated, from TAGS or free text
    note = TextField(default="")
    merged_into = ForeignKeyField("self", null=True, backref="merged_from", column_name="merged_into_id")
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def tag_list(self) -> list[str]:
        return [t for t in self.tags.split(",") if t]

    def phones(self) -> list[str]:
        return [p.phone for p in self.phone_rows.order_by(ResidentPhone.id)]

    @property
    def masked_id(self) -> str:
        """V09: only the region prefix and the last four are shown in lists."""
        if not self.id_number:
            return ""
        return self.id_number[:6] + "*" * 8 + self.id_number[-4:]


class ResidentPhone(BaseModel):
    resident = ForeignKeyField(Resident, backref="phone_rows")
    phone = CharField()
    created_at = DateTimeField()


class ResidentInvalid(FieldErrors):
    """Bad resident fields: ``errors`` maps field name to a Chinese message."""


class DuplicateResident(ValueError):
    """A new record would share an ID number or a phone with existing residents."""

    def __init__(self, matches: list[Resident], by_id: bool) -> None:
        names = "、".join(r.name for r in matches)
        what = "身份证号码" if by_id else "电话"
        super().__init__(f"已有相同{what}的群众记录：{names}")
        self.matches = matches
        self.by_id = by_id


@dataclass
class ResidentData:
    """What the form collects for a person; validated by ``clean``."""

    name: str
    id_number: str = ""
    phones: list[str] = field(default_factory=list)
    gender: str = ""
    village_group: str = ""
    address: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = ""


def clean(data: ResidentData, today: dt.date) -> dict:
    """Validate and normalise; raise ResidentInvalid with a message per bad field."""
    errors: dict[str, str] = {}
    # V09: typed, scanned or imported, text is checked and stored in one normal form.
    tags = [normalize_text(t) for t in data.tags]
    values: dict = {
        "name": normalize_text(data.name),
        "village_group": normalize_text(data.village_group),
        "address": normalize_text(data.address),
        "tags": ",".join(t for t in tags if t),
        "note": normalize_text(data.note, multiline=True),
        "gender": data.gender or None,
        "id_number": None,
        "birth_date": None,
    }
    if not values["name"]:
        errors["name"] = "请填写姓名"
    elif name_error := name_number_error(values["name"]):
        errors["name"] = name_error
    if normalize_text(data.id_number):
        try:
            parsed = parse_id_number(data.id_number, today)
        except IdNumberError as exc:
            errors["id_number"] = str(exc)
        else:
            values.update(id_number=parsed.number, birth_date=parsed.birth_date, gender=parsed.gender)
    phones: list[str] = []
    for raw in data.phones:
        if not normalize_text(raw):
            continue
        try:
            phone = parse_phone(raw)
        except PhoneError as exc:
            errors["phones"] = str(exc)
        else:
            if phone not in phones:
                phones.append(phone)
    values["phones"] = phones
    if errors:
        raise ResidentInvalid(errors)
    values["name_initials"] = name_initials(values["name"])
    return values


def active() -> object:
    """The peewee condition for residents shown anywhere: not voided, not merged away."""
    return Resident.voided_at.is_null() & Resident.merged_into.is_null()


def find_duplicates(id_number: str | None, phones: Iterable[str], exclude: int | None = None
                    ) -> tuple[list[Resident], list[Resident]]:
    """Residents sharing the ID number, and residents sharing a phone (each list without ``exclude``)."""
    by_id: list[Resident] = []
    if id_number:
        query = Resident.select().where(active() & (Resident.id_number == id_number))
        by_id = [r for r in query if r.id != exclude]
    phones = list(phones)
    by_phone: list[Resident] = []
    if phones:
        query = (Resident.select().join(ResidentPhone)
                 .where(active() & ResidentPhone.phone.in_(phones)).distinct())
        by_phone = [r for r in query if r.id != exclude and r not in by_id]
    return by_id, by_phone


def create_resident(data: ResidentData, who: str, at: dt.datetime,
                    allow_shared_phone: bool = False) -> Resident:
    """Register a person. The same ID twice is always refused (it is the same person: use the
    existing record); a shared phone is refused unless confirmed, since families share phones."""
    values = clean(data, at.date())
    phones = values.pop("phones")
    by_id, by_phone = find_duplicates(values["id_number"], phones)
    if by_id:
        raise DuplicateResident(by_id, by_id=True)
    if by_phone and not allow_shared_phone:
        raise DuplicateResident(by_phone, by_id=False)
    with database.atomic():
        resident = audit.create(Resident, who, at, created_at=at, created_by=who, **values)
        for phone in phones:
            audit.create(ResidentPhone, who, at, resident=resident, phone=phone, created_at=at)
    return resident


def update_resident(resident: Resident, data: ResidentData, who: str, at: dt.datetime,
                    reason: str = "") -> Resident:
    """Correct a person's record; every changed field keeps its old value in the audit trail."""
    values = clean(data, at.date())
    phones = values.pop("phones")
    by_id, _ = find_duplicates(values["id_number"], [], exclude=resident.id)
    if by_id:
        raise DuplicateResident(by_id, by_id=True)
    with database.atomic():
        audit.update(resident, who, at, reason=reason or None, **values)
        add_phones(resident, phones, who, at)
    return resident


def add_phones(resident: Resident, phones: Iterable[str], who: str, at: dt.datetime) -> None:
    known = set(resident.phones())
    for phone in phones:
        if phone not in known:
            audit.create(ResidentPhone, who, at, resident=resident, phone=phone, created_at=at)
            known.add(phone)


def resident_by_id(resident_id: int) -> Resident | None:
    return Resident.get_or_none(Resident.id == resident_id)
