"""The monthly 民情分析会 (V11): the meeting held, and each decision with who follows it up by when.

The pack the desk prepares for the meeting is a report (``reports.analysis_pack``); what the
meeting decides is kept here. An open decision waits in 待跟进 under its date until the person
following it up records what was done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.text_input import normalize_text
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit, open_matters
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.open_matters import OpenMatter


class AnalysisMeeting(BaseModel, VoidableMixin):
    month = CharField()  # YYYY-MM analysed
    held_on = DateField()
    chair = CharField()
    attendees = TextField(default="")
    notes = TextField(default="")
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def label(self) -> str:
        """How the meeting is named in the archive: the month analysed and the day it was held."""
        year, month = self.month.split("-")
        return f"{year}年{int(month)}月（{self.held_on:%Y-%m-%d}召开）"


class MeetingDecision(BaseModel, VoidableMixin):
    meeting = ForeignKeyField(AnalysisMeeting, backref="decisions")
    content = TextField()
    follower = CharField()
    due = DateField()
    done_at = DateTimeField(null=True)
    done_note = TextField(default="")
    created_at = DateTimeField()
    created_by = CharField()


class MeetingInvalid(FieldErrors):
    """Field -> Chinese message (``decision_2`` for the third decision's row)."""


@dataclass
class DecisionDraft:
    content: str
    follower: str
    due: dt.date | None


def _month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def record_meeting(year: int, month: int, held_on: dt.date, chair: str, attendees: str, notes: str,
                   decisions: list[DecisionDraft], who: str, at: dt.datetime) -> AnalysisMeeting:
    """V11: the meeting and its decisions, each with who follows it up and by when, in one go."""
    errors: dict[str, str] = {}
    if not chair.strip():
        errors["chair"] = "请填写主持人"
    if held_on > at.date():
        errors["held_on"] = "会议日期不能晚于今天"
    kept = [d for d in decisions if d.content.strip() or d.follower.strip()]
    if not kept:
        errors["decisions"] = "请至少填写一项会议决定"
    for n, d in enumerate(kept):
        if not d.content.strip():
            errors[f"decision_{n}"] = f"第{n + 1}项决定缺少内容"
        elif not d.follower.strip():
            errors[f"decision_{n}"] = f"第{n + 1}项决定须写明跟进人"
        elif d.due is None or d.due < held_on:
            errors[f"decision_{n}"] = f"第{n + 1}项决定须写明完成日期（不早于会议日期）"
    if errors:
        raise MeetingInvalid(errors)
    with database.atomic():
        meeting = audit.create(AnalysisMeeting, who, at, month=_month_key(year, month), held_on=held_on,
                               chair=normalize_text(chair), attendees=normalize_text(attendees),
                               notes=notes.strip(), created_at=at, created_by=who)
        for d in kept:
            audit.create(MeetingDecision, who, at, meeting=meeting, content=d.content.strip(),
                         follower=normalize_text(d.follower), due=d.due, created_at=at, created_by=who)
    return meeting


def mark_done(decision: MeetingDecision, note: str, who: str, at: dt.datetime) -> MeetingDecision:
    """The follow-up of one decision, done: what was done, by whom (the audit trail keeps who)."""
    if not note.strip():
        raise MeetingInvalid({"done_note": "请填写落实情况"})
    if decision.done_at is not None:
        raise MeetingInvalid({"done_note": "该决定已落实"})
    return audit.update(decision, who, at, reason="决定已落实", done_at=at, done_note=note.strip())


def meetings_for(year: int, month: int) -> list[AnalysisMeeting]:
    return list(AnalysisMeeting.select().where((AnalysisMeeting.month == _month_key(year, month))
                                               & AnalysisMeeting.voided_at.is_null())
                .order_by(AnalysisMeeting.id))


def live_decisions(meeting: AnalysisMeeting) -> list[MeetingDecision]:
    return list(meeting.decisions.where(MeetingDecision.voided_at.is_null()).order_by(MeetingDecision.id))


def open_decisions() -> list[MeetingDecision]:
    return list(MeetingDecision.select(MeetingDecision, AnalysisMeeting).join(AnalysisMeeting)
                .where(MeetingDecision.voided_at.is_null() & MeetingDecision.done_at.is_null()
                       & AnalysisMeeting.voided_at.is_null())
                .order_by(MeetingDecision.due, MeetingDecision.id))


def decision_matters(today: dt.date, calendar: WorkdayCalendar) -> list[OpenMatter]:
    """V11: each decision not yet carried out, under its date, naming who follows it up."""
    out = []
    for d in open_decisions():
        status = "overdue" if today > d.due else ("due_soon" if calendar.workdays_between(today, d.due) <= 1
                                                  else "ok")
        out.append(OpenMatter("meeting", f"民情分析会{d.meeting.month}", f"会议决定｜{d.content}｜跟进人{d.follower}",
                              d.due, status, d.id))
    return out


open_matters.PROVIDERS.append(decision_matters)
