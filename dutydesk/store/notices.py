"""One-time notices as they were given: what was told, when, by whom, from which item version (N06).

Making a person come back because something was not told is an accountability offence, so the
notice keeps the exact catalogue version (never the current one), the missing materials and
the reason as printed. A notice is never edited; a wrong one is voided with a reason.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.catalogue import CatalogueError, Material, Outcome, Tick, decide
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.placeholders import unfilled_message
from dutydesk.domain.settings import declare
from dutydesk.store import audit, slip_numbers
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.catalogue import CatalogueVersion
from dutydesk.store.residents import Resident
from dutydesk.store.settings import get_setting
from dutydesk.store.visits import Visit, pending_proxy_visits

NOTICE_PREFIX = declare("notice.ref_prefix", "GZ", "一次性告知单编号前缀", "N06")
CHANNELS = ("书面", "电话")  # N05: in writing except for phone inquiries


class NoticeRecord(BaseModel, VoidableMixin):
    ref = CharField(unique=True)
    visit = ForeignKeyField(Visit, null=True, backref="notices")
    resident = ForeignKeyField(Resident, null=True, backref="notices")
    person_name = CharField()
    person_phone = CharField(default="")
    item_version = ForeignKeyField(CatalogueVersion, backref="notices")
    outcome = CharField()
    missing = TextField(default="[]")  # JSON list of materials as printed
    received = TextField(default="[]")  # JSON list of ticks as handed over
    reason = TextField(default="")
    channel = CharField()
    told_at = DateTimeField()
    told_by = CharField()
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def missing_materials(self) -> list[Material]:
        return [Material(**m) for m in json.loads(self.missing)]

    @property
    def received_ticks(self) -> list[Tick]:
        return [Tick(Material(**t["material"]), True, t["pages"]) for t in json.loads(self.received)]


class NoticeInvalid(FieldErrors):
    """What is wrong with a notice, per form field (Chinese messages shown beside the inputs)."""


@dataclass
class ChecklistEntry:
    """What the desk collected for one item: who, the ticks, eligibility (N01-N04)."""

    version: CatalogueVersion
    person_name: str
    ticks: list[Tick]
    person_phone: str = ""
    eligible: bool = True
    reason: str = ""
    visit_id: int | None = None
    resident_id: int | None = None
    channel: str = "书面"


def ticks_json(ticks: list[Tick]) -> str:
    return json.dumps(
        [{"material": vars(t.material), "pages": t.pages} for t in ticks if t.received], ensure_ascii=False
    )


def check_entry(entry: ChecklistEntry) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not entry.person_name.strip():
        errors["person_name"] = "请填写群众姓名"
    if not entry.eligible and not entry.reason.strip():
        errors["reason"] = "不符合条件时必须写明原因"
    if entry.channel not in CHANNELS:
        errors["channel"] = "告知方式应为书面或电话"
    unfilled = unfilled_message(entry.version.item)
    if unfilled:
        errors["item"] = unfilled  # N05: the notice is written, and paper never shows a template blank
    for tick in entry.ticks:
        if tick.received and tick.pages <= 0:
            errors["pages"] = f"请填写“{tick.material.name}”的页数"
            break
    return errors


def record_notice(entry: ChecklistEntry, who: str, at: dt.datetime) -> NoticeRecord:
    """Keep what was told (N06) with its own number, in one transaction."""
    errors = check_entry(entry)
    if errors:
        raise NoticeInvalid(errors)
    try:
        result = decide(entry.version.item, entry.ticks, entry.eligible, entry.reason)
    except CatalogueError as exc:
        raise NoticeInvalid({"reason": str(exc)}) from None
    with database.atomic():
        ref = slip_numbers.next_number(str(get_setting(NOTICE_PREFIX, at.date())), at.year)
        return audit.create(
            NoticeRecord, who, at,
            ref=ref, visit=entry.visit_id, resident=entry.resident_id, person_name=entry.person_name.strip(),
            person_phone=entry.person_phone.strip(), item_version=entry.version, outcome=result.outcome.value,
            missing=json.dumps([vars(m) for m in result.missing], ensure_ascii=False),
            received=ticks_json(list(result.received)), reason=result.reason, channel=entry.channel,
            told_at=at, told_by=who, created_at=at, created_by=who,
        )


def notice_outcome(notice: NoticeRecord) -> Outcome:
    return Outcome(notice.outcome)


def notices_for_visit(visit_id: int) -> list[NoticeRecord]:
    return list(NoticeRecord.select().where((NoticeRecord.visit == visit_id) & NoticeRecord.voided_at.is_null())
                .order_by(NoticeRecord.id))


def notice_by_ref(ref: str) -> NoticeRecord | None:
    return NoticeRecord.get_or_none(NoticeRecord.ref == ref)


def visits_to_serve(today: dt.date) -> list[Visit]:
    """Visits the checklist can start from: today's, plus older ones handed to 代办 and not taken up."""
    start = dt.datetime.combine(today, dt.time.min)
    todays = list(Visit.select().where((Visit.received_at >= start) & Visit.voided_at.is_null())
                  .order_by(Visit.received_at.desc()))
    seen = {v.id for v in todays}
    return todays + [v for v in reversed(pending_proxy_visits()) if v.id not in seen]
