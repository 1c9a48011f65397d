"""Handover notes (交接班, D09) and free-text duty log entries (incidents, disputes) for the duty log (D10)."""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel
from dutydesk.store.duty.staff import Staff
from dutydesk.store.feature_loading import features_pending
from dutydesk.store.open_matters import OpenMatter, merge_positions, open_matter_parts

NOTE_KINDS = ("突发事件", "矛盾纠纷", "来电", "其他")
OPEN_MATTERS_LOADING = "正在读取未办结事项…"


class Handover(BaseModel, VoidableMixin):
    day = DateField()
    session_key = CharField()
    from_staff = ForeignKeyField(Staff)
    note = TextField()
    open_matters = TextField(default="")  # the open matters listed at sign-out, as text
    written_at = DateTimeField()
    acknowledged_by = ForeignKeyField(Staff, null=True)
    acknowledged_at = DateTimeField(null=True)


class DutyNote(BaseModel, VoidableMixin):
    noted_at = DateTimeField()
    kind = CharField()
    text = TextField()
    result = TextField(default="")
    recorded_by = CharField()


def open_matters_text(today: dt.date, calendar: WorkdayCalendar, now: dt.datetime | None = None) -> str:
    """D09: what the next person takes over (visits without outcome, proxy slips due soon,
    undelivered messages). While the window's first screen is built the features are not
    imported yet (``store.feature_loading``): it reads 正在读取…, filled right after it shows."""
    if features_pending():
        return OPEN_MATTERS_LOADING
    return matters_text(*open_matter_parts(today, calendar, now))


def matters_text(daily: tuple[OpenMatter, ...], timed: tuple[OpenMatter, ...]) -> str:
    """The text of the open matters ``open_matter_parts`` gave, one line each, in their order.

    The same matters as last time (nothing written since): the same text, not tens of thousands of
    lines again on each 30 s refresh (issue 17). Unchanged matters are the very same objects; the
    day's lines are kept with the day's matters (``matter_lines``, read with them in a worker)."""
    cached = _text_cache.get("last")
    if cached is not None and cached[0] is daily and cached[1] == timed:
        return cached[2]
    lines = list(_day_lines(daily))
    for offset, (position, matter) in enumerate(zip(merge_positions(daily, timed), timed, strict=True)):
        lines.insert(position + offset, _line(matter))
    text = "\n".join(lines)
    _text_cache["last"] = (daily, timed, text)
    return text


def matter_lines(matters: tuple[OpenMatter, ...]) -> tuple[str, ...]:
    """One handover line per matter, worked out now (in any thread: the window's worker works
    them out with the day's matters, ``ui.open_matters_feed``, and hands them to ``keep_lines``)."""
    return tuple(_line(m) for m in matters)


def keep_lines(matters: tuple[OpenMatter, ...], lines: tuple[str, ...]) -> None:
    """Keep the lines of the day's matters (in the thread that asks for the text)."""
    _lines_cache["last"] = (matters, lines)


def _day_lines(matters: tuple[OpenMatter, ...]) -> tuple[str, ...]:
    cached = _lines_cache.get("last")
    if cached is not None and cached[0] is matters:
        return cached[1]
    lines = matter_lines(matters)
    keep_lines(matters, lines)
    return lines


_text_cache: dict[str, tuple[tuple[OpenMatter, ...], tuple[OpenMatter, ...], str]] = {}
_lines_cache: dict[str, tuple[tuple[OpenMatter, ...], tuple[str, ...]]] = {}
_STATES = {"overdue": "【已超期】", "due_soon": "【将到期】"}


def _line(m: OpenMatter) -> str:
    # Month and day by hand: strftime imports ``time`` on every call, costly with Qt's import hook.
    due = f"，期限{m.due.month:02d}月{m.due.day:02d}日" if m.due else ""
    return f"{_STATES.get(m.status, '')}{m.ref} {m.summary}{due}"


def write_handover(day: dt.date, session_key: str, staff: Staff, note: str, matters: str,
                   who: str, at: dt.datetime) -> Handover:
    return audit.create(Handover, who, at, day=day, session_key=session_key, from_staff=staff,
                        note=note.strip(), open_matters=matters, written_at=at)


def pending_handover(before: dt.datetime) -> Handover | None:
    """The newest handover nobody has taken over yet (with who wrote it, in the same read)."""
    return (Handover.select(Handover, Staff).join(Staff, on=(Handover.from_staff == Staff.id))
            .where(Handover.acknowledged_at.is_null() & Handover.voided_at.is_null() & (Handover.written_at <= before))
            .order_by(Handover.written_at.desc()).first())


def acknowledge(handover: Handover, staff: Staff, who: str, at: dt.datetime) -> Handover:
    """D09: the next duty person confirms taking over."""
    if handover.acknowledged_at is not None:
        raise ValueError("该交接已确认")
    if handover.from_staff_id == staff.id:
        raise ValueError("交班人不能自己确认接班")
    return audit.update(handover, who, at, acknowledged_by=staff, acknowledged_at=at)


def add_note(at: dt.datetime, kind: str, text: str, who: str, now: dt.datetime, result: str = "") -> DutyNote:
    if not text.strip():
        raise ValueError("请填写记录内容")
    return audit.create(DutyNote, who, now, noted_at=at, kind=kind, text=text.strip(), result=result.strip(),
                        recorded_by=who)


def handovers_on(day: dt.date) -> list[Handover]:
    return list(Handover.select().where((Handover.day == day) & Handover.voided_at.is_null())
                .order_by(Handover.written_at))


def notes_on(day: dt.date) -> list[DutyNote]:
    start = dt.datetime.combine(day, dt.time())
    end = start + dt.timedelta(days=1)
    return list(DutyNote.select().where(DutyNote.voided_at.is_null() & (DutyNote.noted_at >= start)
                                        & (DutyNote.noted_at < end)).order_by(DutyNote.noted_at))
