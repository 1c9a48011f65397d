"""The 民情日记 (G05): what each cadre heard among the households and what they did about it.

An entry marked major must be reported up within 2 days and answered by the leadership within 3
(seed 004); the open ones join 待跟进 and the status bar through ``open_matters.PROVIDERS``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.grid import diary_deadline as deadlines
from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.domain.text_input import normalize_text
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit, open_matters
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel
from dutydesk.store.duty.staff import Staff
from dutydesk.store.grid.household import Household
from dutydesk.store.open_matters import OpenMatter
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.residents import Resident


class DiaryEntry(BaseModel, VoidableMixin):
    staff = ForeignKeyField(Staff, backref="diary_entries")
    day = DateField()
    place = CharField(default="")
    household = ForeignKeyField(Household, null=True, backref="diary_entries")
    heard = TextField()
    done = TextField(default="")
    major = BooleanField(default=False)
    reported_at = DateTimeField(null=True)
    reported_to = CharField(default="")
    answered_at = DateTimeField(null=True)
    answer = TextField(default="")
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def where(self) -> str:
        if self.household_id is not None:
            return self.household.label
        return self.place


class DiaryInvalid(FieldErrors):
    """Bad diary fields: ``errors`` maps field name to a Chinese message."""


@dataclass
class DiaryDraft:
    staff_id: int | None
    day: dt.date
    heard: str
    done: str = ""
    place: str = ""
    household_id: int | None = None
    major: bool = False


def add_entry(draft: DiaryDraft, who: str, at: dt.datetime) -> DiaryEntry:
    errors: dict[str, str] = {}
    heard = normalize_text(draft.heard, multiline=True)
    place = normalize_text(draft.place)
    if draft.staff_id is None:
        errors["staff"] = "请选择记日记的干部"
    if draft.day > at.date():
        errors["day"] = "日期不能晚于今天"
    if not heard:
        errors["heard"] = "请填写了解到的民情"
    if not place and draft.household_id is None:
        errors["place"] = "请填写地点或选择走访的户"
    if errors:
        raise DiaryInvalid(errors)
    return audit.create(DiaryEntry, who, at, staff=draft.staff_id, day=draft.day, place=place,
                        household=draft.household_id, heard=heard, done=normalize_text(draft.done, multiline=True),
                        major=draft.major, created_at=at, created_by=who)


def report_entry(entry: DiaryEntry, reported_to: str, when: dt.datetime, who: str, at: dt.datetime) -> DiaryEntry:
    """G05: the major matter was reported to the party committee / government."""
    reported_to = normalize_text(reported_to)
    if not entry.major:
        raise DiaryInvalid({"major": "只有重大民情需要上报"})
    if not reported_to:
        raise DiaryInvalid({"reported_to": "请填写报告给谁（党委、政府或其负责人）"})
    if when.date() < entry.day or when > at:
        raise DiaryInvalid({"reported_at": "上报时间应在记录日期之后、不晚于现在"})
    return audit.update(entry, who, at, reported_at=when, reported_to=reported_to)


def answer_entry(entry: DiaryEntry, answer: str, when: dt.datetime, who: str, at: dt.datetime) -> DiaryEntry:
    """G05: the leadership's handling opinion on a reported major matter."""
    answer = normalize_text(answer, multiline=True)
    if entry.reported_at is None:
        raise DiaryInvalid({"answer": "请先登记上报"})
    if not answer:
        raise DiaryInvalid({"answer": "请填写领导的处理意见"})
    if when < entry.reported_at or when > at:
        raise DiaryInvalid({"answered_at": "答复时间应在上报之后、不晚于现在"})
    return audit.update(entry, who, at, answered_at=when, answer=answer)


def entries(start: dt.date, end: dt.date, staff_id: int | None = None) -> list[DiaryEntry]:
    """With their staff, households and heads: a list of a few months is one query (issue 17)."""
    query = (DiaryEntry.select(DiaryEntry, Staff, Household, Resident).join(Staff).switch(DiaryEntry)
             .join(Household, JOIN.LEFT_OUTER).join(Resident, JOIN.LEFT_OUTER)
             .where(DiaryEntry.voided_at.is_null() & (DiaryEntry.day >= start) & (DiaryEntry.day <= end)))
    if staff_id is not None:
        query = query.where(DiaryEntry.staff == staff_id)
    return list(query.order_by(DiaryEntry.day.desc(), DiaryEntry.id.desc()))


def major_deadline(entry: DiaryEntry, calendar: WorkdayCalendar) -> deadlines.MajorDeadline:
    on = entry.day
    return deadlines.major_deadline(
        calendar, entry.day, entry.reported_at.date() if entry.reported_at else None,
        entry.answered_at.date() if entry.answered_at else None,
        int(get_setting(deadlines.REPORT_DAYS, on)), int(get_setting(deadlines.ANSWER_DAYS, on)),
        str(get_setting(deadlines.DAY_KIND, on)))


def _urgency(due: dt.date, today: dt.date) -> str:
    if today > due:
        return rules.URGENCY_OVERDUE
    if (due - today).days <= 1:
        return rules.URGENCY_DUE_SOON
    return rules.URGENCY_OK


def diary_matters(today: dt.date, calendar: WorkdayCalendar) -> list[OpenMatter]:
    """G05: major entries not yet answered, due for reporting up or for the leadership's answer."""
    open_entries = DiaryEntry.select().where(DiaryEntry.major & DiaryEntry.answered_at.is_null()
                                             & DiaryEntry.voided_at.is_null())
    matters = []
    for entry in open_entries:
        step = major_deadline(entry, calendar)
        text = " ".join(entry.heard.split())
        text = mask_personal_numbers(text)
        text = text if len(text) <= 24 else text[:23] + "…"
        summary = f"重大民情{deadlines.STAGE_LABELS[step.stage]}｜{entry.staff.name}｜{text}"
        matters.append(OpenMatter("diary", f"民情{entry.day:%Y}-{entry.id:04d}", summary, step.due,
                                  _urgency(step.due, today), entry.id))
    return matters


open_matters.PROVIDERS.append(diary_matters)
