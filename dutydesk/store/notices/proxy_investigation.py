"""The investigation of a proxy case before it is sent up (P11), with its site survey (现场勘查).

An item the catalogue marks as needing verification (or a site survey, e.g. house-building) gets
a named investigator and a due date; the findings are recorded on the case, and 送交上级 is
refused until they are (``proxy_cases.SUBMIT_GUARDS``). An investigation not yet reported waits
in 待跟进 under its due date.
"""

from __future__ import annotations

import datetime as dt

from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.proxy_case import StepError, Verification, verification_refusal
from dutydesk.domain.text_input import normalize_text
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit, open_matters
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.notices import proxy_cases
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.store.notices.proxy_cases import ProxyCase
from dutydesk.store.notices.proxy_intake import is_person
from dutydesk.store.open_matters import OpenMatter


class ProxyInvestigation(BaseModel, VoidableMixin):
    case = ForeignKeyField(ProxyCase, backref="investigations")
    investigator = CharField()
    due = DateField()
    site_survey = BooleanField(default=False)
    findings = TextField(default="")
    survey_findings = TextField(default="")
    found_at = DateTimeField(null=True)
    created_at = DateTimeField()
    created_by = CharField()


class InvestigationInvalid(FieldErrors):
    """Field -> Chinese message for the investigator, due date or findings."""


def needs_investigation(case: ProxyCase) -> bool:
    return case.item_version.item.investigated


def investigation_of(case: ProxyCase) -> ProxyInvestigation | None:
    return (ProxyInvestigation.select().where((ProxyInvestigation.case == case)
                                              & ProxyInvestigation.voided_at.is_null())
            .order_by(ProxyInvestigation.id.desc()).first())


def verification(case: ProxyCase) -> Verification:
    item = case.item_version.item
    row = investigation_of(case)
    return Verification(item.investigated, item.site_survey, row.investigator if row else "",
                        row.findings if row else "", row.survey_findings if row else "")


def assign_investigator(case: ProxyCase, investigator: str, due: dt.date, who: str,
                        at: dt.datetime) -> ProxyInvestigation:
    """P11: name who investigates and by when (again, with history, before findings are in)."""
    investigator = normalize_text(investigator)
    errors: dict[str, str] = {}
    if not needs_investigation(case):
        errors["investigator"] = "该事项不需要调查核实"
    elif not is_person(investigator):
        errors["investigator"] = "请填写调查人姓名"
    if due < at.date():
        errors["due"] = "完成日期不能早于今天"
    if errors:
        raise InvestigationInvalid(errors)
    with database.atomic():
        row = investigation_of(case)
        if row is None:
            return audit.create(ProxyInvestigation, who, at, case=case, investigator=investigator, due=due,
                                site_survey=case.item_version.item.site_survey, created_at=at, created_by=who)
        if row.found_at is not None:
            raise InvestigationInvalid({"investigator": "调查结果已登记，不能再更换调查人"})
        return audit.update(row, who, at, reason="更换调查人或完成日期", investigator=investigator, due=due)


def record_findings(case: ProxyCase, findings: str, survey_findings: str, who: str,
                    at: dt.datetime) -> ProxyInvestigation:
    """P11: the investigator's findings (and the site survey's, when the item needs one)."""
    row = investigation_of(case)
    errors: dict[str, str] = {}
    if row is None:
        errors["findings"] = "请先指定调查人和完成日期"
    elif not findings.strip():
        errors["findings"] = "请填写调查核实情况"
    if row is not None and row.site_survey and not survey_findings.strip():
        errors["survey_findings"] = "该事项须现场勘查，请填写现场勘查情况"
    if errors:
        raise InvestigationInvalid(errors)
    assert row is not None
    return audit.update(row, who, at, reason="登记调查核实结果", findings=findings.strip(),
                        survey_findings=survey_findings.strip(), found_at=at)


def refuse_unverified(case: ProxyCase) -> None:
    """The guard before 送交上级 (P11)."""
    message = verification_refusal(verification(case))
    if message:
        raise StepError(message)


def investigation_matters(today: dt.date, calendar: WorkdayCalendar) -> list[OpenMatter]:
    """Open cases that need an investigator named, or whose investigation is not reported."""
    matters = []
    flagged = CatalogueVersion.data.contains('"needs_verification": true') | CatalogueVersion.data.contains(
        '"site_survey": true')  # only cases of flagged items (the item JSON is written with sort_keys)
    cases = (ProxyCase.select(ProxyCase, CatalogueVersion).join(CatalogueVersion)
             .where(ProxyCase.voided_at.is_null() & ProxyCase.state.in_(["accepted", "publicized", "returned"])
                    & flagged).order_by(ProxyCase.promised_date, ProxyCase.id))
    for case in cases:
        if not needs_investigation(case):
            continue
        row = investigation_of(case)
        if row is not None and row.found_at is not None:
            continue
        if row is None:
            summary = f"调查核实｜{case.person_name}｜{case.item_version.name}｜请指定调查人"
            due, status = case.accepted_at.date(), "due_soon"
        else:
            what = "调查核实和现场勘查" if row.site_survey else "调查核实"
            summary = f"{what}｜{case.person_name}｜{case.item_version.name}｜调查人{row.investigator}"
            due = row.due
            status = "overdue" if today > due else ("due_soon" if today == due else "ok")
        matters.append(OpenMatter("proxy", case.slip_no, summary, due, status, case.id))
    return matters


proxy_cases.SUBMIT_GUARDS.append(refuse_unverified)
open_matters.PROVIDERS.append(investigation_matters)
