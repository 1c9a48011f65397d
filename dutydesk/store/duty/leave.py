"""Leave (请假) with a substitute and a director's approval (D05, D07).

Until a director approves, the slot stays the original person's and shows as uncovered; approval
records the approving account and the time, so the password login (issue 7) plugs in unchanged.
Leave asked for after its first session began is 事后补假: the director must give a reason to
approve it, and its substitute (not asked in time) never takes over that session's absence.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.attendance import LEAVE_TYPES
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.store import audit
from dutydesk.store.accounts.account import Account, approval_refusal, can_approve
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel
from dutydesk.store.duty.staff import Staff, staff_by_name


class LeaveRequest(BaseModel, VoidableMixin):
    staff = ForeignKeyField(Staff, backref="leaves")
    start_day = DateField()
    end_day = DateField()
    sessions = TextField()  # JSON list of session keys; [] means every session of those days
    leave_type = CharField()  # 病假 / 事假 / 公出
    reason = TextField()
    notice = TextField(default="")  # the meeting notice or trip order for 公出 (D05)
    substitute = ForeignKeyField(Staff, null=True)
    requested_at = DateTimeField()
    requested_by = CharField()
    approved_by = CharField(null=True)
    approved_at = DateTimeField(null=True)
    approval_note = TextField(default="")  # D07: why a director approved leave after the fact

    @property
    def approved(self) -> bool:
        return self.approved_at is not None

    @property
    def session_keys(self) -> list[str]:
        return json.loads(self.sessions)

    def covers(self, day: dt.date, session_key: str) -> bool:
        keys = self.session_keys
        return self.start_day <= day <= self.end_day and (not keys or session_key in keys)

    @property
    def status_label(self) -> str:
        if self.voided_at is not None:
            return "已作废"
        label = "已批准" if self.approved else "待批准"
        return f"{label}（事后补假）" if is_after_the_fact(self) else label


class LeaveError(FieldErrors):
    """A leave request that breaks a rule, per form field."""


@dataclass(eq=False, repr=False)  # never compared or printed: less to compile at start (issue 17)
class LeaveInput:
    """A leave request as typed in the 请假 form, before it is checked."""
    staff_name: str
    start_day: dt.date
    end_day: dt.date
    leave_type: str
    reason: str
    substitute_name: str = ""
    sessions: list[str] | None = None
    notice: str = ""


def _overlaps(staff: Staff, data: LeaveInput) -> LeaveRequest | None:
    keys = set(data.sessions or [])
    for other in LeaveRequest.select().where(
        (LeaveRequest.staff == staff) & LeaveRequest.voided_at.is_null()
        & (LeaveRequest.start_day <= data.end_day) & (LeaveRequest.end_day >= data.start_day)
    ):
        theirs = set(other.session_keys)
        if not keys or not theirs or keys & theirs:
            return other
    return None


def validate_leave(data: LeaveInput) -> tuple[dict[str, str], Staff | None, Staff | None]:
    errors: dict[str, str] = {}
    staff = staff_by_name(data.staff_name) if data.staff_name.strip() else None
    if staff is None:
        errors["staff"] = "请选择请假人" if not data.staff_name.strip() else f"没有名为“{data.staff_name}”的人员"
    if data.end_day < data.start_day:
        errors["end_day"] = "结束日期不能早于开始日期"
    if data.leave_type not in LEAVE_TYPES:
        errors["leave_type"] = "请选择请假类型"
    if not data.reason.strip():
        errors["reason"] = "请填写请假事由"
    if data.leave_type == "公出" and not data.notice.strip():
        errors["notice"] = "公出须注明会议通知或派出文件"
    substitute = None
    if data.substitute_name.strip():
        substitute = staff_by_name(data.substitute_name)
        if substitute is None:
            errors["substitute"] = f"没有名为“{data.substitute_name.strip()}”的人员，请从列表中选择"
        elif staff is not None and substitute.id == staff.id:
            errors["substitute"] = "替班人不能是请假人本人"
        elif not substitute.active_on(data.start_day):
            errors["substitute"] = f"{substitute.name}已停用，不能替班"
    else:
        errors["substitute"] = "请假须安排替班人"
    if staff is not None and "end_day" not in errors:
        clash = _overlaps(staff, data)
        if clash is not None:
            errors["start_day"] = (f"与已有请假重叠：{clash.start_day:%m月%d日}至{clash.end_day:%m月%d日}"
                                   f"（{clash.status_label}）")
    return errors, staff, substitute


def request_leave(data: LeaveInput, who: str, at: dt.datetime) -> LeaveRequest:
    errors, staff, substitute = validate_leave(data)
    if errors:
        raise LeaveError(errors)
    return audit.create(
        LeaveRequest, who, at, staff=staff, start_day=data.start_day, end_day=data.end_day,
        sessions=json.dumps(data.sessions or []), leave_type=data.leave_type, reason=data.reason.strip(),
        notice=data.notice.strip(), substitute=substitute, requested_at=at, requested_by=who,
    )


class NotAllowed(PermissionError):
    """The logged-in account may not do this (e.g. approve leave without being a director)."""


def first_session_start(leave: LeaveRequest) -> dt.datetime | None:
    """When the first session the leave covers begins (None: it covers no session)."""
    from dutydesk.store.duty.duty_config import DutyConfigs

    configs = DutyConfigs()
    day = leave.start_day
    while day <= leave.end_day:
        starts = [s.at(day, "start") for s in configs.on(day).sessions_on(day) if leave.covers(day, s.key)]
        if starts:
            return min(starts)
        day += dt.timedelta(days=1)
    return None


def is_after_the_fact(leave: LeaveRequest) -> bool:
    """D07: leave asked for after its (first) session began is 事后补假."""
    first = first_session_start(leave)
    return first is not None and leave.requested_at > first


def approve_leave(leave: LeaveRequest, account: Account | None, at: dt.datetime,
                  reason: str = "") -> LeaveRequest:
    """D07: the secretary's or director's approval, with who and when; the approving account
    must be able to approve (``accounts.can_approve``: a director with a password); 事后补假 also
    needs the director's reason for accepting it."""
    if account is None or not account.is_director:
        raise NotAllowed("只有主任或书记可以批准请假")
    if not can_approve(account):
        raise NotAllowed(approval_refusal(account) or "")
    return record_approval(leave, account.name, at, reason)


def record_approval(leave: LeaveRequest, approver: str, at: dt.datetime, reason: str = "") -> LeaveRequest:
    """Write an approval already given (the demo's history of leave approved on paper); an
    approval given now goes through ``approve_leave``."""
    if leave.approved:
        raise LeaveError({"leave": "该请假已批准"})
    if leave.voided_at is not None:
        raise LeaveError({"leave": "该请假已作废"})
    if is_after_the_fact(leave) and not reason.strip():
        raise LeaveError({"approval_note": "该请假在班次开始后才提出（事后补假），批准须填写理由"})
    return audit.update(leave, approver, at, approved_by=approver, approved_at=at,
                        approval_note=reason.strip())


def leaves_between(start: dt.date, end: dt.date, include_pending: bool = True) -> list[LeaveRequest]:
    query = LeaveRequest.select().where(
        LeaveRequest.voided_at.is_null() & (LeaveRequest.start_day <= end) & (LeaveRequest.end_day >= start))
    if not include_pending:
        query = query.where(LeaveRequest.approved_at.is_null(False))
    return list(query.order_by(LeaveRequest.start_day, LeaveRequest.id))


def leave_for(staff_id: int, day: dt.date, session_key: str,
              leaves: list[LeaveRequest]) -> LeaveRequest | None:
    for leave in leaves:
        if leave.staff_id == staff_id and leave.covers(day, session_key):
            return leave
    return None


def approved_leave_slots(start: dt.date, end: dt.date) -> set[tuple[dt.date, str, int]]:
    """(day, session key, staff id) the rotation must not use (D07)."""
    from dutydesk.store.duty.duty_config import DutyConfigs

    configs = DutyConfigs()
    result: set[tuple[dt.date, str, int]] = set()
    for leave in leaves_between(start, end, include_pending=False):
        day = max(start, leave.start_day)
        while day <= min(end, leave.end_day):
            for session in configs.on(day).sessions_on(day):
                if leave.covers(day, session.key):
                    result.add((day, session.key, leave.staff_id))
            day += dt.timedelta(days=1)
    return result


def leave_page(offset: int, limit: int) -> list[LeaveRequest]:
    """Newest first, for the lazily paged leave list."""
    return list(LeaveRequest.select().order_by(LeaveRequest.start_day.desc(), LeaveRequest.id.desc())
                .offset(offset).limit(limit))
