"""Simple checks the township runs on a village's month (报送情况, issue 16): numbers that look
wrong enough for the clerk to ask before approving the month. Pure: rows in, Chinese flags out.

The rows are the bundle's (the village's own column names): visits, their feedback, and the
attendance tally (考勤统计) as the desk computed it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from dutydesk.domain.settings import declare
from dutydesk.domain.visit_rules import DONE, DONE_NOW, FED_BACK, OUT_OF_SCOPE

OVERDUE_RATE = declare("township.overdue_rate_flag", 0.1,
                       "镇级审核：村里限时办结的事项超期比例高于多少时提示（0.1 即 10%）")
ABSENCES = declare("township.absences_flag", 3, "镇级审核：一人一月缺勤几次及以上时提示")


DONE_STATES = (DONE, FED_BACK)
AT_ONCE = (DONE_NOW, OUT_OF_SCOPE)  # outcomes finished the day they came


def _day(value: object) -> str:
    return str(value or "")[:10]


def overdue_visits(visits: Iterable[Mapping], feedbacks: Iterable[Mapping], as_of: dt.date) -> tuple[int, int]:
    """(overdue, with a deadline) among the month's visits: still open after the promised day at
    ``as_of``, or answered (first feedback) after it. The bundle carries no pauses (V04), so this
    is a flag for the clerk to ask about, not the village's own figure."""
    first: dict[object, str] = {}
    for feedback in feedbacks:
        if not feedback.get("voided_at"):
            day = _day(feedback.get("given_at"))
            first[feedback.get("visit_id")] = min(first.get(feedback.get("visit_id"), day), day)
    overdue = due = 0
    for visit in visits:
        if visit.get("voided_at") or not visit.get("deadline"):
            continue
        due += 1
        deadline = _day(visit["deadline"])
        if visit.get("status") in DONE_STATES or visit.get("closed_at"):
            finished = _day(visit.get("received_at")) if visit.get("outcome") in AT_ONCE else first.get(visit["id"])
            late = bool(finished) and finished > deadline
        else:
            late = deadline < as_of.isoformat()
        overdue += late
    return overdue, due


def closed_without_feedback(visits: Iterable[Mapping]) -> int:
    """Visits closed without telling the person (关闭而未反馈, with a reason at the village)."""
    return sum(1 for v in visits if v.get("closed_at") and not v.get("voided_at"))


def month_flags(visits: list[Mapping], feedbacks: list[Mapping], tally: Iterable[Mapping], as_of: dt.date,
                overdue_rate: float, absences: int) -> list[str]:
    flags = []
    overdue, due = overdue_visits(visits, feedbacks, as_of)
    if due and overdue / due > overdue_rate:
        flags.append(f"超期率{overdue / due:.0%}（{overdue}/{due}件），高于{overdue_rate:.0%}")
    unanswered = closed_without_feedback(visits)
    if unanswered:
        flags.append(f"{unanswered}件事项未反馈即关闭")
    for row in tally:
        absent = int(row.get("absent") or 0)
        if absent >= absences:
            flags.append(f"{row.get('name', '')}缺勤{absent}次")
    return flags
