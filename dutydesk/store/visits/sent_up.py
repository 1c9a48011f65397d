"""Matters sent up for a higher level's approval, and the person told when and for how long (V04).

``record_sent_up`` keeps the day the matter went up, the level, the usual time the higher level
takes and how the person was told; it stops the deadline clock with the existing 等待上级审批 pause
when the matter is not already paused (a proxy case handed to the township pauses it itself).
The short note the person takes home is ``reports.sent_up_note``.
"""

from __future__ import annotations

import datetime as dt
import json

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField

from dutydesk.domain import higher_approval as rules
from dutydesk.domain.catalogue import ServiceItem
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.text_input import normalize_text
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.settings import get_setting
from dutydesk.store.visits import visit_progress
from dutydesk.store.visits.visit import Visit

APPROVAL = "approval"  # visit_rules.PAUSE_CAUSES key: 等待上级审批


class SentUp(BaseModel, VoidableMixin):
    visit = ForeignKeyField(Visit, backref="sent_ups")
    sent_on = DateField()
    level = CharField()  # rules.LEVELS
    unit = CharField(default="")  # e.g. 镇民政办
    usual_days = IntegerField()
    told_at = DateTimeField()
    told_method = CharField()  # rules.TOLD_METHODS
    told_by = CharField()
    created_at = DateTimeField()
    created_by = CharField()


class SentUpInvalid(FieldErrors):
    """A sent-up record that breaks V04; field -> Chinese message."""


def usual_days_for(visit: Visit, on: dt.date) -> int:
    """V04: the item's own time limit when the matter is a proxy case of a catalogue item with one,
    otherwise the default setting."""
    for case in visit.proxy_cases:
        if case.voided_at is None:
            item = ServiceItem.from_dict(json.loads(case.item_version.data))
            if item.time_limit_days:
                return int(item.time_limit_days)
    return int(get_setting(rules.USUAL_DAYS, on))


def record_sent_up(visit: Visit, sent_on: dt.date, level: str, unit: str, usual_days: int, told_method: str,
                   who: str, at: dt.datetime, calendar: WorkdayCalendar) -> SentUp:
    """V04: the matter went up on ``sent_on`` (before the promise ran out) and the person was told
    the date and the usual time; the wait is paused from that day."""
    errors: dict[str, str] = {}
    if visit.voided_at is not None or visit.closed_at is not None:
        errors["visit"] = "该事项已作废或已关闭"
    deadline = visit_progress.effective_deadline_of(visit, calendar, at.date())
    errors.update(rules.sent_up_errors(sent_on, deadline, at.date(), level, usual_days, told_method))
    if errors:
        raise SentUpInvalid(errors)
    with database.atomic():
        row = audit.create(SentUp, who, at, visit=visit, sent_on=sent_on, level=level,
                           unit=normalize_text(unit), usual_days=usual_days, told_at=at, told_method=told_method,
                           told_by=who, created_at=at, created_by=who)
        if visit.deadline is not None and visit_progress.open_pause(visit) is None:
            visit_progress.start_pause(visit, APPROVAL, sent_on, who, at,
                                       note=f"已报送{level}{row.unit}审批，等待期间不计入办理时限")
        visit_progress.add_followup(
            visit, f"已告知群众（{told_method}）：" + told_text(row, calendar), who, at)
    return row


def told_text(row: SentUp, calendar: WorkdayCalendar) -> str:
    level = f"{row.level}{row.unit}" if row.unit else row.level
    return rules.told_text(row.sent_on, level, row.usual_days,
                           rules.expected_reply(calendar, row.sent_on, row.usual_days))


def sent_ups_of(visit: Visit) -> list[SentUp]:
    return list(visit.sent_ups.where(SentUp.voided_at.is_null()).order_by(SentUp.sent_on, SentUp.id))


def note_fields(row: SentUp, calendar: WorkdayCalendar) -> dict[str, object]:
    """What the printed note (``reports.sent_up_note``) shows, from the store."""
    visit = row.visit
    return {"ref": visit.ref, "person_name": visit.person_name, "request": visit.request, "sent_on": row.sent_on,
            "level": f"{row.level}{row.unit}" if row.unit else row.level, "usual_days": row.usual_days,
            "expected": rules.expected_reply(calendar, row.sent_on, row.usual_days),
            "told_text": told_text(row, calendar), "handler": row.told_by, "day": row.told_at.date()}
