"""销假: the report back that ends leave (D07, seed 003).

Leave ends when the person reports back in person: the day they are back at work, recorded with
who took the report and when (through the audit trail). Sessions missed after the approved end of
the leave are absences; the tally says why: 超假 when the report back came later, 未销假 while it
has not come at all (``domain.meeting_rules.after_leave_reason``). Kept apart from the leave
request itself so a wrong report back is voided with a reason like any other record (A03).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.meeting_rules import after_leave_reason
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel
from dutydesk.store.duty.leave import LeaveRequest


class LeaveReturn(BaseModel, VoidableMixin):
    leave = ForeignKeyField(LeaveRequest, backref="returns")
    returned_on = DateField()  # the first day back at work
    reported_at = DateTimeField()
    reported_by = CharField()
    note = TextField(default="")


class LeaveReturnInvalid(FieldErrors):
    """A 销假 that cannot be recorded, per form field."""


def return_of(leave: LeaveRequest) -> LeaveReturn | None:
    return (LeaveReturn.select().where((LeaveReturn.leave == leave) & LeaveReturn.voided_at.is_null())
            .order_by(LeaveReturn.id.desc()).first())


def report_back(leave: LeaveRequest, returned_on: dt.date, note: str, who: str, at: dt.datetime) -> LeaveReturn:
    """D07: the person reports back (销假) on ``returned_on``; a day after the approved end is
    recorded as it is, and the sessions missed in between count as 超假."""
    errors: dict[str, str] = {}
    if leave.voided_at is not None:
        errors["leave"] = "该请假已作废"
    elif not leave.approved:
        errors["leave"] = "该请假尚未批准，不能销假"
    elif return_of(leave) is not None:
        errors["leave"] = f"{leave.staff.name}已于{return_of(leave).returned_on:%m月%d日}销假"
    if returned_on > at.date():
        errors["returned_on"] = "返岗日期不能晚于今天"
    elif returned_on < leave.start_day:
        errors["returned_on"] = "返岗日期不能早于请假开始日期"
    if errors:
        raise LeaveReturnInvalid(errors)
    return audit.create(LeaveReturn, who, at, leave=leave, returned_on=returned_on, reported_at=at,
                        reported_by=who, note=note.strip())


def return_text(leave: LeaveRequest, today: dt.date, calendar: WorkdayCalendar) -> str:
    """What the leave list shows: 已销假, 超假 ("超假2天，11月27日销假": working days missed), 未销假
    or nothing yet."""
    if not leave.approved or leave.voided_at is not None:
        return ""
    row = return_of(leave)
    if row is None:
        return "未销假" if today > leave.end_day else ""
    over = calendar.workdays_between(leave.end_day, row.returned_on - dt.timedelta(days=1))
    if over > 0:
        return f"超假{over}天，{row.returned_on:%m月%d日}销假"
    return f"已销假（{row.returned_on:%m月%d日}返岗）"


def away_reasons(start: dt.date, end: dt.date) -> Callable[[int, dt.date], str]:
    """D07: for a staff id and a day in [start, end], why a missed session is an absence after
    leave (超假 / 未销假), or "" — read once for the range. Only the person's latest approved leave
    that ended before the day counts."""
    rows = list(LeaveRequest.select().where(
        LeaveRequest.voided_at.is_null() & LeaveRequest.approved_at.is_null(False)
        & (LeaveRequest.end_day < end) & (LeaveRequest.end_day >= start - dt.timedelta(days=366)))
        .order_by(LeaveRequest.end_day))
    returns = {r.leave_id: r.returned_on for r in LeaveReturn.select().where(
        LeaveReturn.voided_at.is_null() & LeaveReturn.leave.in_([lv.id for lv in rows]))} if rows else {}
    by_staff: dict[int, list[LeaveRequest]] = {}
    for leave in rows:
        by_staff.setdefault(leave.staff_id, []).append(leave)

    seen: dict[tuple[int, dt.date], dt.date | None] = {}

    def reason(staff_id: int, day: dt.date) -> str:
        ended = [lv for lv in by_staff.get(staff_id, []) if lv.end_day < day]
        if not ended:
            return ""
        latest = ended[-1]
        key = (staff_id, latest.end_day)
        if key not in seen and latest.id not in returns:
            seen[key] = first_seen_after(staff_id, latest.end_day)
        return after_leave_reason(day, latest.end_day, returns.get(latest.id), seen.get(key))

    return reason


def first_seen_after(staff_id: int, day: dt.date) -> dt.date | None:
    """The first day after ``day`` the person signed in for duty or at a meeting (back at work)."""
    from dutydesk.store.duty.attendance import SignIn
    from dutydesk.store.duty.meetings import MeetingAttendance, MeetingSession

    duty = (SignIn.select(SignIn.day).where((SignIn.staff == staff_id) & (SignIn.day > day)
                                            & SignIn.voided_at.is_null()).order_by(SignIn.day).first())
    meeting = (MeetingSession.select(MeetingSession.day).join(MeetingAttendance)
               .where((MeetingAttendance.staff == staff_id) & (MeetingSession.day > day)
                      & MeetingAttendance.voided_at.is_null() & MeetingSession.voided_at.is_null())
               .order_by(MeetingSession.day).first())
    days = [row.day for row in (duty, meeting) if row is not None]
    return min(days) if days else None
