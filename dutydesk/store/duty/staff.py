"""The staff register (人员): who may sit at the desk, their phones and duties (D03, D04, D12).

Phone changes are kept with their date (D12: a changed number is reported within 24 hours);
deactivating sets ``active_to`` and keeps every past roster and tally intact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.phone import PhoneError, parse_mobile
from dutydesk.domain.staff import (
    COMMITTEE_ROLES,
    PHONE_REPORT_HOURS,
    ROTATION_MODES,
    STAFF_ROLES,
    default_rotation,
    phone_reported_late,
)
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.settings import get_setting

if TYPE_CHECKING:
    from dutydesk.domain.roster import Candidate


class Staff(BaseModel, VoidableMixin):
    name = CharField()
    role = CharField()
    mobile = CharField()
    duties = TextField(default="")
    rotation = CharField(default="all")
    active_from = DateField()
    active_to = DateField(null=True)
    created_at = DateTimeField()

    def active_on(self, day: dt.date) -> bool:
        return self.voided_at is None and self.active_from <= day and (
            self.active_to is None or day <= self.active_to)

    def candidate(self) -> Candidate:
        from dutydesk.domain.roster import Candidate  # the roster's planning only (issue 17)

        return Candidate(self.id, self.name, self.rotation, self.role in COMMITTEE_ROLES,
                         self.active_from, self.active_to)


class StaffPhone(BaseModel):
    staff = ForeignKeyField(Staff, backref="phones")
    mobile = CharField()
    effective_from = DateField()
    recorded_at = DateTimeField()  # when the desk was told (D12)
    recorded_by = CharField()
    changed_at = DateTimeField(null=True)  # when the number actually changed, if known (D12)


class StaffError(FieldErrors):
    """Bad staff input: ``errors`` maps field name to a Chinese message."""


@dataclass(eq=False, repr=False)  # never compared or printed: less to compile at start (issue 17)
class StaffInput:
    """A person's particulars as typed in the 人员 form, before they are checked."""
    name: str
    role: str
    mobile: str
    duties: str = ""
    rotation: str = ""
    active_from: dt.date | None = None
    active_to: dt.date | None = None
    phone_changed_at: dt.datetime | None = None  # D12: when a new number took effect


def validate_staff(data: StaffInput, exclude_id: int | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    data.name = normalize_text(data.name)  # V09: one spelling, so the same-name check holds
    data.duties = normalize_text(data.duties, multiline=True)
    if not data.name.strip():
        errors["name"] = "请填写姓名"
    elif Staff.select().where((Staff.name == data.name.strip()) & Staff.voided_at.is_null()
                              & (Staff.id != (exclude_id or 0))).exists():
        errors["name"] = f"已有同名人员“{data.name.strip()}”，请加以区分（如 张伟(二组)）"
    if data.role not in STAFF_ROLES:
        errors["role"] = "请选择职务"
    try:
        data.mobile = parse_mobile(data.mobile)
    except PhoneError as exc:
        errors["mobile"] = str(exc)
    if data.rotation and data.rotation not in ROTATION_MODES:
        errors["rotation"] = "请选择轮值方式"
    if data.active_from and data.active_to and data.active_to < data.active_from:
        errors["active_to"] = "停用日期不能早于启用日期"
    return errors


def add_staff(data: StaffInput, who: str, at: dt.datetime) -> Staff:
    errors = validate_staff(data)
    if errors:
        raise StaffError(errors)
    start = data.active_from or at.date()
    with database.atomic():
        staff = audit.create(
            Staff, who, at, name=data.name.strip(), role=data.role, mobile=data.mobile,
            duties=data.duties.strip(), rotation=data.rotation or default_rotation(data.role),
            active_from=start, active_to=data.active_to, created_at=at,
        )
        StaffPhone.create(staff=staff, mobile=data.mobile, effective_from=start,
                          recorded_at=at, recorded_by=who)
    return staff


def update_staff(staff: Staff, data: StaffInput, who: str, at: dt.datetime) -> Staff:
    """Change role, duties, rotation; a new mobile goes through ``change_phone`` (D12 history)."""
    errors = validate_staff(data, exclude_id=staff.id)
    if errors:
        raise StaffError(errors)
    with database.atomic():
        if data.mobile != staff.mobile:
            changed = data.phone_changed_at
            change_phone(staff, data.mobile, changed.date() if changed else at.date(), who, at, changed)
        audit.update(staff, who, at, name=data.name.strip(), role=data.role, duties=data.duties.strip(),
                     rotation=data.rotation or staff.rotation, active_to=data.active_to)
    return staff


def change_phone(staff: Staff, raw: str, effective_from: dt.date, who: str, at: dt.datetime,
                 changed_at: dt.datetime | None = None) -> Staff:
    """D12: record the new number with the day it applies; the old one stays in the history.

    ``changed_at`` is when the number really changed; reported more than 24 hours later
    (``PHONE_REPORT_HOURS``) the change is flagged as reported late (``reported_late``).
    """
    try:
        mobile = parse_mobile(raw)
    except PhoneError as exc:
        raise StaffError({"mobile": str(exc)}) from None
    if changed_at is not None and changed_at > at:
        raise StaffError({"phone_changed_at": "换号时间不能晚于现在"})
    with database.atomic():
        StaffPhone.create(staff=staff, mobile=mobile, effective_from=effective_from,
                          recorded_at=at, recorded_by=who, changed_at=changed_at)
        audit.update(staff, who, at, reason="手机号变更", mobile=mobile)
    return staff


def phone_history(staff: Staff) -> list[StaffPhone]:
    return list(staff.phones.order_by(StaffPhone.effective_from, StaffPhone.id))


def reported_late(phone: StaffPhone) -> bool:
    """D12: the change was reported to the desk later than the hours the setting allows."""
    return bool(late_report_text(phone))


def late_report_text(phone: StaffPhone) -> str:
    """D12: the flag staff see on a late-reported change ("" when reported in time or unknown)."""
    hours = int(get_setting(PHONE_REPORT_HOURS, phone.recorded_at.date()))
    late = phone_reported_late(phone.changed_at, phone.recorded_at, hours)
    return f"超过{hours}小时才报告，迟报" if late else ""


def phone_on(staff: Staff, day: dt.date) -> str:
    row = (staff.phones.where(StaffPhone.effective_from <= day)
           .order_by(StaffPhone.effective_from.desc(), StaffPhone.id.desc()).first())
    return row.mobile if row else staff.mobile


def deactivate(staff: Staff, last_day: dt.date, who: str, at: dt.datetime) -> Staff:
    """Stop someone from taking duty after ``last_day``; nothing about them is deleted."""
    if last_day < staff.active_from:
        raise StaffError({"active_to": "停用日期不能早于启用日期"})
    return audit.update(staff, who, at, reason="停用", active_to=last_day)


def all_staff() -> list[Staff]:
    return list(Staff.select().where(Staff.voided_at.is_null()).order_by(Staff.id))


def active_staff(day: dt.date) -> list[Staff]:
    return [s for s in all_staff() if s.active_on(day)]


def staff_by_name(name: str) -> Staff | None:
    return Staff.select().where((Staff.name == name.strip()) & Staff.voided_at.is_null()).first()
