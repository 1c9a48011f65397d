"""Meetings and study sessions (会议学习, D17): the month's schedule, attendance at each session
with the same sign-in identity as duty (own PIN, or 代签 on the principal leader's authority, D05),
leave as in D07, and the minutes, kept one per session and filed per year (A04).

Seed 004: "开会、学习逐次考勤"; seed 003: "一次一记，一年一归档". The schedule is written into the
books month by month (``plan_month``) so attendance is always taken against a recorded session;
a session that did not take place is voided with a reason, never deleted (A03). The 周例会 here is
the attendance side of the review meeting whose record ``store.duty.review_meeting`` keeps (D13).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain import meeting_rules as rules
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.text_input import normalize_text
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.duty.leave import LeaveRequest, leaves_between
from dutydesk.store.duty.leave_return import away_reasons
from dutydesk.store.duty.sign_in_identity import IdentityRefused, verify_identity, verify_principal
from dutydesk.store.duty.staff import Staff, active_staff
from dutydesk.store.search_index import SearchDoc, register, register_dependent
from dutydesk.store.settings import get_setting

SIGN_OPENS = dt.timedelta(hours=1)  # the attendance sheet is on the table before the session


class MeetingSession(BaseModel, VoidableMixin):
    kind = CharField()  # domain.meeting_rules.KINDS
    day = DateField()
    start_time = CharField()  # "14:30"
    topic = TextField(default="")
    chair = CharField(default="")
    minutes = TextField(default="")  # 会议记录: who spoke, what was discussed and decided
    minutes_by = CharField(null=True)
    minutes_at = DateTimeField(null=True)
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.combine(self.day, rules.parse_time(self.start_time))

    @property
    def title(self) -> str:
        return f"{self.day:%m月%d日} {self.start_time} {self.kind}" + (f"：{self.topic}" if self.topic else "")


class MeetingAttendance(BaseModel, VoidableMixin):
    session = ForeignKeyField(MeetingSession, backref="attendance")
    staff = ForeignKeyField(Staff)
    signed_at = DateTimeField()
    proof = CharField(default="")  # as SignIn.proof: "pin", "proxy", or "" before PINs were in use
    proxy_by = CharField(default="")
    proxy_reason = TextField(default="")
    recorded_by = CharField()


class MeetingInvalid(FieldErrors):
    """A session, sign-in or minutes that cannot be recorded, per form field."""


@dataclass(frozen=True)
class AttendanceLine:
    """One expected person at one session: 出席 / 请假 / 缺席 / 待签到, and why."""

    staff: Staff
    status: str
    note: str = ""

    @property
    def text(self) -> str:
        return f"{self.status}（{self.note}）" if self.note else self.status


@dataclass
class MeetingTallyRow:
    """One person's month of meetings and study sessions (会议学习考勤表)."""

    staff_id: int
    name: str
    role: str
    expected: int = 0
    present: int = 0
    leave: int = 0
    absent: int = 0
    overstayed: int = 0  # D07: absences after leave, reported back late
    not_reported_back: int = 0  # D07: absences after leave, not reported back
    penalty: int = 0
    absent_days: list[dt.date] = field(default_factory=list)


def meeting_plan(day: dt.date) -> rules.MeetingPlan:
    return rules.MeetingPlan(
        get_setting(rules.STUDY_MODE, day), int(get_setting(rules.STUDY_TIMES_PER_MONTH, day)),
        rules.parse_time(get_setting(rules.STUDY_START, day)), int(get_setting(rules.REVIEW_EVERY_WEEKS, day)),
        rules.parse_time(get_setting(rules.REVIEW_START, day)))


def sessions_between(start: dt.date, end: dt.date) -> list[MeetingSession]:
    return list(MeetingSession.select().where(MeetingSession.day.between(start, end)
                                              & MeetingSession.voided_at.is_null())
                .order_by(MeetingSession.day, MeetingSession.start_time, MeetingSession.id))


def add_session(kind: str, day: dt.date, start: str, topic: str, who: str, at: dt.datetime) -> MeetingSession:
    """Schedule one meeting or study session (also one outside the plan, e.g. a 专题学习)."""
    errors: dict[str, str] = {}
    if kind not in rules.KINDS:
        errors["kind"] = "请选择会议类型"
    try:
        start = f"{rules.parse_time(start):%H:%M}"
    except ValueError:
        errors["start_time"] = "时间格式应为 时:分，例如 14:30"
    if day < at.date():
        errors["day"] = "会议日期不能早于今天：已过的会议无法当场签到"
    elif not errors and any(s.kind == kind and s.start_time == start for s in sessions_between(day, day)):
        errors["day"] = f"{day:%m月%d日} {start} 已安排{kind}"
    if kind == rules.OTHER and not topic.strip():
        errors["topic"] = "其他会议请填写会议主题"
    if errors:
        raise MeetingInvalid(errors)
    return audit.create(MeetingSession, who, at, kind=kind, day=day, start_time=start, topic=topic.strip(),
                        created_at=at, created_by=who)


def plan_month(year: int, month: int, calendar: WorkdayCalendar, who: str, at: dt.datetime) -> list[MeetingSession]:
    """D17: write the month's planned sessions (settings in force on the 1st) into the books from
    today on, skipping holidays and any already there; returns those added. Days already past are
    left out: nobody could have signed in at them."""
    first = dt.date(year, month, 1)
    existing = {(s.day, s.kind) for s in sessions_between(first, first + dt.timedelta(days=31))}
    added = []
    with database.atomic():
        for planned in rules.planned_meetings(year, month, meeting_plan(first)):
            if ((planned.day, planned.kind) in existing or not calendar.is_workday(planned.day)
                    or planned.day < at.date()):
                continue
            added.append(add_session(planned.kind, planned.day, f"{planned.start:%H:%M}", "", who, at))
    return added


def void_session(session: MeetingSession, who: str, at: dt.datetime, reason: str) -> MeetingSession:
    return audit.void(session, who, at, reason)


def _signed(session: MeetingSession) -> dict[int, MeetingAttendance]:
    return {a.staff_id: a for a in MeetingAttendance.select().where(
        (MeetingAttendance.session == session) & MeetingAttendance.voided_at.is_null())}


def _check_sign(session: MeetingSession, staff: Staff, now: dt.datetime) -> dict[str, str]:
    if session.voided_at is not None:
        return {"session": "该会议已取消"}
    if staff.id in _signed(session):
        return {"staff": f"{staff.name}已签到"}
    if now.date() != session.day or now < session.start - SIGN_OPENS:
        return {"session": f"只能在会议当天签到（{session.day:%m月%d日} {session.start_time}开始）"}
    return {}


def sign_meeting(session: MeetingSession, staff: Staff, who: str, now: dt.datetime,
                 pin: str | None = None) -> MeetingAttendance:
    """D17: sign in at a session in person, with one's own PIN as for duty (D05)."""
    errors = _check_sign(session, staff, now)
    if errors:
        raise MeetingInvalid(errors)
    try:
        proof = verify_identity(staff, pin, now)
    except IdentityRefused as exc:
        raise MeetingInvalid({"pin": str(exc)}) from None
    return audit.create(MeetingAttendance, who, now, session=session, staff=staff, signed_at=now,
                        proof=proof, recorded_by=who)


def proxy_sign_meeting(session: MeetingSession, staff: Staff, principal: str, password: str, reason: str,
                       who: str, now: dt.datetime) -> MeetingAttendance:
    """D05/D17: 代签 at a session, on the principal leader's authority typed on the spot."""
    errors = _check_sign(session, staff, now)
    if not reason.strip():
        errors["reason"] = "请填写代签原因"
    if errors:
        raise MeetingInvalid(errors)
    try:
        leader = verify_principal(principal, password, now)
    except IdentityRefused as exc:
        raise MeetingInvalid({exc.field: str(exc)}) from None
    return audit.create(MeetingAttendance, who, now, session=session, staff=staff, signed_at=now, proof="proxy",
                        proxy_by=leader.name, proxy_reason=reason.strip(), recorded_by=who)


def void_sign_in(session: MeetingSession, staff: Staff, reason: str, who: str, at: dt.datetime) -> MeetingAttendance:
    """D17: a wrong sign-in (the wrong person picked, signed at the wrong session) is voided with a
    reason, audited and kept in the books (A03); the person counts as not signed in again and may
    sign in while the session is open."""
    reason = normalize_text(reason)
    row = _signed(session).get(staff.id)
    errors: dict[str, str] = {}
    if row is None:
        errors["staff"] = f"{staff.name}在该会议没有有效的签到"
    if not reason:
        errors["void_reason"] = "请填写作废原因（如：误选签到人员）"
    if errors:
        raise MeetingInvalid(errors)
    return audit.void(row, who, at, reason)


def _review_record(session: MeetingSession):
    if session.kind != rules.REVIEW:
        return None
    from dutydesk.store.duty.review_meeting import meeting_in_week

    return meeting_in_week(session.day)


def minutes_kept(session: MeetingSession) -> bool:
    """The session's record exists: its minutes, or for a 周例会 the review record (D13) of its week."""
    return bool(session.minutes) or _review_record(session) is not None


def session_chair(session: MeetingSession) -> str:
    """Who chaired: from the minutes, or for a 周例会 from its review record (D13)."""
    record = None if session.chair else _review_record(session)
    return record.chair if record is not None else session.chair


def record_minutes(session: MeetingSession, chair: str, minutes: str, who: str, at: dt.datetime) -> MeetingSession:
    """Seed 003: one record per session (time, chair, who attended, what was said). The 周例会's
    content is the review record the 周例会 page keeps (D13), not a second copy here."""
    if session.kind == rules.REVIEW:
        raise MeetingInvalid({"minutes": "周例会的会议内容请在“周例会”页登记"})
    errors: dict[str, str] = {}
    if not chair.strip():
        errors["chair"] = "请填写主持人"
    if not minutes.strip():
        errors["minutes"] = "请填写会议记录（发言讨论情况、议定事项）"
    if at < session.start:
        errors["minutes"] = "会议尚未开始，不能填写会议记录"
    if errors:
        raise MeetingInvalid(errors)
    return audit.update(session, who, at, reason="会议记录", chair=chair.strip(), minutes=minutes.strip(),
                        minutes_by=who, minutes_at=at)


def _leave_covers(leave: LeaveRequest, session: MeetingSession) -> bool:
    """Approved leave covers the session when it covers its day (and, for leave of some duty
    sessions only, the duty session the meeting's start falls in)."""
    if not leave.approved or not leave.start_day <= session.day <= leave.end_day:
        return False
    if not leave.session_keys:
        return True
    from dutydesk.store.duty.duty_config import duty_config

    start = session.start.time()
    return any(s.key in leave.session_keys and s.start <= start < s.end for s in duty_config(session.day).sessions)


def expected_at(session: MeetingSession, signed: dict[int, MeetingAttendance],
                staff: list[Staff] | None = None) -> list[Staff]:
    """D17: the staff expected that day (roles the setting excuses, e.g. volunteers, only when they
    signed in anyway). ``staff``: every staff member, when the caller read them already."""
    excused = set(get_setting(rules.EXCUSED_ROLES, session.day))
    active = active_staff(session.day) if staff is None else [s for s in staff if s.active_on(session.day)]
    return [s for s in active if s.role not in excused or s.id in signed]


def attendance_of(session: MeetingSession, now: dt.datetime, leaves: list[LeaveRequest] | None = None,
                  reasons=None, signed: dict[int, MeetingAttendance] | None = None,
                  everyone: list[Staff] | None = None) -> list[AttendanceLine]:
    """D17: everyone expected that day, present, on leave or absent (with 超假/未销假, D07).
    ``signed`` and ``everyone``: the session's valid sign-ins and all staff, when read for many
    sessions at once (``attendance_between``)."""
    leaves = leaves_between(session.day, session.day) if leaves is None else leaves
    reasons = reasons or away_reasons(session.day, session.day)
    signed = _signed(session) if signed is None else signed
    over = now.date() > session.day
    lines = []
    for staff in expected_at(session, signed, everyone):
        row = signed.get(staff.id)
        leave = next((lv for lv in leaves if lv.staff_id == staff.id and _leave_covers(lv, session)), None)
        status = rules.attendance_status(row is not None, leave is not None, over)
        note = ""
        if row is not None and row.proof == "proxy":
            note = f"代签，{row.proxy_by}授权"
        elif leave is not None and status == rules.ON_LEAVE:
            note = leave.leave_type
        elif status == rules.ABSENT:
            pending = any(lv.staff_id == staff.id and not lv.approved and lv.start_day <= session.day <= lv.end_day
                          for lv in leaves)
            note = "请假未批" if pending else reasons(staff.id, session.day)
        lines.append(AttendanceLine(staff, status, note))
    return lines


def signed_names(session: MeetingSession) -> list[str]:
    """Who signed in at ``session``, in the order they signed (the 周例会 page's attendee list)."""
    return [a.staff.name for a in sorted(_signed(session).values(), key=lambda a: a.signed_at)]


def review_signed_in_week(day: dt.date) -> list[str]:
    """D13: who signed in at the 周例会 of ``day``'s week (empty when none was held or signed)."""
    monday = day - dt.timedelta(days=day.weekday())
    sessions = [s for s in sessions_between(monday, monday + dt.timedelta(days=6)) if s.kind == rules.REVIEW]
    return signed_names(sessions[0]) if sessions else []


def session_summary(session: MeetingSession, now: dt.datetime) -> str:
    """One line for the list: "出席5/7，请假1，缺席1"."""
    return summary_text(attendance_of(session, now))


def summary_text(lines: list[AttendanceLine]) -> str:
    """``session_summary`` of lines already read (``attendance_between`` for a month's list)."""
    count = {status: sum(1 for line in lines if line.status == status)
             for status in (rules.PRESENT, rules.ON_LEAVE, rules.ABSENT)}
    text = f"出席{count[rules.PRESENT]}/{len(lines)}"
    if count[rules.ON_LEAVE]:
        text += f"，请假{count[rules.ON_LEAVE]}"
    if count[rules.ABSENT]:
        text += f"，缺席{count[rules.ABSENT]}"
    return text


def attendance_between(start: dt.date, end: dt.date, now: dt.datetime,
                       ) -> list[tuple[MeetingSession, list[AttendanceLine]]]:
    """D17: every session in the range with its attendance (``attendance_of``), from one read of
    the sessions, their sign-ins, the staff, the leave and the returns from leave: a year of
    sessions was a few queries per session (issue 17: the 考勤统计 page froze on opening)."""
    sessions = sessions_between(start, end)
    if not sessions:
        return []
    leaves = leaves_between(start, end)
    reasons = away_reasons(start, end)
    signed: dict[int, dict[int, MeetingAttendance]] = {s.id: {} for s in sessions}
    query = (MeetingAttendance.select(MeetingAttendance).join(MeetingSession)
             .where(MeetingSession.day.between(start, end) & MeetingAttendance.voided_at.is_null()))
    for row in query:
        if row.session_id in signed:
            signed[row.session_id][row.staff_id] = row
    staff = list(Staff.select().where(Staff.voided_at.is_null()).order_by(Staff.id))  # as active_staff
    return [(session, attendance_of(session, now, leaves, reasons, signed[session.id], staff))
            for session in sessions]


def month_table(year: int, month: int, now: dt.datetime) -> tuple[list[MeetingTallyRow], list[tuple]]:
    """D17: the 会议学习考勤表 numbers: per person, and per session (session, its lines)."""
    first = dt.date(year, month, 1)
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    penalty = int(get_setting(rules.ABSENCE_PENALTY, last))
    rows: dict[int, MeetingTallyRow] = {}
    detail = []
    for session, lines in attendance_between(first, last, now):
        detail.append((session, lines))
        for line in lines:
            r = rows.setdefault(line.staff.id, MeetingTallyRow(line.staff.id, line.staff.name, line.staff.role))
            if line.status == rules.WAITING:
                continue
            r.expected += 1
            r.present += line.status == rules.PRESENT
            r.leave += line.status == rules.ON_LEAVE
            if line.status == rules.ABSENT:
                r.absent += 1
                r.overstayed += line.note == rules.OVERSTAYED
                r.not_reported_back += line.note == rules.NOT_REPORTED_BACK
                r.penalty += penalty
                r.absent_days.append(session.day)
    return sorted(rows.values(), key=lambda r: r.staff_id), detail


def meeting_days(start: dt.date, end: dt.date, now: dt.datetime) -> list[tuple[int, dt.date, bool]]:
    """(staff id, day, absent?) for every finished session in the range, for D19's day count."""
    return [(line.staff.id, session.day, line.status == rules.ABSENT)
            for session, lines in attendance_between(start, end, now)
            for line in lines
            if line.status in (rules.PRESENT, rules.ABSENT)]


def meetings_page(offset: int, limit: int, start: dt.date, end: dt.date) -> list[MeetingSession]:
    return sessions_between(start, end)[offset:offset + limit]


def _document(session: MeetingSession) -> SearchDoc:
    names = "、".join(a.staff.name for a in session.attendance if a.voided_at is None) if session.id else ""
    return SearchDoc(title=session.title, text=" ".join(p for p in (session.chair, session.minutes, names) if p),
                     day=session.day, staff=session.minutes_by or session.created_by)


# Filed yearly (seed 003): minutes are filed in the session's year and found in 档案查询.
register(MeetingSession, "meeting", "会议学习记录", _document, day=lambda s: s.day)
register_dependent(MeetingAttendance, lambda a: a.session)
