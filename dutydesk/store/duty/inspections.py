"""Unannounced inspections and verified complaints (D15): each is a finding in the tally (D14)."""

from __future__ import annotations

import datetime as dt

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.labels import FINDING_KINDS
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.duty.staff import Staff

KINDS = FINDING_KINDS


class DutyFinding(BaseModel, VoidableMixin):
    kind = CharField()  # inspection / complaint
    found_at = DateTimeField()  # when the inspection found them, or when the complained-of event happened
    staff = ForeignKeyField(Staff)
    inspector = CharField()  # who inspected, or who verified the complaint
    by_county = BooleanField(default=False)  # found by the county organisation department (D14: doubled)
    detail = TextField(default="")
    recorded_at = DateTimeField()
    recorded_by = CharField()


class FindingError(FieldErrors):
    """An inspection finding that cannot be recorded, per form field."""


def record_inspection(at: dt.datetime, inspector: str, off_post: list[Staff], by_county: bool,
                      detail: str, who: str, now: dt.datetime) -> list[DutyFinding]:
    """D15: an inspection and who it found off post; all rows in one transaction."""
    errors = {}
    if not inspector.strip():
        errors["inspector"] = "请填写检查人或检查单位"
    if at > now:
        errors["at"] = "检查时间不能晚于现在"
    if errors:
        raise FindingError(errors)
    with database.atomic():
        rows = [audit.create(DutyFinding, who, now, kind="inspection", found_at=at, staff=s,
                             inspector=inspector.strip(),
                             by_county=by_county, detail=detail.strip(), recorded_at=now, recorded_by=who)
                for s in off_post]
        if not off_post:
            from dutydesk.store.duty.handover import add_note

            add_note(at, "督查", f"{inspector.strip()}检查，在岗情况良好。{detail.strip()}", who, now)
    return rows


def record_complaint(at: dt.datetime, staff: Staff | None, verified_by: str, detail: str, by_county: bool,
                     who: str, now: dt.datetime) -> DutyFinding:
    """D15: a complaint on the supervision phone that was verified is a finding."""
    errors = {}
    if staff is None:
        errors["staff"] = "请选择被投诉人员"
    if not verified_by.strip():
        errors["inspector"] = "请填写核实人"
    if not detail.strip():
        errors["detail"] = "请填写投诉内容及核实情况"
    if errors:
        raise FindingError(errors)
    return audit.create(DutyFinding, who, now, kind="complaint", found_at=at, staff=staff,
                        inspector=verified_by.strip(),
                        by_county=by_county, detail=detail.strip(), recorded_at=now, recorded_by=who)


def findings_between(start: dt.datetime, end: dt.datetime) -> list[DutyFinding]:
    return list(DutyFinding.select(DutyFinding, Staff).join(Staff)
                .where(DutyFinding.voided_at.is_null() & (DutyFinding.found_at >= start) & (DutyFinding.found_at < end))
                .order_by(DutyFinding.found_at))
