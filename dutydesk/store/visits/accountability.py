"""问责记录 (V12): suspected breaches found in the books, and the director's recorded outcomes.

The list is computed, never stored: it is what the visits, notices and proxy cases of a period
show. A decision is an audited row keyed by the breach it answers, so a decided breach leaves
the list and the ledger ``accountability`` keeps who decided what, on which evidence.
"""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, DateTimeField, TextField

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.accountability import (
    DEADLINE_MISSED,
    NOT_REFERRED,
    REPEAT_TRIP,
    SuspectedBreach,
    check_outcome,
)
from dutydesk.domain.catalogue import Outcome
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.proxy_case import CaseState
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit
from dutydesk.store.accounts.account import Account, approval_refusal
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.store.notices.notice import NoticeRecord
from dutydesk.store.notices.proxy_cases import ProxyCase
from dutydesk.store.visits.visit import Visit, VisitExtension

NOT_SENT_UP = (CaseState.ACCEPTED, CaseState.PUBLICIZED, CaseState.RETURNED)


class AccountabilityRecord(BaseModel, VoidableMixin):
    breach_key = CharField()
    rule = CharField()
    staff = CharField()
    happened_on = DateField()
    description = TextField()
    outcome = CharField()
    penalty = CharField(default="")
    evidence = TextField()
    decided_by = CharField()
    decided_at = DateTimeField()
    created_at = DateTimeField()
    created_by = CharField()


class OutcomeInvalid(FieldErrors):
    """Field -> Chinese message for the director's decision."""


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime.combine(start, dt.time.min), dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min)


def repeat_trips(start: dt.date, end: dt.date) -> list[SuspectedBreach]:
    """N06: the same person told twice that materials are missing for the same item: the first
    notice did not tell everything, or the person was made to come back."""
    lo, hi = _bounds(start, end)
    notices = (NoticeRecord.select(NoticeRecord, CatalogueVersion).join(CatalogueVersion)
               .where(NoticeRecord.voided_at.is_null() & (NoticeRecord.outcome == Outcome.MISSING.value)
                      & (NoticeRecord.told_at < hi))
               .order_by(NoticeRecord.id))
    seen: dict[tuple[str, str], NoticeRecord] = {}
    found = []
    for notice in notices:
        key = (notice.person_name, notice.item_version.code)
        first = seen.setdefault(key, notice)
        if first is notice or notice.told_at < lo:
            continue
        found.append(SuspectedBreach(
            f"{REPEAT_TRIP}:notice:{notice.id}", REPEAT_TRIP, first.told_by, notice.told_at.date(),
            f"{notice.person_name}办理“{notice.item_version.name}”，{first.told_at:%m月%d日}已告知所缺材料"
            f"（{first.ref}），{notice.told_at:%m月%d日}再次告知材料不全（{notice.ref}）"))
    return found


def missed_deadlines(start: dt.date, end: dt.date, today: dt.date, calendar: WorkdayCalendar) -> list[SuspectedBreach]:
    """V04: matters past their promised date and not done, with no extension recorded."""
    from dutydesk.store.visits.visit_progress import effective_deadline_of

    found = []
    extended = VisitExtension.select(VisitExtension.visit).where(VisitExtension.voided_at.is_null())
    visits = (Visit.select().where(
        Visit.voided_at.is_null() & Visit.deadline.between(start, end) & Visit.deadline.is_null(False)
        & Visit.id.not_in(extended) & (Visit.outcome != rules.PROXY))  # a proxy matter is judged by its slip
        .order_by(Visit.id))
    for visit in visits:
        if visit.status in (rules.DONE, rules.FED_BACK) or visit.closed_at is not None:
            continue  # finished: whether on time is the feedback's matter, not a suspicion here
        due = effective_deadline_of(visit, calendar, today)
        if due is None or due >= today:
            continue
        found.append(SuspectedBreach(
            f"{DEADLINE_MISSED}:visit:{visit.id}", DEADLINE_MISSED, visit.responder_name, due,
            f"{visit.person_name}的{visit.category}事项（承诺{due:%m月%d日}前办结）超期未办结，也未办理延期"))
    cases = (ProxyCase.select().where(
        ProxyCase.voided_at.is_null() & ProxyCase.promised_date.between(start, end)
        & (ProxyCase.promised_date < today) & ProxyCase.state.in_([s.value for s in NOT_SENT_UP]))
        .order_by(ProxyCase.id))
    for case in cases:
        if case.case_state not in NOT_SENT_UP:
            continue  # sent up in time: the higher level's time does not count (V04)
        found.append(SuspectedBreach(
            f"{DEADLINE_MISSED}:proxy:{case.id}", DEADLINE_MISSED, case.agent, case.promised_date,
            f"代办单{case.slip_no}（{case.person_name}，{case.item_version.name}）承诺"
            f"{case.promised_date:%m月%d日}前办结，超期仍未送交上级"))
    return found


def not_referred(start: dt.date, end: dt.date) -> list[SuspectedBreach]:
    """V02: a request recorded as out of scope or transferred without the unit the person was sent to."""
    lo, hi = _bounds(start, end)
    visits = (Visit.select().where(
        Visit.voided_at.is_null() & (Visit.received_at >= lo) & (Visit.received_at < hi)
        & (((Visit.outcome == rules.OUT_OF_SCOPE) & (Visit.outside_unit == ""))
           | ((Visit.outcome == rules.TRANSFER) & (Visit.transfer_to == ""))))
        .order_by(Visit.id))
    return [SuspectedBreach(
        f"{NOT_REFERRED}:visit:{v.id}", NOT_REFERRED, v.responder_name, v.received_at.date(),
        f"{v.person_name}的请求记为“{v.outcome}”，未写明告知的承办单位") for v in visits]


def decided_keys() -> set[str]:
    return {r.breach_key for r in AccountabilityRecord.select(AccountabilityRecord.breach_key)
            .where(AccountabilityRecord.voided_at.is_null())}


def suspected_breaches(start: dt.date, end: dt.date, today: dt.date, calendar: WorkdayCalendar,
                       include_decided: bool = False) -> list[SuspectedBreach]:
    """V12: every suspected breach of the period the director has not yet decided, oldest first."""
    found = repeat_trips(start, end) + missed_deadlines(start, end, today, calendar) + not_referred(start, end)
    if not include_decided:
        done = decided_keys()
        found = [b for b in found if b.key not in done]
    return sorted(found, key=lambda b: (b.day, b.key))


def record_outcome(breach: SuspectedBreach, outcome: str, penalty: str, evidence: str, director: Account,
                   who: str, at: dt.datetime) -> AccountabilityRecord:
    """The director's decision on one breach, with its evidence (V12); one per breach."""
    errors = check_outcome(outcome, penalty, evidence)
    if director is None or not director.is_director:
        errors["director"] = approval_refusal(director) or "只有主任或书记可以记录问责结果"
    if errors:
        raise OutcomeInvalid(errors)
    with database.atomic():
        if breach.key in decided_keys():
            raise OutcomeInvalid({"outcome": "该事项已记录处理结果"})
        return audit.create(
            AccountabilityRecord, who, at, breach_key=breach.key, rule=breach.rule, staff=breach.staff,
            happened_on=breach.day, description=breach.description, outcome=outcome,
            penalty=penalty.strip(), evidence=evidence.strip(), decided_by=director.name, decided_at=at,
            created_at=at, created_by=who)


def records_between(start: dt.date, end: dt.date) -> list[AccountabilityRecord]:
    lo, hi = _bounds(start, end)
    return list(AccountabilityRecord.select().where(
        (AccountabilityRecord.decided_at >= lo) & (AccountabilityRecord.decided_at < hi))
        .order_by(AccountabilityRecord.decided_at, AccountabilityRecord.id))
