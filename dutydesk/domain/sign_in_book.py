"""The sign-in book's own settings and the township preset (D05, D19; seeds 001 and 004).

Seed 004 (乡镇机关考勤) closes the book at 08:30 (停签): a later sign-in counts as absence unless a
director accepts a meeting notice, an assignment or a leave note; some centers count it as 迟到
instead. Seed 001 expects staff 15 minutes before the session (the minutes are
``duty_settings.EARLY_ARRIVAL_MINUTES``): arriving later but before the cutoff is shown in the book
as 未提前到岗, with no penalty unless ``NOT_EARLY_IS_LATE`` is set.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from dutydesk.domain import duty_settings as ds
from dutydesk.domain.attendance import AFTER_CUTOFF_ABSENT, AFTER_CUTOFF_LATE, LEAVE_TYPES
from dutydesk.domain.settings import declare

AFTER_CUTOFF = declare("duty.after_cutoff_counts_as", AFTER_CUTOFF_ABSENT,
                       "停签后签到计为（缺勤，或迟到）", "D05")
NOT_EARLY_IS_LATE = declare("duty.not_early_counts_as_late", False, "未提前到岗计为迟到", "D05")
REPORT_CONSECUTIVE_DAYS = declare("duty.report_consecutive_absent_days", 15,
                                  "连续缺勤达到天数即提示上报组织部门", "D19")
REPORT_DAYS_PER_YEAR = declare("duty.report_absent_days_per_year", 30,
                               "一年累计缺勤达到天数即提示上报组织部门", "D19")

AFTER_CUTOFF_CHOICES = {AFTER_CUTOFF_ABSENT: "缺勤（主任认定理由的除外）", AFTER_CUTOFF_LATE: "迟到"}

# D05 (seed 004): reasons a director may accept for a sign-in after the cutoff: a meeting notice or
# assignment (公出), a sick or personal leave note (病假/事假). All count as present.
EXCUSE_TYPES = LEAVE_TYPES

TOWNSHIP_PRESET_NAME = "乡镇机关考勤（停签08:30，缺勤每次20元）"
TOWNSHIP_CUTOFF = "08:30"
TOWNSHIP_PENALTY = 20


def township_preset(current: dict[str, Any]) -> dict[str, Any]:
    """Seed 004's township rules as setting values, starting from ``current`` (key -> value).

    The morning book closes at 08:30; a later sign-in is an absence unless a reason is accepted;
    20 yuan per absence whatever the role, no joint liability; totals run per half-year (the tally
    always does); absence of 15 consecutive days or 30 in a year is flagged for report (D19).
    """
    values = dict(current)
    sessions = []
    for row in current.get(ds.SESSIONS.key, ds.SESSIONS.default):
        row = dict(row)
        if row["key"] == "am":
            start, end = ds.parse_time(row["start"]), ds.parse_time(row["end"])
            cutoff = ds.parse_time(TOWNSHIP_CUTOFF)
            if start <= cutoff < end:
                row["cutoff"] = TOWNSHIP_CUTOFF
        sessions.append(row)
    values[ds.SESSIONS.key] = sessions
    penalties = current.get(ds.PENALTIES.key, ds.PENALTIES.default)
    values[ds.PENALTIES.key] = {role: TOWNSHIP_PENALTY for role in penalties}
    values[ds.JOINT_LIABILITY.key] = 0
    values[AFTER_CUTOFF.key] = AFTER_CUTOFF_ABSENT
    values[REPORT_CONSECUTIVE_DAYS.key] = 15
    values[REPORT_DAYS_PER_YEAR.key] = 30
    return values



# A NamedTuple (issue 17): immutable and compared by value as the frozen dataclass it was, with one
# compiled method instead of six before the first paint; never iterated, indexed or kept as Qt item
# data (which would turn it into a list).
class BookRules(NamedTuple):
    """The sign-in book's rules in force on a day (read from the settings once per day)."""

    after_cutoff: str = AFTER_CUTOFF_ABSENT
    early_minutes: int = 15
    not_early_is_late: bool = False

    @classmethod
    def from_settings(cls, after_cutoff: str, early_minutes: int, not_early_is_late: bool) -> BookRules:
        """Values as stored; an unknown choice falls back to seed 004's absence rule."""
        choice = after_cutoff if after_cutoff in AFTER_CUTOFF_CHOICES else AFTER_CUTOFF_ABSENT
        return cls(choice, int(early_minutes), bool(not_early_is_late))
