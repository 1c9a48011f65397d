"""The rules a request follows at the desk: channels, categories, outcomes and deadlines (V01-V07).

Pure logic, no Qt and no SQL, so the deadline arithmetic (V04) is tested with the real calendar
and the store and the UI share one vocabulary. Numbers from the regulations are settings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from dutydesk.domain.settings import declare
from dutydesk.domain.workday_calendar import ONE_DAY, WorkdayCalendar

CHANNELS = ("来访", "来电", "来信", "网络", "入户走访")  # the last: needs raised on household visits
CATEGORIES = ("政策咨询", "代办", "求助", "矛盾纠纷", "投诉举报", "意见建议", "突发事件", "其他")

# Outcomes of a request (V02, V04, V07).
DONE_NOW = "即办"
PROXY = "代办"
TRANSFER = "转办"
ESCALATE = "上报"
OUT_OF_SCOPE = "不属职责"
OUTCOMES = (DONE_NOW, PROXY, TRANSFER, ESCALATE, OUT_OF_SCOPE)
ESCALATION_LEVELS = ("镇", "县")  # township public-opinion station, county center

# Status codes stored in the books, with the labels staff see.
PENDING = "pending"
IN_PROGRESS = "in_progress"
DONE = "done"
FED_BACK = "fed_back"
STATUS_LABELS = {PENDING: "待处理", IN_PROGRESS: "办理中", DONE: "已办结", FED_BACK: "已反馈"}

# Deadline urgency (shared with OpenMatter.status).
URGENCY_OK = "ok"
URGENCY_DUE_SOON = "due_soon"
URGENCY_OVERDUE = "overdue"
URGENCY_PAUSED = "paused"
URGENCY_LABELS = {URGENCY_OK: "未到期", URGENCY_DUE_SOON: "即将到期", URGENCY_OVERDUE: "已超期",
                  URGENCY_PAUSED: "暂停计时"}

FEEDBACK_METHODS = ("当面", "电话", "短信", "书面")
SATISFACTION = ("满意", "基本满意", "不满意")
MEDIATION_RESULTS = ("调解成功", "未成功", "移交")
INCIDENT_RECIPIENTS = ("两委负责人", "镇党委")
PAUSE_CAUSES = {"person": "群众原因", "approval": "等待上级审批"}

# V04 deadline kinds, each a number of working days (settings).
SAME_DAY_DAYS = declare("visits.deadline.same_day", 0, "简单事项承诺时限（工作日，当日办结为0）", "V04")
REVIEW_DAYS = declare("visits.deadline.review", 2, "需审核事项承诺时限（工作日）", "V04")
REVIEW_MAX_DAYS = declare("visits.deadline.review_max", 5, "需审核事项最长时限（工作日）", "V04")
WRITTEN_DAYS = declare("visits.deadline.written", 7, "书面询问答复时限（工作日）", "V04")
COMPLEX_DAYS = declare("visits.deadline.complex", 10, "复杂事项答复时限（工作日）", "V04")
MAX_DAYS = declare("visits.deadline.max", 15, "特殊情况最长时限（工作日）", "V04")
DUE_SOON_DAYS = declare("visits.due_soon", 1, "“即将到期”提前提醒（工作日）", "V04")

DEADLINE_KINDS = {
    "same_day": ("当日办结", SAME_DAY_DAYS),
    "review": ("需审核", REVIEW_DAYS),
    "written": ("书面询问", WRITTEN_DAYS),
    "complex": ("复杂事项", COMPLEX_DAYS),
    "special": ("特殊情况", MAX_DAYS),
}


class RuleError(ValueError):
    """A request that breaks a rule; the message is Chinese and shown to staff."""


def promised_deadline(calendar: WorkdayCalendar, received: dt.date, days: int, max_days: int) -> dt.date:
    """V04: the promised date, counting ``days`` working days after the day it was received."""
    if days < 0:
        raise RuleError("承诺时限不能为负数")
    if days > max_days:
        raise RuleError(f"承诺时限最长为{max_days}个工作日（特殊情况）")
    return calendar.add_workdays(received, days)


def kind_max_days(kind: str, review_max: int, overall_max: int) -> int:
    """V04: the most working days a deadline kind may ever promise, extensions included.

    Matters needing review (需审核) are done within 2 working days and "最长不超过5个工作日"
    (seed 003), so neither an extension nor a longer setting takes them past ``review_max``;
    every other kind may go up to the special-case maximum.
    """
    if kind == "review":
        return min(review_max, overall_max)
    return overall_max


def kind_days(kind: str, days: int, review_max: int, overall_max: int) -> int:
    """V04: the working days promised for a kind, capped at what the kind allows."""
    return min(days, kind_max_days(kind, review_max, overall_max))


@dataclass(frozen=True)
class Pause:
    """Time caused by the person or spent waiting for a higher level's approval (V04)."""

    start: dt.date
    end: dt.date | None  # None: still paused


def paused_workdays(calendar: WorkdayCalendar, pauses: Iterable[Pause], today: dt.date) -> int:
    """Working days inside pauses (both ends inclusive, an open pause runs to today).

    Overlapping pauses count a day once, so two reasons at once do not stretch the deadline twice.
    """
    days: set[dt.date] = set()
    for pause in pauses:
        end = pause.end or today
        day = pause.start
        while day <= end:
            if calendar.is_workday(day):
                days.add(day)
            day += ONE_DAY
    return len(days)


def effective_deadline(
    calendar: WorkdayCalendar, deadline: dt.date, pauses: Iterable[Pause], today: dt.date
) -> dt.date:
    """The promised date moved on by the working days that did not count (V04)."""
    return calendar.add_workdays(deadline, paused_workdays(calendar, pauses, today))


def urgency(
    calendar: WorkdayCalendar,
    deadline: dt.date | None,
    today: dt.date,
    pauses: Iterable[Pause] = (),
    due_soon_days: int = 1,
) -> str:
    """ok / due_soon (within ``due_soon_days`` working days) / overdue / paused, from the calendar."""
    if deadline is None:
        return URGENCY_OK
    pauses = list(pauses)
    if any(p.end is None and p.start <= today for p in pauses):
        return URGENCY_PAUSED
    due = effective_deadline(calendar, deadline, pauses, today)
    if today > due:
        return URGENCY_OVERDUE
    if calendar.workdays_between(today, due) <= due_soon_days:
        return URGENCY_DUE_SOON
    return URGENCY_OK


def validate_outcome(outcome: str, fields: dict[str, str]) -> dict[str, str]:
    """Which outcome fields are missing (field name -> Chinese message), V02/V03/V07."""
    errors: dict[str, str] = {}
    if outcome not in OUTCOMES:
        errors["outcome"] = "请选择处理方式"
        return errors

    def need(name: str, message: str) -> None:
        if not (fields.get(name) or "").strip():
            errors[name] = message

    if outcome == DONE_NOW:
        need("result", "即办须填写办理结果")
    elif outcome == TRANSFER:
        need("transfer_to", "转办须填写承办人或单位")
        need("transfer_contact", "转办须填写承办方联系方式")
    elif outcome == ESCALATE:
        if fields.get("escalate_level") not in ESCALATION_LEVELS:
            errors["escalate_level"] = "请选择上报层级：镇 或 县"
    elif outcome == OUT_OF_SCOPE:
        need("outside_unit", "请填写负责办理的单位（告知群众去哪里办）")
        need("outside_address", "请填写该单位地址")
        need("outside_phone", "请填写该单位电话")
    return errors


def derived_outcome(category: str, outcome: str) -> str:
    """P02: a request registered as 代办 is handled by 代办; the desk says so once, as 事项类别,
    and the 处理方式 follows from it. Other categories keep the 处理方式 chosen."""
    return PROXY if category == PROXY else outcome


def initial_status(outcome: str) -> str:
    """Done on the spot and referrals are answered at once; everything else waits (V03)."""
    if outcome in (DONE_NOW, OUT_OF_SCOPE):
        return FED_BACK
    if outcome == PROXY:
        return PENDING
    return IN_PROGRESS
