"""One-time notices as they were given: what was told, when, by whom, from which item version (N06).

Making a person come back because something was not told is an accountability offence, so the
notice keeps the exact catalogue version (never the current one), the missing materials and
the reason as printed. A notice is never edited; a wrong one is voided with a reason.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from peewee import CharField, DateTimeField, ForeignKeyField, TextField, fn

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.catalogue import CatalogueError, Material, Outcome, Tick, decide
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.personal_numbers import name_number_error
from dutydesk.domain.phone import normalize_phone
from dutydesk.domain.placeholders import unfilled_message
from dutydesk.domain.settings import declare
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.notices import slip_numbers
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.residents import Resident
from dutydesk.store.visits.visit import Visit, pending_proxy_visits

NOTICE_PREFIX = declare("notice.ref_prefix", "GZ", "一次性告知单编号前缀", "N06")
CHANNELS = ("书面", "电话")  # in writing except for phone inquiries
PHONE = "电话"
PHONE_INQUIRY = "来电"  # the visit channel of a phone inquiry (visit_rules.CHANNELS)


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


def _phone_inquiry(visit_id: int | None) -> bool:
    """N05: only a request registered as a phone call (来电) may be told by phone."""
    visit = Visit.get_or_none(Visit.id == visit_id) if visit_id is not None else None
    return visit is not None and visit.channel == PHONE_INQUIRY


def check_entry(entry: ChecklistEntry) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not entry.person_name.strip():
        errors["person_name"] = "请填写群众姓名"
    elif name_error := name_number_error(entry.person_name):
        errors["person_name"] = name_error
    if not entry.eligible and not entry.reason.strip():
        errors["reason"] = "不符合条件时必须写明原因"
    if entry.channel not in CHANNELS:
        errors["channel"] = "告知方式应为书面或电话"
    elif entry.channel == PHONE and not _phone_inquiry(entry.visit_id):
        errors["channel"] = "只有电话咨询可以电话告知，其他情况须书面告知"
    unfilled = unfilled_message(entry.version.item)
    if unfilled:
        errors["item"] = unfilled  # N05: the notice is written, and paper never shows a template blank
    for tick in entry.ticks:
        if tick.received and tick.pages <= 0:
            errors["pages"] = f"请填写“{tick.material.name}”的页数"
            break
    return errors


def record_notice(entry: ChecklistEntry, who: str, at: dt.datetime, allow_repeat: bool = False) -> NoticeRecord:
    """Keep what was told (N06) with its own number, in one transaction.

    The same notice told again for the same visit is a 补打 of the first (same number), never a
    second number: it is refused here unless ``allow_repeat`` (an acceptance after a voided case).
    """
    errors = check_entry(entry)
    if errors:
        raise NoticeInvalid(errors)
    try:
        result = decide(entry.version.item, entry.ticks, entry.eligible, entry.reason)
    except CatalogueError as exc:
        raise NoticeInvalid({"reason": str(exc)}) from None
    with database.atomic():
        same = None if allow_repeat else same_notice(entry)
        if same is not None:
            raise NoticeInvalid({"item": f"该来访已登记内容相同的告知单（编号{same.ref}），不能重复编号；"
                                         "如需再次打印，请补打"})
        ref = slip_numbers.next_number(str(get_setting(NOTICE_PREFIX, at.date())), at.year)
        return audit.create(
            NoticeRecord, who, at,
            ref=ref, visit=entry.visit_id, resident=entry.resident_id, person_name=normalize_text(entry.person_name),
            person_phone=normalize_phone(entry.person_phone), item_version=entry.version, outcome=result.outcome.value,
            missing=json.dumps([vars(m) for m in result.missing], ensure_ascii=False),
            received=ticks_json(list(result.received)), reason=result.reason, channel=entry.channel,
            told_at=at, told_by=who, created_at=at, created_by=who,
        )


def notice_matches(notice: NoticeRecord, entry: ChecklistEntry) -> bool:
    """Whether ``entry`` would print exactly what ``notice`` says (item, outcome, missing, reason, channel)."""
    try:
        result = decide(entry.version.item, entry.ticks, entry.eligible, entry.reason)
    except CatalogueError:
        return False
    return (notice.voided_at is None and notice.item_version.code == entry.version.code
            and notice.outcome == result.outcome.value and notice.missing_materials == list(result.missing)
            and notice.reason == result.reason and notice.channel == entry.channel
            and notice.person_name == entry.person_name.strip())


def same_notice(entry: ChecklistEntry) -> NoticeRecord | None:
    """The visit's notice that already says what ``entry`` would (N06: reprint it, do not renumber)."""
    if entry.visit_id is None:
        return None
    return next((n for n in notices_for_visit(entry.visit_id) if notice_matches(n, entry)), None)


def already_told(entry: ChecklistEntry, last: NoticeRecord | None) -> NoticeRecord | None:
    """The notice printing ``entry`` would repeat (so it is a 补打): the desk's ``last`` notice for the
    same visit (or the same person without a visit), else the visit's recorded one."""
    if last is not None and last.visit_id == entry.visit_id and notice_matches(last, entry):
        return last
    return same_notice(entry)


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


@dataclass(frozen=True)
class VisitChoice:
    """One visit the checklist can start from, as its list shows it (``visit_choices``)."""

    id: int
    ref: str
    person_name: str
    request: str


def visit_choices(today: dt.date) -> list[VisitChoice]:
    """``visits_to_serve`` in the same order, read as plain columns (issue 17): the list of
    一次性告知 is filled on opening, and thousands of visits waiting for 代办 (1M-visit books) took
    seconds as full models; the pending ones are found through ``visit_outcome_status`` (m0047)."""
    # Raw rows straight from the cursor (no per-row conversion): the year of the ref is the first
    # four characters of the stored time, as ``Visit.ref`` prints it.
    columns = (Visit.id, fn.substr(Visit.received_at, 1, 4), Visit.person_name, Visit.request)
    start = dt.datetime.combine(today, dt.time.min)
    todays = database.execute(Visit.select(*columns).where((Visit.received_at >= start) & Visit.voided_at.is_null())
                              .order_by(Visit.received_at.desc())).fetchall()
    pending = database.execute(Visit.select(*columns)
                               .where((Visit.outcome == rules.PROXY) & (Visit.status == rules.PENDING)
                                      & Visit.voided_at.is_null() & Visit.closed_at.is_null())
                               .order_by(Visit.received_at)).fetchall()
    seen = {row[0] for row in todays}
    rows = todays + [row for row in reversed(pending) if row[0] not in seen]
    return [VisitChoice(id_, f"{year}-{id_:06d}", name, request) for id_, year, name, request in rows]
