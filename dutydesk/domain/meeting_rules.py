"""Meetings and study sessions (会议学习, D17), the duty review meeting's frequency (D13) and what a
session missed after leave ended counts as (销假, D07).

Seed 003: group study "每月四次" on Monday afternoons, "一次一记，一年一归档"; seed 004: "开会、学习逐次
考勤", a topic study on the first-week Tuesday, the review meeting weekly or every other Monday.
Pure functions: the store materialises a month's plan and takes attendance against it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dutydesk.domain.settings import declare

STUDY = "集中学习"
TOPIC_STUDY = "专题学习"
REVIEW = "周例会"
OTHER = "其他会议"
KINDS = (STUDY, TOPIC_STUDY, REVIEW, OTHER)

MONDAY_AFTERNOONS = "monday_afternoons"
FIRST_TUESDAY = "first_tuesday"
STUDY_MODES = {MONDAY_AFTERNOONS: "每月周一下午集中学习", FIRST_TUESDAY: "每月第一周周二专题学习"}

STUDY_MODE = declare("meetings.study_mode", MONDAY_AFTERNOONS,
                     "学习安排（周一下午集中学习，或第一周周二专题学习）", "D17")
STUDY_TIMES_PER_MONTH = declare("meetings.study_times_per_month", 4, "每月周一下午集中学习次数", "D17")
STUDY_START = declare("meetings.study_start", "14:30", "学习开始时间", "D17")
REVIEW_EVERY_WEEKS = declare("meetings.review_every_weeks", 1, "周例会间隔周数（每周为1，隔周为2）", "D13")
REVIEW_START = declare("meetings.review_start", "08:30", "周例会开始时间", "D13")
# Volunteers help at weekends; the meetings and study sessions are the staff's and the committee's.
EXCUSED_ROLES = declare("meetings.excused_roles", ["党员志愿者"], "不参加会议学习考勤的职务", "D17")
ABSENCE_PENALTY = declare("meetings.absence_penalty", 0, "会议学习无故缺席每次处罚（元，0为不处罚）", "D17")

# Attendance at one session, as the book and the monthly table show it.
PRESENT = "出席"
ON_LEAVE = "请假"
ABSENT = "缺席"
WAITING = "待签到"
# D07: why a missed session counts as absence after leave ended.
OVERSTAYED = "超假"
NOT_REPORTED_BACK = "未销假"


@dataclass(frozen=True)
class PlannedMeeting:
    day: dt.date
    kind: str
    start: dt.time


@dataclass(frozen=True)
class MeetingPlan:
    """The schedule settings in force for a month."""

    study_mode: str = MONDAY_AFTERNOONS
    study_times: int = 4
    study_start: dt.time = dt.time(14, 30)
    review_every_weeks: int = 1
    review_start: dt.time = dt.time(8, 30)


def parse_time(text: str) -> dt.time:
    hours, minutes = (int(p) for p in str(text).strip().split(":"))
    return dt.time(hours, minutes)


def _weekdays(year: int, month: int, weekday: int) -> list[dt.date]:
    day = dt.date(year, month, 1)
    day += dt.timedelta(days=(weekday - day.weekday()) % 7)
    days = []
    while day.month == month:
        days.append(day)
        day += dt.timedelta(days=7)
    return days


def review_week(monday: dt.date, every_weeks: int) -> bool:
    """D13: whether the review meeting falls on ``monday`` (every N weeks from the year's first Monday)."""
    if every_weeks <= 1:
        return True
    first = _weekdays(monday.year, 1, 0)[0]
    return ((monday - first).days // 7) % every_weeks == 0


def planned_meetings(year: int, month: int, plan: MeetingPlan) -> list[PlannedMeeting]:
    """D17: the month's study sessions and review meetings by the settings, in date order
    (working days are the store's business: a holiday Monday is dropped there)."""
    mondays = _weekdays(year, month, 0)
    result = [PlannedMeeting(day, REVIEW, plan.review_start) for day in mondays
              if review_week(day, plan.review_every_weeks)]
    if plan.study_mode == FIRST_TUESDAY:
        result.append(PlannedMeeting(_weekdays(year, month, 1)[0], TOPIC_STUDY, plan.study_start))
    else:
        result += [PlannedMeeting(day, STUDY, plan.study_start) for day in mondays[:max(0, plan.study_times)]]
    return sorted(result, key=lambda m: (m.day, m.start))


def after_leave_reason(day: dt.date, leave_end: dt.date, returned_on: dt.date | None,
                       seen_back_on: dt.date | None = None) -> str:
    """D07: a session missed after approved leave ended is absence; it is 超假 when the person
    reported back only later, 未销假 while they have not reported back at all, up to the day they
    were next seen at work (signed in for duty or a meeting): after that they are plainly back."""
    if day <= leave_end:
        return ""
    if returned_on is None:
        return NOT_REPORTED_BACK if seen_back_on is None or day < seen_back_on else ""
    return OVERSTAYED if day < returned_on else ""


def attendance_status(signed: bool, on_leave: bool, over: bool) -> str:
    """D17: present when signed, on leave when approved leave covers it, absent once the session's
    day is over, otherwise still waiting for the sign-in."""
    if signed:
        return PRESENT
    if on_leave:
        return ON_LEAVE
    return ABSENT if over else WAITING
