"""The visit register (来访登记): every visit, call, letter and online request (V01).

A visit records who came, how, what was asked, its first responder (V02) and how it was handled
(即办 / 代办 / 转办 / 上报 / 不属职责), with a promised deadline in working days (V04). Follow-ups,
feedback, pauses and extensions live in their own tables (``visit_progress``), so nothing is
ever overwritten: each change goes through the audit trail.

Other features rely on this module: the notice/proxy feature links its cases to ``Visit.id`` and
picks up visits whose outcome is ``代办`` (``pending_proxy_visits``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from peewee import (
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.incident import IncidentReportDraft, check_reports, recipients_told
from dutydesk.domain.labels import label
from dutydesk.domain.personal_numbers import name_number_error
from dutydesk.domain.phone import PhoneError, parse_phone
from dutydesk.domain.text_input import normalize_text
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.residents import Resident


class Visit(BaseModel, VoidableMixin):
    received_at = DateTimeField()
    channel = CharField()  # rules.CHANNELS
    category = CharField()  # rules.CATEGORIES
    resident = ForeignKeyField(Resident, null=True, backref="visits")
    person_name = CharField()  # as given, kept even if the resident record changes later
    contact = CharField(default="")
    request = TextField()
    responder_name = CharField()  # first responder (V02): the staff member's name
    responder_account = CharField(default="")  # the account that was logged in
    outcome = CharField()  # rules.OUTCOMES
    result = TextField(default="")
    transfer_to = CharField(default="")
    transfer_contact = CharField(default="")
    escalate_level = CharField(default="")
    outside_unit = CharField(default="")
    outside_address = CharField(default="")
    outside_phone = CharField(default="")
    deadline_kind = CharField(default="")  # key of rules.DEADLINE_KINDS
    deadline_days = IntegerField(null=True)
    deadline = DateField(null=True)
    status = CharField()  # rules.STATUS_LABELS keys
    closed_at = DateTimeField(null=True)
    close_reason = TextField(default="")  # why it was closed without feedback
    satisfaction = CharField(default="")
    dispute_parties = TextField(default="")
    mediation_result = CharField(default="")
    incident_reported_at = DateTimeField(null=True)
    incident_reported_to = CharField(default="")
    incident_occurred_at = DateTimeField(null=True)  # V06: when the incident happened
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def ref(self) -> str:
        """The number staff quote: year and a zero-padded id, e.g. ``2026-000123``."""
        return f"{self.received_at:%Y}-{self.id:06d}"

    @property
    def status_label(self) -> str:
        return label("visit_status", self.status)

    @property
    def is_open(self) -> bool:
        return self.voided_at is None and self.closed_at is None and self.status != rules.FED_BACK


class VisitFollowup(BaseModel, VoidableMixin):
    visit = ForeignKeyField(Visit, backref="followups")
    done_at = DateTimeField()
    staff = CharField()
    text = TextField()
    created_at = DateTimeField()
    created_by = CharField()


class VisitFeedback(BaseModel, VoidableMixin):
    visit = ForeignKeyField(Visit, backref="feedbacks")
    given_at = DateTimeField()
    method = CharField()  # rules.FEEDBACK_METHODS
    content = TextField()
    satisfaction = CharField(default="")
    staff = CharField()
    created_at = DateTimeField()
    created_by = CharField()


class VisitPause(BaseModel, VoidableMixin):
    visit = ForeignKeyField(Visit, backref="pauses")
    cause = CharField()  # rules.PAUSE_CAUSES keys
    start = DateField()
    end = DateField(null=True)
    note = TextField(default="")
    created_at = DateTimeField()
    created_by = CharField()


class VisitExtension(BaseModel, VoidableMixin):
    visit = ForeignKeyField(Visit, backref="extensions")
    reason = TextField()
    old_deadline = DateField(null=True)
    new_deadline = DateField()
    created_at = DateTimeField()
    created_by = CharField()


class IncidentReport(BaseModel, VoidableMixin):
    """V06: one recipient told about one matter of an incident (each major matter has its own)."""

    visit = ForeignKeyField(Visit, backref="incident_reports")
    matter = TextField()
    matter_at = DateTimeField()  # when the matter arose: lateness is counted from here
    recipient = CharField()  # rules.INCIDENT_RECIPIENTS
    told = CharField()
    method = CharField()  # incident.REPORT_METHODS
    reported_at = DateTimeField()
    created_at = DateTimeField()
    created_by = CharField()


class VisitInvalid(FieldErrors):
    """A registration that breaks a rule; ``errors`` maps form field names to Chinese messages."""


@dataclass
class VisitDraft:
    """Everything the registration form collects, before it is checked and saved."""

    channel: str
    category: str
    person_name: str
    request: str
    responder_name: str
    outcome: str
    contact: str = ""
    resident_id: int | None = None
    responder_account: str = ""
    result: str = ""
    transfer_to: str = ""
    transfer_contact: str = ""
    escalate_level: str = ""
    outside_unit: str = ""
    outside_address: str = ""
    outside_phone: str = ""
    deadline_kind: str = ""
    deadline_days: int | None = None
    dispute_parties: str = ""
    mediation_result: str = ""
    incident_reported_at: dt.datetime | None = None  # filled from incident_reports
    incident_reported_to: str = ""
    received_at: dt.datetime | None = None
    incident_occurred_at: dt.datetime | None = None
    incident_reports: list[IncidentReportDraft] = field(default_factory=list)  # V06: both recipients (+ police)


def deadline_days_for(kind: str, on: dt.date) -> int:
    """The working days a deadline kind promises, from the settings in force that day (V04).

    A matter needing review never promises more than its maximum, even if its setting is longer.
    """
    _label, setting = rules.DEADLINE_KINDS[kind]
    return rules.kind_days(kind, int(get_setting(setting, on)), int(get_setting(rules.REVIEW_MAX_DAYS, on)),
                           int(get_setting(rules.MAX_DAYS, on)))


def max_days_for(kind: str, on: dt.date) -> int:
    """V04: the most working days a kind may promise or be extended to (需审核 5, others 15)."""
    return rules.kind_max_days(kind, int(get_setting(rules.REVIEW_MAX_DAYS, on)),
                               int(get_setting(rules.MAX_DAYS, on)))


def check_draft(draft: VisitDraft, on: dt.date, at: dt.datetime | None = None) -> dict[str, str]:
    """Every problem with a draft (field -> message); empty when it can be saved.

    ``at`` is the moment of saving (reports of an incident cannot be later than it)."""
    errors: dict[str, str] = {}
    if draft.channel not in rules.CHANNELS:
        errors["channel"] = "请选择来访方式"
    if draft.category not in rules.CATEGORIES:
        errors["category"] = "请选择事项类别"
    if not draft.person_name.strip():
        errors["person_name"] = "请填写来访人姓名（谁来访必须登记）"
    elif name_error := name_number_error(draft.person_name):
        errors["person_name"] = name_error
    if draft.contact.strip():
        try:
            parse_phone(draft.contact)
        except PhoneError as exc:
            errors["contact"] = str(exc)
    if not draft.request.strip():
        errors["request"] = "请填写诉求内容"
    if not draft.responder_name.strip():
        errors["responder_name"] = "请填写首问责任人"
    errors.update(rules.validate_outcome(draft.outcome, {
        f.name: getattr(draft, f.name) for f in fields(draft) if isinstance(getattr(draft, f.name), str)
    }))
    if draft.outcome in (rules.PROXY, rules.TRANSFER, rules.ESCALATE):
        if draft.deadline_kind not in rules.DEADLINE_KINDS:
            errors["deadline_kind"] = "请选择承诺时限"
        elif draft.deadline_days is not None:
            limit = max_days_for(draft.deadline_kind, on)
            if not 0 <= draft.deadline_days <= limit:
                errors["deadline_days"] = (
                    f"需审核事项最长{limit}个工作日办结" if draft.deadline_kind == "review"
                    else f"承诺时限应在0到{limit}个工作日之间")
    if draft.category == "矛盾纠纷":
        if not draft.dispute_parties.strip():
            errors["dispute_parties"] = "矛盾纠纷须登记当事各方"
        if draft.mediation_result and draft.mediation_result not in rules.MEDIATION_RESULTS:
            errors["mediation_result"] = "调解结果应为：调解成功 / 未成功 / 移交"
    if draft.category == "突发事件":
        now = at or dt.datetime.combine(on, dt.time.max)
        errors.update(check_reports(draft.incident_occurred_at, draft.incident_reports, now))
    return errors


_FEEDBACK_BY_CHANNEL = {"来访": "当面", "来电": "电话", "来信": "书面", "网络": "短信"}


def register_visit(draft: VisitDraft, who: str, at: dt.datetime, calendar: WorkdayCalendar) -> Visit:
    """Check and save a registration in one transaction (V01).

    Done-on-the-spot and out-of-scope answers are feedback given there and then (V03), so they
    are recorded with their feedback; other outcomes get a promised deadline (V04).
    """
    received = draft.received_at or at
    errors = check_draft(draft, received.date(), at)
    if errors:
        raise VisitInvalid(errors)
    values = {f.name: getattr(draft, f.name) for f in fields(draft)}
    values.pop("resident_id")
    by_recipient = {r.recipient: r for r in values.pop("incident_reports")}
    reports = ([by_recipient[name] for name in recipients_told(by_recipient.values())]
               if draft.category == "突发事件" else [])
    if reports:
        values["incident_reported_at"] = min(r.reported_at for r in reports)
        values["incident_reported_to"] = "、".join(r.recipient for r in reports)
    else:
        values.update(incident_reported_at=None, incident_reported_to="", incident_occurred_at=None)
    values["received_at"] = received
    for key in ("person_name", "request", "contact", "responder_name", "result", "transfer_to",
                "transfer_contact", "outside_unit", "outside_address", "outside_phone", "dispute_parties"):
        values[key] = normalize_text(values[key], multiline=key in ("request", "result"))  # V09
    if values["contact"]:
        values["contact"] = parse_phone(values["contact"])
    if draft.outcome in (rules.PROXY, rules.TRANSFER, rules.ESCALATE):
        days = draft.deadline_days
        if days is None:
            days = deadline_days_for(draft.deadline_kind, received.date())
        values["deadline_days"] = days
        values["deadline"] = rules.promised_deadline(
            calendar, received.date(), days, max_days_for(draft.deadline_kind, received.date()))
    else:
        values["deadline_kind"] = ""
        values["deadline_days"] = None
    status = rules.initial_status(draft.outcome)
    with database.atomic():
        visit = audit.create(
            Visit, who, at, resident=draft.resident_id, status=status,
            created_at=at, created_by=who, **values,
        )
        for report in reports:
            audit.create(IncidentReport, who, at, visit=visit, matter=visit.request,
                         matter_at=draft.incident_occurred_at, recipient=report.recipient,
                         told=report.told.strip(), method=report.method, reported_at=report.reported_at,
                         created_at=at, created_by=who)
        if status == rules.FED_BACK:
            answer = draft.result if draft.outcome == rules.DONE_NOW else (
                f"不属本中心职责，已告知到{draft.outside_unit}办理（地址：{draft.outside_address}，"
                f"电话：{draft.outside_phone}）")
            audit.create(
                VisitFeedback, who, at, visit=visit, given_at=received,
                method=_FEEDBACK_BY_CHANNEL.get(draft.channel, "当面"),
                content=answer.strip(), staff=draft.responder_name.strip(), created_at=at, created_by=who,
            )
    return visit


def correct_visit(visit: Visit, who: str, at: dt.datetime, reason: str, **changes: object) -> Visit:
    """Correct fields of a registration; the old values stay in the audit trail (A03)."""
    if not reason.strip():
        raise ValueError("更正记录必须填写原因")
    if visit.voided_at is not None:
        raise ValueError("已作废的记录不能更正")
    return audit.update(visit, who, at, reason=reason, **changes)


def void_visit(visit: Visit, who: str, at: dt.datetime, reason: str) -> Visit:
    """A wrong registration is voided with a reason, never deleted."""
    return audit.void(visit, who, at, reason)


def visit_by_id(visit_id: int) -> Visit | None:
    return Visit.get_or_none(Visit.id == visit_id)


def pending_proxy_visits() -> list[Visit]:
    """Visits handed to proxy service (代办) that no proxy case has taken further yet."""
    return list(
        Visit.select()
        .where((Visit.outcome == rules.PROXY) & (Visit.status == rules.PENDING)
               & Visit.voided_at.is_null() & Visit.closed_at.is_null())
        .order_by(Visit.received_at)
    )


def visits_of(resident: Resident, limit: int = 5) -> list[Visit]:
    """A person's most recent visits (newest first), voided ones left out."""
    return list(
        Visit.select()
        .where((Visit.resident == resident) & Visit.voided_at.is_null())
        .order_by(Visit.received_at.desc(), Visit.id.desc())
        .limit(limit)
    )
