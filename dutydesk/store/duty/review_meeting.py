"""The weekly duty review meeting (周例会, D13): that it was held, when, who chaired, who attended and
what was said.

Seed 000: "每周一由村党支部书记主持召开全体坐班人员会议，回顾总结上周坐班及处理村务情况". The review
sheet (``reports.weekly_review``) is what the meeting reads; this is the record that it took place,
so the review page can show whether last week's meeting was held. A wrong record is voided with a
reason, never deleted (A03).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peewee import CharField, DateField, DateTimeField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel

_SEPARATORS = re.compile(r"[、，,；;\s]+")


class DutyReviewMeeting(BaseModel, VoidableMixin):
    held_on = DateField()
    chair = CharField()
    attendees = TextField()  # names joined with "、"
    notes = TextField()
    recorded_at = DateTimeField()
    recorded_by = CharField()

    @property
    def attendee_names(self) -> list[str]:
        return [n for n in self.attendees.split("、") if n]


class ReviewMeetingInvalid(FieldErrors):
    """A meeting record that cannot be saved, per form field."""


@dataclass(frozen=True)
class WeekMeeting:
    """Whether the review meeting of one Monday-Sunday week was held."""

    week_start: dt.date
    week_end: dt.date
    meeting: DutyReviewMeeting | None

    @property
    def held(self) -> bool:
        return self.meeting is not None


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday-Sunday week holding ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def split_names(text: str) -> list[str]:
    """Names typed with 、 ， , ; or spaces between them, each once, in the order typed."""
    return list(dict.fromkeys(n for n in _SEPARATORS.split(text.strip()) if n))


def meeting_in_week(day: dt.date) -> DutyReviewMeeting | None:
    start, end = week_of(day)
    return (DutyReviewMeeting.select()
            .where(DutyReviewMeeting.held_on.between(start, end) & DutyReviewMeeting.voided_at.is_null())
            .order_by(DutyReviewMeeting.held_on, DutyReviewMeeting.id).first())


def week_meeting(day: dt.date) -> WeekMeeting:
    start, end = week_of(day)
    return WeekMeeting(start, end, meeting_in_week(day))


def last_week_meeting(today: dt.date) -> WeekMeeting:
    """D13: the meeting of the week before ``today``'s, held or not."""
    return week_meeting(today - dt.timedelta(days=7))


def record_meeting(held_on: dt.date, chair: str, attendees: str, notes: str, who: str,
                   at: dt.datetime) -> DutyReviewMeeting:
    """D13: record that the week's review meeting was held; one per week."""
    errors: dict[str, str] = {}
    names = split_names(attendees)
    if held_on > at.date():
        errors["held_on"] = "会议日期不能晚于今天"
    else:
        earlier = meeting_in_week(held_on)
        if earlier is not None:
            errors["held_on"] = f"该周例会已于{earlier.held_on:%m月%d日}登记；如有错误请先作废原记录"
    if not chair.strip():
        errors["chair"] = "请填写主持人"
    if not names:
        errors["attendees"] = "请填写参会人员"
    if not notes.strip():
        errors["notes"] = "请填写会议内容（上周值班情况、发现的问题、本周安排）"
    if errors:
        raise ReviewMeetingInvalid(errors)
    return audit.create(DutyReviewMeeting, who, at, held_on=held_on, chair=chair.strip(),
                        attendees="、".join(names), notes=notes.strip(), recorded_at=at, recorded_by=who)


def void_meeting(meeting: DutyReviewMeeting, who: str, at: dt.datetime, reason: str) -> DutyReviewMeeting:
    return audit.void(meeting, who, at, reason)


def recent_meetings(limit: int = 20) -> list[DutyReviewMeeting]:
    return list(DutyReviewMeeting.select().where(DutyReviewMeeting.voided_at.is_null())
                .order_by(DutyReviewMeeting.held_on.desc(), DutyReviewMeeting.id.desc()).limit(limit))
