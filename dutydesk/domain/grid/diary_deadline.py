"""G05: a major matter written in the 民情日记 goes up within 2 days and the leadership answers
within 3 (seed 004: "必须在2天内向党委、政府报告，党委、政府必须在3天内拿出处理意见").

Whether those are calendar or working days is a setting (the seed says 天, read as calendar days).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dutydesk.domain.settings import declare
from dutydesk.domain.workday_calendar import WorkdayCalendar

REPORT_DAYS = declare("grid.diary.report_days", 2, "重大民情上报时限（天）", "G05")
ANSWER_DAYS = declare("grid.diary.answer_days", 3, "领导拿出处理意见时限（天）", "G05")
CALENDAR_DAYS = "calendar"
WORKDAYS = "workdays"
DAY_KINDS = {CALENDAR_DAYS: "自然日", WORKDAYS: "工作日"}
DAY_KIND = declare("grid.diary.day_kind", CALENDAR_DAYS, "重大民情时限按自然日或工作日计算", "G05")

TO_REPORT = "to_report"
TO_ANSWER = "to_answer"
ANSWERED = "answered"
STAGE_LABELS = {TO_REPORT: "待上报", TO_ANSWER: "待领导答复", ANSWERED: "已答复"}


def add_days(calendar: WorkdayCalendar, start: dt.date, days: int, kind: str) -> dt.date:
    """``days`` calendar or working days after ``start``."""
    if kind == WORKDAYS:
        return calendar.add_workdays(start, days)
    return start + dt.timedelta(days=days)


@dataclass(frozen=True)
class MajorDeadline:
    stage: str  # TO_REPORT / TO_ANSWER / ANSWERED
    due: dt.date | None


def major_deadline(calendar: WorkdayCalendar, noted: dt.date, reported: dt.date | None,
                   answered: dt.date | None, report_days: int, answer_days: int,
                   kind: str = CALENDAR_DAYS) -> MajorDeadline:
    """G05: the next step a major entry waits for and the day it is due: reporting up within
    ``report_days`` of the day it was heard, then the answer within ``answer_days`` of the report."""
    if answered is not None:
        return MajorDeadline(ANSWERED, None)
    if reported is None:
        return MajorDeadline(TO_REPORT, add_days(calendar, noted, report_days, kind))
    return MajorDeadline(TO_ANSWER, add_days(calendar, reported, answer_days, kind))
