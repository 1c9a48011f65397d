"""Proxy cases (代办单) and their steps: one register, one agent, one answer (P02-P06, P09).

A case is created only from a complete checklist, draws its slip number in the same transaction
(never reused, even after a void), and keeps the catalogue version it was accepted under. Steps
are rows; the case's state is what replaying the non-reversed steps gives, so reversing a wrong
step (voiding it with a reason) can never leave the case in a state its history does not explain.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegrityError, TextField

from dutydesk.domain.catalogue import Material, Outcome, Tick, check_fee, decide
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.personal_numbers import name_number_error
from dutydesk.domain.phone import normalize_phone
from dutydesk.domain.proxy_case import (
    STATE_LABELS,
    CaseRules,
    CaseState,
    StepError,
    StepKind,
    allowed_steps,
    next_state,
    normalize_slip_no,
    replay,
    validate_step,
)
from dutydesk.domain.settings import declare
from dutydesk.domain.text_input import normalize_text
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.notices import proxy_visit, slip_numbers
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.store.notices.notice import ChecklistEntry, NoticeRecord, record_notice, same_notice, ticks_json
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.residents import Resident
from dutydesk.store.visits.visit import Visit

SLIP_PREFIX = declare("proxy.slip_prefix", "DB", "代办单编号前缀", "P02")
DUE_SOON_DAYS = declare("proxy.due_soon", 1, "代办单“即将到期”提前提醒（工作日）", "P05")
HANDOVER = "handover"  # a step row that changes the agent, not the state
# guard(case) run inside the transaction before 送交上级 is recorded; raises StepError (P11)
SUBMIT_GUARDS: list[Callable[[ProxyCase], None]] = []


class ProxyCase(BaseModel, VoidableMixin):
    slip_no = CharField(unique=True)
    visit = ForeignKeyField(Visit, null=True, backref="proxy_cases")
    resident = ForeignKeyField(Resident, null=True, backref="proxy_cases")
    notice = ForeignKeyField(NoticeRecord, null=True, backref="proxy_cases")
    item_version = ForeignKeyField(CatalogueVersion, backref="proxy_cases")
    item_code = CharField(default="")  # the item whatever its version: one open case per visit and item
    person_name = CharField()
    person_phone = CharField(default="")
    materials = TextField(default="[]")
    accepted_at = DateTimeField()
    promised_date = DateField()
    agent = CharField()
    state = CharField()
    fee_amount = CharField(default="0")
    closed_at = DateTimeField(null=True)
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def case_state(self) -> CaseState:
        return CaseState(self.state)

    @property
    def state_label(self) -> str:
        return "已作废" if self.voided_at else STATE_LABELS[self.case_state]

    @property
    def received_ticks(self) -> list[Tick]:
        return [Tick(Material(**t["material"]), True, t["pages"]) for t in json.loads(self.materials)]

    @property
    def rules(self) -> CaseRules:
        return CaseRules(self.item_version.item.public_notice_days)


class ProxyStep(BaseModel, VoidableMixin):
    case = ForeignKeyField(ProxyCase, backref="steps")
    kind = CharField()
    done_at = DateTimeField()
    staff = CharField()
    details = TextField(default="{}")
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def data(self) -> dict[str, Any]:
        return json.loads(self.details)


class CaseInvalid(FieldErrors):
    """Field -> Chinese message, shown beside the inputs."""


@dataclass
class NewCase:
    version: CatalogueVersion
    person_name: str
    ticks: list[Tick]
    agent: str
    person_phone: str = ""
    fee: str = "0"
    visit_id: int | None = None
    resident_id: int | None = None
    notice_id: int | None = None


def create_case(new: NewCase, who: str, at: dt.datetime, calendar: WorkdayCalendar) -> ProxyCase:
    """Accept a complete proxy matter (P02): number, promised date, receipt data, one agent (P05)."""
    item = new.version.item
    errors: dict[str, str] = {}
    if not new.person_name.strip():
        errors["person_name"] = "请填写群众姓名"
    elif name_error := name_number_error(new.person_name):
        errors["person_name"] = name_error
    if not new.agent.strip():
        errors["agent"] = "请指定代办员（一人负责到底）"
    if item.kind != "代办" or item.done_on_spot:
        errors["item"] = "该事项不需要代办单"
    result = decide(item, new.ticks)
    if result.outcome is Outcome.MISSING:
        errors["materials"] = "材料不全，不能受理代办，请打印一次性告知单"
    if any(t.received and t.pages <= 0 for t in new.ticks):
        errors["pages"] = "请填写每份材料的页数"
    fee_error = check_fee(item, new.fee)
    if fee_error:
        errors["fee"] = fee_error
    if errors:
        raise CaseInvalid(errors)
    promised = calendar.add_workdays(at.date(), item.time_limit_days or 0)
    with database.atomic():
        refuse_duplicate(new.visit_id, item.code)
        slip_no = slip_numbers.next_number(str(get_setting(SLIP_PREFIX, at.date())), at.year)
        try:
            with database.atomic():
                case = audit.create(
                    ProxyCase, who, at,
                    slip_no=slip_no, visit=new.visit_id, resident=new.resident_id, notice=new.notice_id,
                    item_version=new.version, item_code=item.code, person_name=normalize_text(new.person_name),
                    person_phone=normalize_phone(new.person_phone), materials=ticks_json(list(result.received)),
                    accepted_at=at, promised_date=promised, agent=new.agent.strip(),
                    state=CaseState.ACCEPTED.value, fee_amount=str(new.fee).strip() or "0",
                    created_at=at, created_by=who,
                )
        except IntegrityError:
            # another desk accepted the same visit and item between our check and our insert
            refuse_duplicate(new.visit_id, item.code)
            raise
        proxy_visit.case_accepted(new.visit_id, slip_no, case.agent, promised, who, at, item.time_limit_days)
    return case


def open_case_for(visit_id: int | None, item_code: str) -> ProxyCase | None:
    """The open (not closed, not voided) case of this visit and item, if any."""
    if visit_id is None:
        return None
    return (ProxyCase.select()
            .where((ProxyCase.visit == visit_id) & (ProxyCase.item_code == item_code)
                   & ProxyCase.voided_at.is_null() & (ProxyCase.state != CaseState.CLOSED.value))
            .order_by(ProxyCase.id).first())


def already_accepted(visit_id: int | None, item_code: str, person_name: str,
                     last: ProxyCase | None) -> ProxyCase | None:
    """The open case a second 受理代办 would duplicate: the visit's for this item or, for a matter
    taken without a visit, the desk's ``last`` case if it is for the same person and item."""
    if visit_id is not None:
        return open_case_for(visit_id, item_code)
    if (last is not None and last.visit_id is None and last.item_code == item_code and last.voided_at is None
            and last.person_name == person_name.strip()):
        return last
    return None


def duplicate_message(case: ProxyCase) -> str:
    return (f"该来访的这一事项已受理代办（代办单号{case.slip_no}），不能重复受理；"
            "如需再次打印，请在“代办跟踪”中补打")


def refuse_duplicate(visit_id: int | None, item_code: str) -> None:
    """N06/P05: one open 代办单 per visit and item; call inside the write transaction."""
    existing = open_case_for(visit_id, item_code)
    if existing is not None:
        raise CaseInvalid({"item": duplicate_message(existing)})


def live_steps(case: ProxyCase) -> list[ProxyStep]:
    """The non-reversed steps, oldest first (handovers included)."""
    return list(ProxyStep.select().where((ProxyStep.case == case) & ProxyStep.voided_at.is_null())
                .order_by(ProxyStep.id))


def all_steps(case: ProxyCase) -> list[ProxyStep]:
    """Every step including reversed ones (shown struck through with the reason)."""
    return list(ProxyStep.select().where(ProxyStep.case == case).order_by(ProxyStep.id))


def _state_steps(case: ProxyCase) -> list[tuple[StepKind, bool]]:
    return [(StepKind(s.kind), bool(s.data.get("objection"))) for s in live_steps(case) if s.kind != HANDOVER]


def _objection(case: ProxyCase) -> bool:
    publicized = [s for s in live_steps(case) if s.kind == StepKind.PUBLICIZE.value]
    return bool(publicized and publicized[-1].data.get("objection"))


def next_steps(case: ProxyCase) -> list[StepKind]:
    if case.voided_at is not None:
        return []
    return allowed_steps(case.case_state, case.rules, _objection(case))


def _jsonable(details: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in details.items()}


def record_step(case: ProxyCase, kind: StepKind, details: dict[str, Any], who: str, at: dt.datetime,
                staff: str = "", done_at: dt.datetime | None = None) -> ProxyStep:
    """Record the next step; refuses a skipped or repeated one (StepError) or missing details.
    ``staff``/``done_at``: who did it and when, when not the writer now (the township's result
    arriving in its package); the audit trail still names ``who`` at ``at``."""
    if case.voided_at is not None:
        raise StepError("该代办单已作废")
    caller = case
    with database.atomic():
        case = ProxyCase.get_by_id(case.id)  # the state as committed, not a stale copy
        rules = case.rules
        new_state = next_state(case.case_state, kind, rules, _objection(case))
        if kind is StepKind.SUBMIT:
            for guard in SUBMIT_GUARDS:
                guard(case)
        errors = validate_step(kind, details, rules, at.date())
        if errors:
            raise CaseInvalid(errors)
        step = audit.create(ProxyStep, who, at, case=case, kind=kind.value, done_at=done_at or at, staff=staff or who,
                            details=json.dumps(_jsonable(details), ensure_ascii=False), created_at=at,
                            created_by=who)
        changes: dict[str, Any] = {"state": new_state.value}
        if new_state is CaseState.CLOSED:
            changes["closed_at"] = at
        audit.update(case, who, at, reason=f"登记：{STATE_LABELS[new_state]}", **changes)
        proxy_visit.step_recorded(case.visit_id, case.slip_no, kind, who, at)
    caller.__data__.update(case.__data__)
    return step


def reverse_last_step(case: ProxyCase, reason: str, who: str, at: dt.datetime) -> ProxyStep:
    """Undo the last state step by voiding it with a reason; the case returns to the state before."""
    if not reason.strip():
        raise CaseInvalid({"reason": "撤销步骤必须填写原因"})
    caller = case
    with database.atomic():
        case = ProxyCase.get_by_id(case.id)
        steps = [s for s in live_steps(case) if s.kind != HANDOVER]
        if not steps:
            raise StepError("没有可以撤销的步骤")
        last = steps[-1]
        audit.void(last, who, at, reason.strip())
        state = replay(_state_steps(case), case.rules)
        audit.update(case, who, at, reason=f"撤销步骤：{reason.strip()}", state=state.value, closed_at=None)
        proxy_visit.step_reversed(case.visit_id, StepKind(last.kind), last.done_at.date(), reason.strip(), who, at)
    caller.__data__.update(case.__data__)
    return last


def hand_over(case: ProxyCase, new_agent: str, note: str, who: str, at: dt.datetime) -> ProxyStep:
    """Pass the case to another agent with a note (P05: still one person responsible)."""
    errors = {}
    if not new_agent.strip():
        errors["agent"] = "请填写接手的代办员"
    elif new_agent.strip() == case.agent:
        errors["agent"] = "接手人与当前代办员相同"
    if not note.strip():
        errors["note"] = "请填写交接说明"
    if case.case_state is CaseState.CLOSED or case.voided_at:
        errors["agent"] = "该代办单已办结或作废，不能移交"
    if errors:
        raise CaseInvalid(errors)
    with database.atomic():
        step = audit.create(ProxyStep, who, at, case=case, kind=HANDOVER, done_at=at, staff=who,
                            details=json.dumps({"from": case.agent, "to": new_agent.strip(), "note": note.strip()},
                                               ensure_ascii=False), created_at=at, created_by=who)
        audit.update(case, who, at, reason=f"移交：{note.strip()}", agent=new_agent.strip())
    return step


def void_case(case: ProxyCase, reason: str, who: str, at: dt.datetime) -> ProxyCase:
    """A wrongly issued slip is voided; its number stays used (never issued again)."""
    return audit.void(case, who, at, reason)


def case_by_slip(text: str) -> ProxyCase | None:
    slip_no = normalize_slip_no(text)
    return ProxyCase.get_or_none(ProxyCase.slip_no == slip_no) if slip_no else None


def case_by_id(case_id: int) -> ProxyCase | None:
    return ProxyCase.get_or_none(ProxyCase.id == case_id)


def cases_for_visit(visit_id: int) -> list[ProxyCase]:
    return list(ProxyCase.select().where(ProxyCase.visit == visit_id).order_by(ProxyCase.id))


def _filtered(open_only: bool, text: str, today: dt.date | None = None):
    query = ProxyCase.select()
    if today is not None:  # 代办跟踪: daily work only (A02); earlier finished cases are in 档案查询
        from dutydesk.store.archive.daily_work import case_condition

        query = query.where(case_condition(today))
    if open_only:
        query = query.where((ProxyCase.state != CaseState.CLOSED.value) & ProxyCase.voided_at.is_null())
    text = normalize_text(text)  # V09: ０００７ typed in 全角 mode finds DB2026-000007
    if text:
        like = f"%{text}%"
        query = query.where(ProxyCase.slip_no.contains(text.upper()) | (ProxyCase.person_name ** like)
                            | (ProxyCase.agent ** like))
    return query


def count_cases(open_only: bool = False, text: str = "", today: dt.date | None = None) -> int:
    return _filtered(open_only, text, today).count()


def cases_page(offset: int, limit: int, open_only: bool = False, text: str = "",
               today: dt.date | None = None) -> list[ProxyCase]:
    """One page of cases, newest first: the table model fetches more as the user scrolls.
    With ``today``, only the cases of daily work (A02, ``daily_work``)."""
    return list(_with_item(_filtered(open_only, text, today)).order_by(ProxyCase.id.desc())
                .offset(offset).limit(limit))


def open_cases() -> list[ProxyCase]:
    return list(_with_item(_filtered(True, "")).order_by(ProxyCase.promised_date, ProxyCase.id))


def _with_item(query):
    """The item's version read in the same query: lists show its name on every row, and a query
    per row froze the window while the table sized its columns (issue 17)."""
    return query.select_extend(CatalogueVersion).join(CatalogueVersion, on=ProxyCase.item_version)


def accept_from_checklist(entry: ChecklistEntry, agent: str, fee: str, who: str, at: dt.datetime,
                          calendar: WorkdayCalendar) -> tuple[NoticeRecord, ProxyCase]:
    """Record what was told and open the case in one transaction (N06 + P02): both or neither."""
    with database.atomic():
        refuse_duplicate(entry.visit_id, entry.version.code)
        # N06: a 受理告知单 already printed for this visit (and not tied to a case) is the one accepted
        told = same_notice(entry)
        if told is None or told.proxy_cases.exists():
            # a notice that already went with a (now voided or closed) case is not reused: it states
            # that case's promised date; the check above is what refuses a second open case
            told = record_notice(entry, who, at, allow_repeat=True)
        notice = told
        case = create_case(
            NewCase(entry.version, entry.person_name, entry.ticks, agent, entry.person_phone, fee,
                    entry.visit_id, entry.resident_id, notice.id),
            who, at, calendar,
        )
    return notice, case
