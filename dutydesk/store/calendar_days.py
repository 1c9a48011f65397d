"""Holidays and make-up workdays the center entered itself, overlaid on the official calendar.

Removing a day voids its row with a reason (A03); re-entering a day voids the earlier entry, so
at most one live row per date exists and the history of who changed the calendar is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from peewee import BooleanField, CharField, DateField, DateTimeField

from dutydesk.domain.workday_calendar import SpecialDay, WorkdayCalendar
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.settings import change_state
from dutydesk.store.shipped_calendar import shipped_days

if TYPE_CHECKING:  # the file formats load only when a file is read (issue 17)
    from dutydesk.domain.calendar_file import EnteredDay


class CalendarDay(BaseModel, VoidableMixin):
    day = DateField()
    is_workday = BooleanField()
    name = CharField(default="")
    created_at = DateTimeField()
    created_by = CharField()


def _live(day: dt.date) -> CalendarDay | None:
    return CalendarDay.get_or_none((CalendarDay.day == day) & CalendarDay.voided_at.is_null())


# Issue 17: the start built the calendar twice before the first paint, and pages build it on every
# refresh; the entered days are read once per change of the books (``store.settings.change_state``).
_read: dict[str, tuple[tuple, dict[dt.date, SpecialDay]]] = {}


def entered_days() -> dict[dt.date, SpecialDay]:
    state = change_state(database.connection())
    cached = _read.get("last")
    if state is not None and cached is not None and cached[0][0] is state[0] and cached[0][1:] == state[1:]:
        return dict(cached[1])
    days = {
        row.day: SpecialDay(row.day, bool(row.is_workday), row.name, "entered")
        for row in CalendarDay.select().where(CalendarDay.voided_at.is_null())
    }
    if state is not None:
        _read["last"] = (state, days)
    return dict(days)


def load_calendar() -> WorkdayCalendar:
    """The official calendar (with the years shipped in ``resources/calendar``) overlaid by the
    days entered here."""
    return WorkdayCalendar(entered_days(), shipped=shipped_days())


def enter_day(day: dt.date, is_workday: bool, name: str, who: str, at: dt.datetime) -> CalendarDay:
    """Enter (or re-enter) one day; an earlier entry for the date is voided, not overwritten."""
    with database.atomic():
        old = _live(day)
        if old is not None:
            audit.void(old, who, at, "重新录入")
        return audit.create(CalendarDay, who, at, day=day, is_workday=is_workday, name=name.strip(),
                            created_at=at, created_by=who)


def remove_day(day: dt.date, who: str, at: dt.datetime, reason: str = "删除录入的日期") -> None:
    old = _live(day)
    if old is None:
        raise ValueError(f"{day} 不是本中心录入的日期（官方日期不能删除，可录入一条覆盖）")
    audit.void(old, who, at, reason)


def import_days(days: Iterable[EnteredDay], who: str, at: dt.datetime) -> int:
    """Enter every day of an imported file in one transaction; returns how many were entered."""
    count = 0
    with database.atomic():
        for entry in days:
            enter_day(entry.day, entry.is_workday, entry.name, who, at)
            count += 1
    return count
