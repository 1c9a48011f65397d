"""Reading the register: filtered pages for the lazily fetched list, and finding-or-creating the
resident a registration belongs to.

Pages use keyset paging on (received_at, id) instead of OFFSET, so scrolling to the millionth row
costs the same as the first page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.idcard import IdNumberError, parse_id_number
from dutydesk.domain.phone import parse_phone
from dutydesk.domain.text_input import normalize_text
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.archive.daily_work import visit_condition
from dutydesk.store.base import database
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.residents import (
    Resident,
    ResidentData,
    ResidentPhone,
    active,
    create_resident,
)
from dutydesk.store.visits.visit import Visit, VisitDraft, VisitInvalid, VisitPause, check_draft, register_visit

OVERDUE_SCAN_LIMIT = 5000


@dataclass(frozen=True)
class VisitFilter:
    start: dt.date | None = None
    end: dt.date | None = None
    status: str = ""  # a key of rules.STATUS_LABELS, or "" for all
    category: str = ""
    channel: str = ""
    responder: str = ""
    overdue_only: bool = False
    include_voided: bool = False


@dataclass(frozen=True)
class VisitRow:
    """One line of the register list, with its urgency already computed."""

    visit: Visit
    urgency: str
    due: dt.date | None


def _where(f: VisitFilter):
    cond = Visit.id > 0
    if f.start:
        cond &= Visit.received_at >= dt.datetime.combine(f.start, dt.time.min)
    if f.end:
        cond &= Visit.received_at < dt.datetime.combine(f.end + dt.timedelta(days=1), dt.time.min)
    if f.status:
        cond &= Visit.status == f.status
    if f.category:
        cond &= Visit.category == f.category
    if f.channel:
        cond &= Visit.channel == f.channel
    if f.responder.strip():
        cond &= Visit.responder_name == f.responder.strip()
    if not f.include_voided:
        cond &= Visit.voided_at.is_null()
    return cond


def _pauses(ids: list[int]) -> dict[int, list[rules.Pause]]:
    found: dict[int, list[rules.Pause]] = defaultdict(list)
    if ids:
        for p in VisitPause.select().where(VisitPause.visit.in_(ids) & VisitPause.voided_at.is_null()):
            found[p.visit_id].append(rules.Pause(p.start, p.end))
    return found


def _rows(visits: list[Visit], calendar: WorkdayCalendar, today: dt.date) -> list[VisitRow]:
    pauses = _pauses([v.id for v in visits if v.deadline is not None and v.is_open])
    soon = int(get_setting(rules.DUE_SOON_DAYS, today))
    rows = []
    for v in visits:
        if v.is_open and v.status != rules.DONE and v.deadline is not None:
            urgency = rules.urgency(calendar, v.deadline, today, pauses[v.id], soon)
            due = rules.effective_deadline(calendar, v.deadline, pauses[v.id], today)
        else:
            urgency, due = rules.URGENCY_OK, v.deadline
        rows.append(VisitRow(v, urgency, due))
    return rows


def visit_page(f: VisitFilter, calendar: WorkdayCalendar, today: dt.date,
               after: tuple[dt.datetime, int] | None = None, limit: int = 200) -> list[VisitRow]:
    """The next ``limit`` rows, newest first, after the key (received_at, id) of the last row shown.

    Only daily work (A02, ``daily_work``): this year's visits and open matters; finished visits of
    earlier years and every visit of a filed year are left to 档案查询.
    """
    cond = _where(f) & visit_condition(today)
    if f.overdue_only:
        # Overdue needs the calendar and pauses; candidates are few (open and past the promised date).
        if after is not None:
            return []
        cond &= (Visit.status.in_((rules.PENDING, rules.IN_PROGRESS)) & Visit.closed_at.is_null()
                 & (Visit.deadline < today))
        query = Visit.select().where(cond).order_by(Visit.received_at.desc(), Visit.id.desc())
        rows = _rows(list(query.limit(OVERDUE_SCAN_LIMIT)), calendar, today)
        return [r for r in rows if r.urgency == rules.URGENCY_OVERDUE]
    if after is not None:
        at, last_id = after
        # ``received_at <= at`` first, before the filter's own end: SQLite then starts its index
        # range at the key (with the OR alone, or after the end date, it walked every row above the
        # key: a page 700,000 rows down took 10× the first; issue 17).
        cond = (Visit.received_at <= at) & ((Visit.received_at < at) | (Visit.id < last_id)) & cond
    query = Visit.select().where(cond).order_by(Visit.received_at.desc(), Visit.id.desc()).limit(limit)
    return _rows(list(query), calendar, today)


def responders() -> list[str]:
    """First responders seen in the register, for the filter's suggestions."""
    return [r[0] for r in Visit.select(Visit.responder_name).distinct().order_by(Visit.responder_name)
            .limit(200).tuples()]


def resolve_resident(name: str, phone: str, id_number: str, who: str, at: dt.datetime) -> Resident | None:
    """The resident a new registration belongs to, creating one when the person is new.

    Same ID number: the same person. Same phone and same name: the same person. Otherwise a new
    record (sharing a phone with relatives is normal). Nobody is created without a phone or ID,
    since a bare name could not be recognised next time.
    """
    name = normalize_text(name)  # V09: the same name whichever input mode it was typed in
    number = parse_id_number(id_number, at.date()).number if normalize_text(id_number) else ""
    mobile = parse_phone(phone) if normalize_text(phone) else ""
    if number:
        same = Resident.select().where(active() & (Resident.id_number == number)).first()
        if same is not None:
            return same
    if mobile:
        same = (Resident.select().join(ResidentPhone)
                .where(active() & (ResidentPhone.phone == mobile) & (Resident.name == name)).first())
        if same is not None:
            if number and not same.id_number:
                from dutydesk.store import audit

                audit.update(same, who, at, reason="登记来访时补录身份证号", id_number=number,
                             birth_date=parse_id_number(number, at.date()).birth_date)
            return same
    if not (number or mobile):
        return None
    return create_resident(ResidentData(name, id_number=number, phones=[mobile] if mobile else []),
                           who, at, allow_shared_phone=True)


def register_for_person(draft: VisitDraft, id_number: str, who: str, at: dt.datetime,
                        calendar: WorkdayCalendar) -> Visit:
    """Register a visit and, for a person not picked from the lookup, find or create their
    resident record, all in one transaction. Every problem is reported at once, per field."""
    errors = check_draft(draft, (draft.received_at or at).date())
    if normalize_text(id_number) and draft.resident_id is None:
        try:
            parse_id_number(id_number, at.date())
        except IdNumberError as exc:
            errors["id_number"] = str(exc)
    if errors:
        raise VisitInvalid(errors)
    with database.atomic():
        if draft.resident_id is None:
            resident = resolve_resident(draft.person_name, draft.contact, id_number, who, at)
            draft = replace(draft, resident_id=resident.id if resident else None)
        return register_visit(draft, who, at, calendar)
