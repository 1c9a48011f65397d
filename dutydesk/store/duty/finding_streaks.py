"""Consecutive findings read from the books (D14: "连续发现3次以上"), and the D14 liability settings
in force for a month.

Each session a person held or should have held is a check (``domain.liability.Check``); an
inspection finding or a verified complaint is a check that found them. A finding on a session
already counted absent because they were found off post is the same check, not a second one.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain import liability
from dutydesk.domain.attendance import PenaltyRules, is_absent
from dutydesk.store.day_range import day_bounds
from dutydesk.store.duty.attendance import assignments_between
from dutydesk.store.duty.inspections import findings_between
from dutydesk.store.settings import get_setting

# A run of findings may begin before the month it reaches; this far back is looked at.
LOOKBACK = dt.timedelta(days=183)


def checks_between(first: dt.date, last: dt.date, now: dt.datetime) -> list[liability.Check]:
    """Every check on every person from ``first`` to ``last`` (sessions still to come left out)."""
    checks: list[liability.Check] = []
    off_post: set[tuple[int, dt.date]] = set()
    for a in assignments_between(first, last):
        if a.leave_approved and a.leave.substitute_id is None:
            continue  # approved leave with nobody to cover: not a check on anyone
        facts = a.facts()
        at = a.session.at(a.day, "start")
        if is_absent(facts, now):
            checks.append(liability.Check(at, a.holder.id, True))
            if a.found_off_post:
                off_post.add((a.holder.id, a.day))
        elif facts.sign_in is not None:
            checks.append(liability.Check(at, a.holder.id, False))
    for f in findings_between(*day_bounds(first, last)):
        if (f.staff_id, f.found_at.date()) not in off_post:
            checks.append(liability.Check(f.found_at, f.staff_id, True))
    return checks


def month_streaks(first: dt.date, last: dt.date, now: dt.datetime) -> tuple[dict[int, int], int]:
    """D14: per person and for the village, the longest run of consecutive findings reaching the
    month ``first``..``last``."""
    checks = checks_between(first - LOOKBACK, last, now)
    return liability.consecutive_findings(checks, dt.datetime.combine(first, dt.time()))


def with_liability_settings(rules: PenaltyRules, on: dt.date) -> PenaltyRules:
    """The penalty table with the D14 liability settings in force on ``on``."""
    return rules._replace(
        joint_roles=frozenset(get_setting(liability.JOINT_LIABILITY_ROLES, on)),
        admonition_roles=frozenset(get_setting(liability.ADMONITION_ROLES, on)),
        count_mode=str(get_setting(liability.FINDING_COUNT_MODE, on)),
    )
