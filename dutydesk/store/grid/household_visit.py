"""Household visits (入户走访, G03): who went (one or more cadres), when, to which household, the
kind of visit (走访 / 结对帮扶 / 回访), what was found and the needs raised.

Each need may become a matter of the visit register (来访登记) through ``visits.register_visit``,
with channel 入户走访 and the first cadre as first responder, so it gets the usual promised
deadline (V04), follow-ups and feedback; the need keeps a link to that matter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.text_input import normalize_text
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.duty.staff import Staff
from dutydesk.store.grid.household import Household
from dutydesk.store.visits.residents import Resident
from dutydesk.store.visits.visit import Visit, VisitDraft, check_draft, register_visit

VISIT = "走访"
PAIRED = "结对帮扶"
RETURN = "回访"
KINDS = (VISIT, PAIRED, RETURN)
CHANNEL = "入户走访"  # visit_rules.CHANNELS: a need raised on a household visit
NEED_OUTCOMES = (rules.PROXY, rules.TRANSFER, rules.ESCALATE)


class HouseholdVisit(BaseModel, VoidableMixin):
    day = DateField()
    household = ForeignKeyField(Household, backref="visits")
    kind = CharField()  # KINDS
    found = TextField(default="")
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def cadre_names(self) -> str:
        return "、".join(c.staff.name for c in self.cadre_rows.order_by(HouseholdVisitCadre.id))


class HouseholdVisitCadre(BaseModel):
    household_visit = ForeignKeyField(HouseholdVisit, backref="cadre_rows")
    staff = ForeignKeyField(Staff, backref="household_visit_rows")


class HouseholdVisitNeed(BaseModel, VoidableMixin):
    household_visit = ForeignKeyField(HouseholdVisit, backref="need_rows")
    text = TextField()
    matter = ForeignKeyField(Visit, null=True, backref="household_needs")  # its 来访登记 record
    created_at = DateTimeField()
    created_by = CharField()


class HouseholdVisitInvalid(FieldErrors):
    """Bad household-visit fields: ``errors`` maps field name to a Chinese message."""


@dataclass
class NeedDraft:
    """A need raised on the visit; ``register`` turns it into a matter of the visit register."""

    text: str
    register: bool = True
    category: str = "求助"
    outcome: str = rules.PROXY
    deadline_kind: str = "review"
    transfer_to: str = ""
    transfer_contact: str = ""
    escalate_level: str = ""


@dataclass
class HouseholdVisitDraft:
    day: dt.date
    household_id: int | None
    cadre_ids: list[int]
    kind: str = VISIT
    found: str = ""
    needs: list[NeedDraft] = field(default_factory=list)


def _matter_draft(need: NeedDraft, household: Household, responder: str, received: dt.datetime) -> VisitDraft:
    return VisitDraft(channel=CHANNEL, category=need.category, person_name=household.head.name,
                      resident_id=household.head_id, request=need.text, responder_name=responder,
                      outcome=need.outcome, deadline_kind=need.deadline_kind, transfer_to=need.transfer_to,
                      transfer_contact=need.transfer_contact, escalate_level=need.escalate_level,
                      received_at=received)


def _received(day: dt.date, at: dt.datetime) -> dt.datetime:
    """When a need reached the desk: now if the visit was today, else the visit day's morning."""
    return at if day == at.date() else dt.datetime.combine(day, dt.time(9, 0))


def check_visit(draft: HouseholdVisitDraft, at: dt.datetime) -> dict[str, str]:
    errors: dict[str, str] = {}
    household = Household.get_or_none(Household.id == draft.household_id) if draft.household_id else None
    if household is None or household.voided_at is not None:
        errors["household"] = "请选择走访的户（输入户主姓名、拼音首字母、住址或户编码）"
    if draft.day > at.date():
        errors["day"] = "走访日期不能晚于今天"
    if draft.kind not in KINDS:
        errors["kind"] = "请选择走访类型：走访 / 结对帮扶 / 回访"
    if not draft.cadre_ids:
        errors["cadres"] = "请选择走访干部"
    if not normalize_text(draft.found, multiline=True) and not any(n.text.strip() for n in draft.needs):
        errors["found"] = "请填写走访了解到的情况"
    if household is not None and draft.cadre_ids:
        responder = Staff.get_by_id(draft.cadre_ids[0]).name
        for need in draft.needs:
            if not (need.register and need.text.strip()):
                continue
            if need.outcome not in NEED_OUTCOMES:
                errors["needs"] = "诉求登记到来访登记时请选择：代办 / 转办 / 上报"
                break
            problems = check_draft(_matter_draft(need, household, responder, _received(draft.day, at)),
                                   draft.day, at)
            if problems:
                errors["needs"] = "诉求不能登记到来访登记：" + "；".join(problems.values())
                break
    return errors


def record_household_visit(draft: HouseholdVisitDraft, who: str, at: dt.datetime,
                           calendar: WorkdayCalendar) -> HouseholdVisit:
    """G03: save a visit with its cadres and needs, and register the needs as matters, in one
    transaction (a need that cannot be registered stops the whole visit, so nothing is half saved)."""
    errors = check_visit(draft, at)
    if errors:
        raise HouseholdVisitInvalid(errors)
    household = Household.get_by_id(draft.household_id)
    cadres = [Staff.get_by_id(i) for i in dict.fromkeys(draft.cadre_ids)]
    with database.atomic():
        visit = audit.create(HouseholdVisit, who, at, day=draft.day, household=household, kind=draft.kind,
                             found=normalize_text(draft.found, multiline=True), created_at=at, created_by=who)
        for staff in cadres:
            audit.create(HouseholdVisitCadre, who, at, household_visit=visit, staff=staff)
        for need in draft.needs:
            text = normalize_text(need.text, multiline=True)
            if not text:
                continue
            matter = None
            if need.register:
                matter = register_visit(_matter_draft(need, household, cadres[0].name, _received(draft.day, at)),
                                        who, at, calendar)
            audit.create(HouseholdVisitNeed, who, at, household_visit=visit, text=text, matter=matter,
                         created_at=at, created_by=who)
    return visit


def void_household_visit(visit: HouseholdVisit, who: str, at: dt.datetime, reason: str) -> HouseholdVisit:
    """A wrong visit is voided with a reason; matters it registered stay in 来访登记 (void them there)."""
    return audit.void(visit, who, at, reason)


def needs(visit: HouseholdVisit) -> list[HouseholdVisitNeed]:
    return list(visit.need_rows.where(HouseholdVisitNeed.voided_at.is_null()).order_by(HouseholdVisitNeed.id))


def visits_of_household(household: Household, limit: int = 20) -> list[HouseholdVisit]:
    return list(HouseholdVisit.select()
                .where((HouseholdVisit.household == household) & HouseholdVisit.voided_at.is_null())
                .order_by(HouseholdVisit.day.desc(), HouseholdVisit.id.desc()).limit(limit))


def recent_visits(start: dt.date, end: dt.date, area_id: int | None = None,
                  staff_id: int | None = None) -> list[HouseholdVisit]:
    """Visits between two days (newest first), of one area's households or by one cadre: an
    area's work ledger (G02) or a cadre's record."""
    query = (HouseholdVisit.select(HouseholdVisit, Household, Resident).join(Household).join(Resident)
             .switch(HouseholdVisit)
             .where(HouseholdVisit.voided_at.is_null() & (HouseholdVisit.day >= start) & (HouseholdVisit.day <= end)))
    if area_id is not None:
        query = query.where(Household.area == area_id)
    if staff_id is not None:
        theirs = HouseholdVisitCadre.select(HouseholdVisitCadre.household_visit).where(
            HouseholdVisitCadre.staff == staff_id)
        query = query.where(HouseholdVisit.id.in_(theirs))
    return list(query.order_by(HouseholdVisit.day.desc(), HouseholdVisit.id.desc()))


def area_ledger(start: dt.date, end: dt.date, area_id: int) -> list[tuple[dt.date, str, str, str, str]]:
    """An area's work ledger (G02) between two days, newest first, as plain rows (day, head's
    name, kind, cadres' names, what was found): set-based queries, no row objects (issue 17: a
    year of an area's visits is read while the window waits for the worker)."""
    visits = list(HouseholdVisit.select(HouseholdVisit.id, HouseholdVisit.day, Resident.name, HouseholdVisit.kind,
                                        HouseholdVisit.found)
                  .join(Household).join(Resident)
                  .where(HouseholdVisit.voided_at.is_null() & (HouseholdVisit.day >= start)
                         & (HouseholdVisit.day <= end) & (Household.area == area_id))
                  .order_by(HouseholdVisit.day.desc(), HouseholdVisit.id.desc()).tuples())
    names, _needs = _names_and_needs([row[0] for row in visits], needs=False)
    return [(day, head, kind, names[visit_id], found) for visit_id, day, head, kind, found in visits]


def recent_lines(start: dt.date, end: dt.date) -> list[tuple[int, dt.date, str, str, str, str, str, str]]:
    """The village's visits between two days, newest first, as plain rows (id, day, household
    code, head's name, kind, cadres' names, what was found, needs): 入户走访's list (issue 17)."""
    visits = list(HouseholdVisit.select(HouseholdVisit.id, HouseholdVisit.day, Household.code, Resident.name,
                                        HouseholdVisit.kind, HouseholdVisit.found)
                  .join(Household).join(Resident)
                  .where(HouseholdVisit.voided_at.is_null() & (HouseholdVisit.day >= start)
                         & (HouseholdVisit.day <= end))
                  .order_by(HouseholdVisit.day.desc(), HouseholdVisit.id.desc()).tuples())
    names, texts = _names_and_needs([row[0] for row in visits])
    return [(visit_id, day, code, head, kind, names[visit_id], found, texts[visit_id])
            for visit_id, day, code, head, kind, found in visits]


def cadres_and_needs(visits: list[HouseholdVisit]) -> tuple[dict[int, str], dict[int, str]]:
    """The cadres' names and the needs of many visits in two queries (lists show hundreds)."""
    return _names_and_needs([v.id for v in visits])


def _names_and_needs(ids: list[int], needs: bool = True) -> tuple[dict[int, str], dict[int, str]]:
    names: dict[int, list[str]] = {i: [] for i in ids}
    texts: dict[int, list[str]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for visit_id, name in (HouseholdVisitCadre.select(HouseholdVisitCadre.household_visit, Staff.name)
                               .join(Staff).where(HouseholdVisitCadre.household_visit.in_(chunk))
                               .order_by(HouseholdVisitCadre.id).tuples()):
            names[visit_id].append(name)
        if not needs:
            continue
        for visit_id, text in (HouseholdVisitNeed.select(HouseholdVisitNeed.household_visit, HouseholdVisitNeed.text)
                               .where(HouseholdVisitNeed.household_visit.in_(chunk)
                                      & HouseholdVisitNeed.voided_at.is_null())
                               .order_by(HouseholdVisitNeed.id).tuples()):
            texts[visit_id].append(text)
    return ({i: "、".join(n) for i, n in names.items()}, {i: "；".join(t) for i, t in texts.items()})
