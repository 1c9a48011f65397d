"""Proxy cases feeding the shared registries: the 待跟进 panel / handover (D09) and the duty log (D10)."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.proxy_case import STATE_LABELS, STEP_LABELS, CaseState, StepKind, due_status
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import duty_log_feed, open_matters
from dutydesk.store.duty_log_feed import DutyLogEntry
from dutydesk.store.notices.proxy_cases import DUE_SOON_DAYS, HANDOVER, ProxyCase, ProxyStep, open_cases
from dutydesk.store.open_matters import OpenMatter
from dutydesk.store.settings import get_setting


def proxy_matters(today: dt.date, calendar: WorkdayCalendar) -> list[OpenMatter]:
    """Every open proxy case with its urgency against the promised date on its slip."""
    soon = int(get_setting(DUE_SOON_DAYS, today))
    matters = []
    for case in open_cases():
        left = calendar.workdays_between(today, case.promised_date)
        status = due_status(case.promised_date, today, left, soon)
        summary = f"代办｜{case.person_name}｜{case.item_version.name}｜{STATE_LABELS[case.case_state]}｜{case.agent}"
        matters.append(OpenMatter("proxy", case.slip_no, summary, case.promised_date, status, case.id))
    return matters


def _step_text(step: ProxyStep) -> str:
    data = step.data
    if step.kind == HANDOVER:
        return f"由{data.get('from')}移交{data.get('to')}：{data.get('note')}"
    kind = StepKind(step.kind)
    extra = {
        StepKind.SUBMIT: lambda: f"送交{data.get('unit')}（{data.get('carrier')}）",
        StepKind.RETURN: lambda: f"退回补件：{data.get('missing')}",
        StepKind.REFUSE: lambda: f"不予办理：{data.get('reason')}",
        StepKind.NOTIFY: lambda: f"{data.get('method')}通知",
        StepKind.COLLECT: lambda: f"{data.get('signer')}签收",
        StepKind.PUBLICIZE: lambda: "公示期满，" + ("有异议" if data.get("objection") else "无异议"),
    }.get(kind)
    return extra() if extra else STEP_LABELS[kind]


def proxy_log(day: dt.date) -> list[DutyLogEntry]:
    """The day's accepted proxy matters and every step recorded that day."""
    start = dt.datetime.combine(day, dt.time.min)
    end = start + dt.timedelta(days=1)
    entries = []
    accepted = ProxyCase.select().where((ProxyCase.accepted_at >= start) & (ProxyCase.accepted_at < end))
    for case in accepted:
        result = "已作废" if case.voided_at else f"承诺{case.promised_date:%m月%d日}前办结"
        entries.append(DutyLogEntry(case.accepted_at, "代办",
                                    f"受理{case.person_name}的{case.item_version.name}（{case.slip_no}）", result))
    steps = (ProxyStep.select(ProxyStep, ProxyCase).join(ProxyCase)
             .where((ProxyStep.done_at >= start) & (ProxyStep.done_at < end) & ProxyStep.voided_at.is_null()))
    for step in steps:
        case = step.case
        label = "移交" if step.kind == HANDOVER else STEP_LABELS[StepKind(step.kind)]
        result = "办结" if case.case_state is CaseState.CLOSED and step.kind == StepKind.CLOSE.value else ""
        entries.append(DutyLogEntry(step.done_at, "代办", f"{case.slip_no} {label}：{_step_text(step)}", result))
    return entries


open_matters.PROVIDERS.append(proxy_matters)
duty_log_feed.PROVIDERS.append(proxy_log)
