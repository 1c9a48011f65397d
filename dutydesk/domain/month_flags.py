"""Simple checks the township runs on a village's month (报送情况, issue 16): numbers that look
wrong enough for the clerk to ask before approving the month. Pure: rows in, Chinese flags out.

The rows are the bundle's (the village's own column names): visits, their feedback, and the
attendance tally (考勤统计) as the desk computed it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from dutydesk.domain.settings import declare

OVERDUE_RATE = declare("township.overdue_rate_flag", 0.1,
                       "镇级审核：村里限时办结的事项超期比例高于多少时提示（0.1 即 10%）")
ABSENCES = declare("township.absences_flag", 3, "镇级审核：一人一月缺勤几次及以上时提示")


def _day(value: object) -> str:
    return str(value or "")[:10]


def overdue_visits(visits: Iterable[Mapping], as_of: dt.date) -> tuple[int, int]:
    """(overdue, with a deadline): closed after the promised day, or still open after it."""
    overdue = due = 0
    for visit in visits:
        if visit.get("voided_at") or not visit.get("deadline"):
            continue
        due += 1
        closed, deadline = _day(visit.get("closed_at")), _day(visit["deadline"])
        if (closed and closed > deadline) or (not closed and deadline < as_of.isoformat()):
            overdue += 1
    return overdue, due


def closed_without_feedback(visits: Iterable[Mapping], feedbacks: Iterable[Mapping]) -> int:
    """Visits closed with no (valid) feedback to the person who came."""
    answered = {f.get("visit_id") for f in feedbacks if not f.get("voided_at")}
    return sum(1 for v in visits if v.get("closed_at") and not v.get("voided_at") and v.get("id") not in answered)


def month_flags(visits: list[Mapping], feedbacks: list[Mapping], tally: Iterable[Mapping], as_of: dt.date,
                overdue_rate: float, absences: int) -> list[str]:
    flags = []
    overdue, due = overdue_visits(visits, as_of)
    if due and overdue / due > overdue_rate:
        flags.append(f"超期率{overdue / due:.0%}（{overdue}/{due}件），高于{overdue_rate:.0%}")
    unanswered = closed_without_feedback(visits, feedbacks)
    if unanswered:
        flags.append(f"{unanswered}件事项办结后未反馈")
    for row in tally:
        absent = int(row.get("absent") or 0)
        if absent >= absences:
            flags.append(f"{row.get('name', '')}缺勤{absent}次")
    return flags
