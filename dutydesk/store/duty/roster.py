"""The roster (值班安排表): generated rotation, manual edits, swaps and special periods (D01, D08, D11).

Generated slots are replaced when the roster is regenerated; manual edits and swaps are kept
unless the caller says otherwise. Nothing is deleted: a replaced slot is voided with a reason.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store import audit
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.duty.duty_config import DutyConfigs, duty_config
from dutydesk.store.duty.staff import Staff, all_staff

# The planning functions import the planning domain themselves: the first screen only reads the
# stored roster (issue 17).
if TYPE_CHECKING:
    from dutydesk.domain.roster import RosterPlan, RosterProblem, Slot, SlotKey

MANUAL_SOURCES = ("manual", "swap")
# Put on today's roster by generating it after the session's sign-in cutoff (D05): the person could
# not have signed in by then, so the cutoff does not apply to them and they are never absent.
LATE_ROSTERED = "late"


class RosterSlot(BaseModel, VoidableMixin):
    day = DateField()
    session_key = CharField()
    staff = ForeignKeyField(Staff)
    source = CharField()  # generated / special / manual / swap / late (补排, generated after the cutoff)
    created_at = DateTimeField()


class SpecialPeriod(BaseModel, VoidableMixin):
    """D11: fire prevention, flood season, key work stages: all committee members on post."""

    name = CharField()
    start_day = DateField()
    end_day = DateField()
    created_at = DateTimeField()


class DutySwap(BaseModel, VoidableMixin):
    first_slot = ForeignKeyField(RosterSlot)
    second_slot = ForeignKeyField(RosterSlot)
    first_staff = ForeignKeyField(Staff)
    second_staff = ForeignKeyField(Staff)
    agreed_by = TextField()
    director_told = TextField(default="")
    recorded_at = DateTimeField()
    recorded_by = CharField()


class RosterProblems(ValueError):
    """The roster leaves a required slot empty or a day under the minimum hours (D01)."""

    def __init__(self, problems: list[RosterProblem]) -> None:
        super().__init__("；".join(p.message for p in problems[:5]))
        self.problems = problems


def live_slots(start: dt.date, end: dt.date) -> list[RosterSlot]:
    return list(
        RosterSlot.select(RosterSlot, Staff).join(Staff)
        .where(RosterSlot.day.between(start, end) & RosterSlot.voided_at.is_null())
        .order_by(RosterSlot.day, RosterSlot.session_key, RosterSlot.id)
    )


def roster_map(start: dt.date, end: dt.date) -> dict[SlotKey, list[RosterSlot]]:
    result: dict[SlotKey, list[RosterSlot]] = defaultdict(list)
    for slot in live_slots(start, end):
        result[(slot.day, slot.session_key)].append(slot)
    return result


def special_periods() -> list[SpecialPeriod]:
    return list(SpecialPeriod.select().where(SpecialPeriod.voided_at.is_null()).order_by(SpecialPeriod.start_day))


def add_special_period(name: str, start: dt.date, end: dt.date, who: str, at: dt.datetime) -> SpecialPeriod:
    errors = {}
    if not name.strip():
        errors["name"] = "请填写时期名称，如 防汛期"
    if end < start:
        errors["end"] = "结束日期不能早于开始日期"
    if errors:
        raise RosterEditError(errors)
    return audit.create(SpecialPeriod, who, at, name=name.strip(), start_day=start, end_day=end, created_at=at)


class RosterEditError(FieldErrors):
    """A roster change that breaks a rule, per form field."""


def slots_between(start: dt.date, end: dt.date, calendar: WorkdayCalendar) -> list[Slot]:
    from dutydesk.domain.roster import build_slots

    configs = DutyConfigs()
    periods = [(p.start_day, p.end_day) for p in special_periods()]
    return build_slots(
        start, end, lambda d: configs.on(d).sessions_on(d), calendar.is_workday,
        lambda d: configs.on(d).covered(d, calendar.is_workday(d)), periods,
    )


def approved_unavailability(start: dt.date, end: dt.date) -> set[tuple[dt.date, str, int]]:
    from dutydesk.store.duty.leave import approved_leave_slots

    return approved_leave_slots(start, end)


def plan_roster(start: dt.date, end: dt.date, calendar: WorkdayCalendar,
                keep_manual: bool = True) -> tuple[list[Slot], RosterPlan]:
    """Work out the rotation without writing anything; the problems include the D01 checks."""
    from dutydesk.domain.roster import check_roster, generate

    slots = slots_between(start, end, calendar)
    fixed: dict[SlotKey, list[int]] = {}
    if keep_manual:
        for key, rows in roster_map(start, end).items():
            if any(r.source in MANUAL_SOURCES for r in rows):
                fixed[key] = [r.staff_id for r in rows]
    candidates = [s.candidate() for s in all_staff()]
    config = duty_config(start)
    plan = generate(slots, candidates, config.per_session, approved_unavailability(start, end), fixed)
    plan.problems = check_roster(slots, plan.assignments, config.per_session, config.min_hours)
    return slots, plan


def save_roster(start: dt.date, end: dt.date, calendar: WorkdayCalendar, who: str, at: dt.datetime,
                keep_manual: bool = True, accept_problems: bool = False,
                from_day: dt.date | None = None) -> RosterPlan:
    """Generate and store the roster in one transaction; refuse if flagged unless accepted (D01).

    Days before ``from_day`` (today unless the demo says otherwise) are never regenerated: what was
    rostered then is what the tally counts. Nor are today's sessions already past their cutoff
    (D05): generating at 14:44 keeps the morning's roster as it was, leaves an ended session
    without anyone, and puts people on a session under way as 补排, exempt from its cutoff.
    """
    start = max(start, from_day or at.date())
    if end < start:
        raise RosterEditError({"start": "已过去的日期不能重新排班"})
    slots, plan = plan_roster(start, end, calendar, keep_manual)
    if plan.problems and not accept_problems:
        raise RosterProblems(plan.problems)
    special = {s.key for s in slots if s.special}
    # The demo (``from_day`` in the past) lays out a roster as if made beforehand: no 补排 there.
    started = {} if from_day is not None else {
        s.key: s for s in slots if s.day == at.date() and s.session.at(s.day, "cutoff") < at}
    with database.atomic():
        existing = roster_map(start, end)
        for key, rows in existing.items():
            keep = (keep_manual and any(r.source in MANUAL_SOURCES for r in rows)) or key in started
            if not keep:
                for row in rows:
                    audit.void(row, who, at, "重新生成排班")
        for slot in slots:
            key = slot.key
            if keep_manual and key in existing and any(r.source in MANUAL_SOURCES for r in existing[key]):
                continue
            if key in started and (existing.get(key) or slot.session.at(slot.day, "end") <= at):
                continue
            source = LATE_ROSTERED if key in started else "special" if key in special else "generated"
            for sid in plan.assignments.get(key, []):
                audit.create(RosterSlot, who, at, day=slot.day, session_key=slot.session.key, staff=sid,
                             source=source, created_at=at)
    return plan


def roster_problems(start: dt.date, end: dt.date, calendar: WorkdayCalendar) -> list[RosterProblem]:
    """D01 checks of the stored roster (after manual edits)."""
    from dutydesk.domain.roster import check_roster

    slots = slots_between(start, end, calendar)
    stored = {k: [r.staff_id for r in v] for k, v in roster_map(start, end).items()}
    config = duty_config(start)
    return check_roster(slots, stored, config.per_session, config.min_hours)


CLOSED_SESSION = ("该班次已过停签时间，签到簿已关闭，不能再移出或对调；"
                  "确有原因请按请假（事后补假，须主任批准）处理")


def book_closed(day: dt.date, session_key: str, at: dt.datetime) -> bool:
    """D05/D07: the session's sign-in book has closed (its cutoff passed, or the day is over).
    Who was on it then is what the tally counts: removing or swapping them afterwards would erase
    an absence or move it onto someone who was never asked."""
    session = duty_config(day).session(session_key)
    return day < at.date() or (day == at.date() and session is not None and session.at(day, "cutoff") < at)


def assign(day: dt.date, session_key: str, staff: Staff, who: str, at: dt.datetime) -> RosterSlot:
    """Manually put someone on a slot (kept when the roster is regenerated). Put on a session of
    today already past its cutoff, they are 补排: they could not have signed in by it (D05) -
    unless they were on it before and removed (putting them back does not lift the cutoff).
    A session already over takes no one."""
    errors = {}
    session = duty_config(day).session(session_key)
    if session is None:
        errors["session"] = "请选择班次"
    elif day < at.date() or session.at(day, "end") <= at:
        errors["session"] = "该班次已结束，不能补排"
    if not staff.active_on(day):
        errors["staff"] = f"{staff.name}在{day:%m月%d日}不在岗（已停用或尚未启用）"
    elif RosterSlot.select().where((RosterSlot.day == day) & (RosterSlot.session_key == session_key)
                                   & (RosterSlot.staff == staff) & RosterSlot.voided_at.is_null()).exists():
        errors["staff"] = f"{staff.name}已在该班次"
    if errors:
        raise RosterEditError(errors)
    late = (day == at.date() and session.at(day, "cutoff") < at
            and not RosterSlot.select().where((RosterSlot.day == day) & (RosterSlot.session_key == session_key)
                                              & (RosterSlot.staff == staff)).exists())
    with database.atomic():
        _mark_manual(day, session_key, who, at)
        return audit.create(RosterSlot, who, at, day=day, session_key=session_key, staff=staff,
                            source=LATE_ROSTERED if late else "manual", created_at=at)


def _mark_manual(day: dt.date, session_key: str, who: str, at: dt.datetime) -> None:
    """An edited slot as a whole becomes manual, so regenerating leaves it as the user made it."""
    for row in RosterSlot.select().where((RosterSlot.day == day) & (RosterSlot.session_key == session_key)
                                         & RosterSlot.voided_at.is_null()):
        if row.source not in (*MANUAL_SOURCES, LATE_ROSTERED):  # 补排 keeps its exemption (D05)
            audit.update(row, who, at, reason="手工调整", source="manual")


def clear_slot(slot: RosterSlot, reason: str, who: str, at: dt.datetime) -> None:
    if book_closed(slot.day, slot.session_key, at):
        raise RosterEditError({"staff": CLOSED_SESSION})
    with database.atomic():
        audit.void(slot, who, at, reason or "手工清除")
        _mark_manual(slot.day, slot.session_key, who, at)


def swap(first: RosterSlot, second: RosterSlot, agreed_by: str, director_told: str,
         who: str, at: dt.datetime) -> DutySwap:
    """D08: two staff swap sessions; both slots change in one transaction, who agreed is kept."""
    errors = {}
    if first.staff_id == second.staff_id:
        errors["second"] = "对调的两个班次属于同一人"
    if not agreed_by.strip():
        errors["agreed_by"] = "请填写双方同意情况，如 张三、李四同意"
    if first.voided_at is not None or second.voided_at is not None:
        errors["second"] = "班次已变更，请刷新后重试"
    elif book_closed(first.day, first.session_key, at) or book_closed(second.day, second.session_key, at):
        errors["second"] = CLOSED_SESSION
    if errors:
        raise RosterEditError(errors)
    with database.atomic():
        a, b = first.staff, second.staff
        audit.void(first, who, at, f"与{b.name}对调")
        audit.void(second, who, at, f"与{a.name}对调")
        new_first = audit.create(RosterSlot, who, at, day=first.day, session_key=first.session_key,
                                 staff=b, source="swap", created_at=at)
        new_second = audit.create(RosterSlot, who, at, day=second.day, session_key=second.session_key,
                                  staff=a, source="swap", created_at=at)
        return audit.create(DutySwap, who, at, first_slot=new_first, second_slot=new_second,
                            first_staff=a, second_staff=b, agreed_by=agreed_by.strip(),
                            director_told=director_told.strip(), recorded_at=at, recorded_by=who)
