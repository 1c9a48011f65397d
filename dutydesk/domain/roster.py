"""Fair rotation (轮值): who sits at the desk for each session of a date range (D01, D03, D07, D11).

The generator is pure: it gets the days, sessions, candidates and what is already fixed (manual
edits, leave), and returns an assignment plus the problems it could not avoid. Fairness rules:
equal counts per person over the range, holidays and weekends balanced separately, nobody in two
consecutive slots when avoidable, and in special periods every committee member on post.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dutydesk.domain.duty_settings import SessionDef

SlotKey = tuple[dt.date, str]  # (day, session key)


@dataclass(frozen=True)
class Candidate:
    """A person the roster may put on duty, with their rotation and active days."""
    staff_id: int
    name: str
    rotation: str  # "all", "non_workday", "none"
    committee: bool
    active_from: dt.date
    active_to: dt.date | None = None

    def active_on(self, day: dt.date) -> bool:
        return self.active_from <= day and (self.active_to is None or day <= self.active_to)


@dataclass(frozen=True)
class Slot:
    """One session on one day, to be held by the configured number of people."""
    day: dt.date
    session: SessionDef
    workday: bool
    special: bool = False  # inside a special period (D11)

    @property
    def key(self) -> SlotKey:
        return (self.day, self.session.key)


@dataclass(frozen=True)
class RosterProblem:
    """A slot the roster cannot fill as the rules require, with the reason in Chinese."""
    day: dt.date
    session_key: str
    message: str


@dataclass
class RosterPlan:
    """Who holds each slot (staff ids by slot), and the problems found."""
    assignments: dict[SlotKey, list[int]] = field(default_factory=dict)
    problems: list[RosterProblem] = field(default_factory=list)


def build_slots(
    start: dt.date, end: dt.date, sessions_for: Callable[[dt.date], list[SessionDef]],
    is_workday: Callable[[dt.date], bool], covered: Callable[[dt.date], bool],
    special_periods: Iterable[tuple[dt.date, dt.date]] = (),
) -> list[Slot]:
    """All slots of the range in time order (uncovered days have none)."""
    if end < start:
        raise ValueError("结束日期不能早于开始日期")
    periods = list(special_periods)
    slots = []
    day = start
    while day <= end:
        if covered(day):
            special = any(a <= day <= b for a, b in periods)
            work = is_workday(day)
            slots.extend(Slot(day, s, work, special) for s in sessions_for(day))
        day += dt.timedelta(days=1)
    return slots


def _eligible(c: Candidate, slot: Slot) -> bool:
    if not c.active_on(slot.day) or c.rotation == "none":
        return False
    return not (c.rotation == "non_workday" and slot.workday)


def generate(
    slots: list[Slot],
    candidates: list[Candidate],
    per_session: int,
    unavailable: set[tuple[dt.date, str, int]] | None = None,
    fixed: dict[SlotKey, list[int]] | None = None,
) -> RosterPlan:
    """Assign ``per_session`` people to every slot.

    ``unavailable`` holds (day, session key, staff id) on approved leave (D07); ``fixed`` holds
    slots kept as they are (manual edits), which still count towards fairness.

    Non-working days are placed first so they balance among themselves; working days then go to
    whoever has the fewest sessions in total, which keeps both totals and holiday counts within one.
    """
    unavailable = unavailable or set()
    fixed = fixed or {}
    plan = RosterPlan()
    total: dict[int, int] = {c.staff_id: 0 for c in candidates}
    rest: dict[int, int] = {c.staff_id: 0 for c in candidates}
    order = {c.staff_id: i for i, c in enumerate(candidates)}
    index = {s.key: i for i, s in enumerate(slots)}

    for slot in slots:
        if slot.key in fixed:
            plan.assignments[slot.key] = list(fixed[slot.key])
            for sid in fixed[slot.key]:
                if sid in total:
                    total[sid] += 1
                    rest[sid] += 0 if slot.workday else 1

    def neighbours(slot: Slot) -> set[int]:
        i = index[slot.key]
        near: set[int] = set()
        for j in (i - 1, i + 1):
            if 0 <= j < len(slots):
                near.update(plan.assignments.get(slots[j].key, []))
        return near

    def fill(slot: Slot) -> None:
        if slot.special:
            # D11: every committee member on post, plus rotation staff if the committee is too small.
            chosen = [c.staff_id for c in candidates if c.committee and c.active_on(slot.day)
                      and (slot.day, slot.session.key, c.staff_id) not in unavailable]
        else:
            chosen = []
        near = neighbours(slot)
        while len(chosen) < per_session:
            pool = [c.staff_id for c in candidates if _eligible(c, slot) and c.staff_id not in chosen
                    and (slot.day, slot.session.key, c.staff_id) not in unavailable]
            if not pool:
                break

            def key(sid: int) -> tuple:
                first = rest[sid] if not slot.workday else 0
                return (first, total[sid], sid in near, (order[sid] + index[slot.key]) % len(order))

            chosen.append(min(pool, key=key))
        plan.assignments[slot.key] = chosen
        for sid in chosen:
            total[sid] += 1
            rest[sid] += 0 if slot.workday else 1
        if len(chosen) < per_session:
            plan.problems.append(RosterProblem(
                slot.day, slot.session.key,
                f"{slot.day:%m月%d日}{slot.session.name}缺{per_session - len(chosen)}人，无可安排人员",
            ))

    open_slots = [s for s in slots if s.key not in fixed]
    for slot in [s for s in open_slots if not s.workday] + [s for s in open_slots if s.workday]:
        fill(slot)
    _repair_back_to_back(slots, plan, {s.key for s in open_slots if not s.special}, unavailable,
                         {c.staff_id: c for c in candidates})
    return plan


def _repair_back_to_back(slots: list[Slot], plan: RosterPlan, movable: set[SlotKey],
                         unavailable: set[tuple[dt.date, str, int]], by_id: dict[int, Candidate]) -> None:
    """Swap people between two slots of the same kind (working day or not) to break up
    back-to-back sessions; such swaps keep every count, so fairness is untouched."""
    a = plan.assignments

    def near(i: int) -> set[int]:
        return {p for j in (i - 1, i + 1) if 0 <= j < len(slots) for p in a.get(slots[j].key, [])}

    def free(sid: int, i: int) -> bool:
        s = slots[i]
        return (sid not in a[s.key] and (s.day, s.session.key, sid) not in unavailable
                and sid not in near(i) and _eligible(by_id[sid], s))

    for i, slot in enumerate(slots):
        if slot.key not in movable:
            continue
        for p in [p for p in a.get(slot.key, []) if p in near(i)]:
            for k, other in enumerate(slots):
                if (other.key not in movable or other.workday != slot.workday or abs(k - i) <= 1
                        or p in a[other.key]):
                    continue
                q = next((q for q in a[other.key] if free(q, i)), None)
                if q is None or not free(p, k):
                    continue
                a[slot.key] = [q if x == p else x for x in a[slot.key]]
                a[other.key] = [p if x == q else x for x in a[other.key]]
                break


def check_roster(
    slots: list[Slot], assignments: dict[SlotKey, list[int]], per_session: int, min_hours: float,
) -> list[RosterProblem]:
    """D01: flag slots short of people and days staffed for fewer than the minimum hours."""
    problems: list[RosterProblem] = []
    hours: dict[dt.date, float] = {}
    for slot in slots:
        people = assignments.get(slot.key, [])
        if len(people) < per_session:
            problems.append(RosterProblem(
                slot.day, slot.session.key,
                f"{slot.day:%m月%d日}{slot.session.name}应有{per_session}人，现有{len(people)}人",
            ))
        if people:
            hours[slot.day] = hours.get(slot.day, 0.0) + slot.session.hours
        else:
            hours.setdefault(slot.day, 0.0)
    for day, staffed in sorted(hours.items()):
        if staffed < min_hours:
            problems.append(RosterProblem(
                day, "", f"{day:%m月%d日}坐班{staffed:g}小时，少于每日最少{min_hours:g}小时",
            ))
    return problems
