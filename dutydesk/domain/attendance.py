"""Attendance status of a duty session and the monthly tally with penalties (D05-D08, D14, D15, D19).

Pure rules over plain facts (who held the slot, when they signed in and out, leave, findings), so
the Today tab, the tally and the exports all agree on what "late" or "absent" means.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from dutydesk.domain import liability
from dutydesk.domain.duty_settings import SessionDef
from dutydesk.domain.staff import ASSISTANT_ROLES

if TYPE_CHECKING:  # the tally's rows are made after the first paint (issue 17)
    from dutydesk.domain.tally import TallyRow

NOT_YET = "未到"
SIGNED_IN = "已签到"
LATE = "迟到"
EARLY = "早退"
ABSENT = "缺勤"
ON_LEAVE = "请假"
OFFICIAL = "公出"
SIGNED_OUT = "已签退"
AFTER_CUTOFF = "停签后签到"  # signed after the book closed; an absence unless a reason is accepted
CUTOFF_PASSED = "已停签未签到"  # the book closed with no sign-in; absent at the session's end
NOT_EARLY = "未提前到岗"  # seed 001: on time, but not the expected minutes early

# What a sign-in after the cutoff counts as (setting duty.after_cutoff_counts_as, D05).
AFTER_CUTOFF_ABSENT = "absent"  # seed 004: 停签后 counts as absence unless a reason is accepted
AFTER_CUTOFF_LATE = "late"  # centers that count it as 迟到 instead

LEAVE_TYPES = ("病假", "事假", "公出")
WHEREABOUTS = ("在岗", "下村入户", "开会", "公出", "请假", "休息")


# Only __init__ (issue 17: the window's first paint compiles fewer methods): never compared, hashed
# or printed, and made afresh for each question (``DutyAssignment.facts``), so not frozen either.
@dataclass(eq=False, repr=False)
class SlotFacts:
    """What happened in one session for the person responsible for it."""

    day: dt.date
    session: SessionDef
    staff_id: int
    sign_in: dt.datetime | None = None
    sign_out: dt.datetime | None = None
    found_off_post: bool = False  # D06 / D15: signed in, then found away from the post
    after_cutoff: str = AFTER_CUTOFF_ABSENT  # what a sign-in after the cutoff counts as (D05)
    excused: str = ""  # a director accepted a reason for signing after the cutoff: 公出 / 病假 / 事假
    cutoff_waived: bool = False  # rostered after the session's cutoff (补排): no cutoff, never absent
    early_minutes: int = 0  # D05 (seed 001): expected minutes before the start
    not_early_is_late: bool = False  # the center counts "not early" as 迟到 (off by default)


def is_after_cutoff(f: SlotFacts) -> bool:
    """D05: signed in after the book closed (exactly at the cutoff is still in time)."""
    return (f.sign_in is not None and not f.cutoff_waived
            and f.sign_in > f.session.at(f.day, "cutoff"))


def is_not_early(f: SlotFacts) -> bool:
    """D05 (seed 001 "提前十五分钟到岗"): signed in by the cutoff, but later than ``early_minutes``
    before the session start. Shown in the book as 未提前到岗; no penalty unless the setting says so."""
    if f.sign_in is None or f.early_minutes <= 0 or is_after_cutoff(f):
        return False
    return f.sign_in > f.session.at(f.day, "start") - dt.timedelta(minutes=f.early_minutes)


def is_late(f: SlotFacts) -> bool:
    """D05: a sign-in after the cutoff is 迟到 only where the center counts it so (otherwise it is an
    absence); "not early" is 迟到 only where the setting says so; an accepted reason is never late."""
    if f.sign_in is None or f.excused:
        return False
    if is_after_cutoff(f):
        return f.after_cutoff == AFTER_CUTOFF_LATE
    return f.not_early_is_late and is_not_early(f)


def is_early(f: SlotFacts) -> bool:
    return f.sign_out is not None and f.sign_out < f.session.at(f.day, "end")


def is_absent(f: SlotFacts, now: dt.datetime) -> bool:
    """D05: no sign-in by the end of the session, or (seed 004) a sign-in after the cutoff without
    an accepted reason; D06: signed in, then off post. A slot rostered after its cutoff (补排) is
    never absent for want of a sign-in."""
    if f.found_off_post:
        return True
    if f.sign_in is None:
        return not f.cutoff_waived and now >= f.session.at(f.day, "end")
    return is_after_cutoff(f) and not f.excused and f.after_cutoff == AFTER_CUTOFF_ABSENT


def status(f: SlotFacts, now: dt.datetime) -> str:
    """The status the Today tab shows for the person holding the slot at ``now``."""
    if is_absent(f, now):
        return AFTER_CUTOFF if f.sign_in is not None and not f.found_off_post else ABSENT
    if f.sign_in is None:
        # D05: after the cutoff the book is closed; at the end an unsigned session is absent.
        if f.cutoff_waived or now <= f.session.at(f.day, "cutoff"):
            return NOT_YET
        return LATE if f.after_cutoff == AFTER_CUTOFF_LATE else CUTOFF_PASSED
    if is_early(f):
        return EARLY
    if is_late(f):
        return LATE
    return SIGNED_OUT if f.sign_out is not None else SIGNED_IN


# -- monthly tally (D14) -------------------------------------------------------------------


# A NamedTuple (issue 17): immutable and compared by value as the frozen dataclass it was, with one
# compiled method instead of six before the first paint; never iterated, indexed or kept as Qt item
# data (which would turn it into a list).
class PenaltyRules(NamedTuple):
    """The D14 table in force for a month."""

    amounts: dict[str, int]
    joint_liability: int
    threshold: int
    county_multiplier: int
    # D14 (seed 000): who bears joint liability and who is admonished for the village; how to count.
    joint_roles: frozenset[str] = frozenset(liability.JOINT_LIABILITY_ROLES.default)
    admonition_roles: frozenset[str] = frozenset(liability.ADMONITION_ROLES.default)
    count_mode: str = liability.FINDING_COUNT_MODE.default


def penalty_amount(role: str, units: int, county_units: int, rules: PenaltyRules) -> int:
    """D14: amount per absence by role; findings by the county organisation department doubled."""
    each = int(rules.amounts.get(role, 0))
    return each * (units - county_units) + each * rules.county_multiplier * county_units


def apply_penalties(rows: list[TallyRow], county_units: dict[int, int], rules: PenaltyRules,
                    earlier_units: dict[int, int], earlier_penalty: dict[int, int],
                    streaks: tuple[dict[int, int], int] | None = None) -> None:
    """Fill penalty, joint liability, half-year totals and flags of a month's rows in place.

    ``earlier_units``/``earlier_penalty`` are the half-year's previous months per person;
    ``streaks`` (per person, village) are the consecutive findings that reached this month, used
    for the flags when the rules count consecutive findings.
    """
    for row in rows:
        row.penalty_units = row.absent + row.findings - row.findings_on_absent
        row.penalty = penalty_amount(row.role, row.penalty_units, county_units.get(row.staff_id, 0), rules)
    others_units = sum(r.penalty_units for r in rows if r.role not in rules.joint_roles)
    for row in rows:
        if row.role in rules.joint_roles:
            row.joint_liability = rules.joint_liability * others_units
        row.half_year_findings = earlier_units.get(row.staff_id, 0) + row.penalty_units
        row.half_year_penalty = earlier_penalty.get(row.staff_id, 0) + row.total_penalty
    if rules.count_mode == liability.CONSECUTIVE and streaks is not None:
        counts, village = streaks
    else:
        counts = {row.staff_id: row.half_year_findings for row in rows}
        village = sum(counts.values())
    for row in rows:
        row.flag = liability.flag_for(row.role, counts.get(row.staff_id, 0), village, rules.threshold,
                                      rules.admonition_roles, ASSISTANT_ROLES)



# -- absence to report to the organisation department (D19) -------------------------------


def longest_absence_run(days: list[tuple[dt.date, bool]]) -> int:
    """D19: the longest run of consecutive duty days all absent.

    ``days`` are one person's duty days in order, each with whether they were absent that day.
    A desk person is rostered on some days only, so "consecutive" runs over their duty days: any
    duty day they were present (or on approved leave) ends the run.
    """
    best = run = 0
    for _day, absent in days:
        run = run + 1 if absent else 0
        best = max(best, run)
    return best


def report_flag(days: list[tuple[dt.date, bool]], consecutive: int, per_year: int) -> str:
    """D19 (seed 004): absent on ``consecutive`` duty days in a row, or on ``per_year`` days in the
    year so far, is flagged for report to the organisation department (both numbers are settings)."""
    run = longest_absence_run(days)
    total = sum(1 for _day, absent in days if absent)
    reasons = []
    if consecutive > 0 and run >= consecutive:
        reasons.append(f"连续缺勤{run}天")
    if per_year > 0 and total >= per_year:
        reasons.append(f"本年累计缺勤{total}天")
    return "、".join(reasons) + "，应上报组织部门" if reasons else ""
