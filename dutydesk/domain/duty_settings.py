"""Every duty number from the regulations as a dated setting (D01, D02, D05, D14).

Defaults are the regulations' defaults; the settings dialog records a new value from a date on,
so a change never rewrites past months' tallies.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import NamedTuple

from dutydesk.domain.settings import declare

SESSIONS = declare(
    "duty.sessions",
    [
        {"key": "am", "name": "上午", "start": "08:30", "end": "12:00", "cutoff": "08:30", "weekdays": None},
        {"key": "pm", "name": "下午", "start": "14:30", "end": "17:30", "cutoff": "14:30", "weekdays": None},
    ],
    "值班班次（开始、结束、停签时间）", "D02",
)
PEOPLE_PER_SESSION = declare("duty.people_per_session", 1, "每班值班人数", "D01")
# mode: "all" every day incl. holidays; "workdays" official working days; "weekdays" the listed weekdays.
DAYS_COVERED = declare("duty.days_covered", {"mode": "all", "weekdays": [0, 1, 2, 3, 4]}, "值班日", "D01")
MIN_HOURS = declare("duty.min_hours", {"village": 6, "community": 8}, "每日最少坐班小时数", "D01")
EARLY_ARRIVAL_MINUTES = declare("duty.early_arrival_minutes", 15, "提前到岗分钟数", "D05")
PENALTIES = declare(
    "duty.penalties",
    {"书记": 200, "主任": 200, "副书记": 200, "两委委员": 100, "文书": 100, "大学生村官": 100,
     "选派干部": 100, "协管员": 50, "社保员": 50, "党员志愿者": 0, "代办员": 50},
    "每次缺勤处罚金额（元，按职务）", "D14",
)
JOINT_LIABILITY = declare("duty.joint_liability", 100, "书记、主任连带责任金额（元/次）", "D14")
FINDING_THRESHOLD = declare("duty.finding_threshold", 3, "半年累计查实次数达到即诫勉谈话/劝辞", "D14")
COUNTY_MULTIPLIER = declare("duty.county_multiplier", 2, "县委组织部查实时处罚倍数", "D14")

WEEKDAY_NAMES = "一二三四五六日"
DAY_MODES = {"all": "每天（含节假日）", "workdays": "仅工作日", "weekdays": "指定星期"}


# A NamedTuple (issue 17): immutable and compared by value as the frozen dataclass it was, with one
# compiled method instead of six before the first paint; never iterated, indexed or kept as Qt item
# data (which would turn it into a list).
class SessionDef(NamedTuple):
    """One duty session (班次) with its sign-in cutoff (D02, D05)."""

    key: str
    name: str
    start: dt.time
    end: dt.time
    cutoff: dt.time
    weekdays: tuple[int, ...] | None = None  # None: every covered day (a night session: one weekday)

    @property
    def hours(self) -> float:
        return (_minutes(self.end) - _minutes(self.start)) / 60

    def label(self) -> str:
        return f"{self.name} {self.start:%H:%M}-{self.end:%H:%M}"

    def at(self, day: dt.date, which: str) -> dt.datetime:
        return dt.datetime.combine(day, getattr(self, which))

    def to_json(self) -> dict:
        return {"key": self.key, "name": self.name, "start": f"{self.start:%H:%M}",
                "end": f"{self.end:%H:%M}", "cutoff": f"{self.cutoff:%H:%M}",
                "weekdays": list(self.weekdays) if self.weekdays is not None else None}


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def parse_time(text: str) -> dt.time:
    """'08:30' -> time; raises ValueError with a Chinese message."""
    try:
        hours, minutes = str(text).strip().split(":")
        return dt.time(int(hours), int(minutes))
    except (ValueError, TypeError):
        raise ValueError("时间格式应为 时:分，如 08:30") from None


def sessions_from_json(rows: list[dict]) -> list[SessionDef]:
    result = []
    for row in rows:
        start = parse_time(row["start"])
        weekdays = row.get("weekdays")
        result.append(SessionDef(
            key=row["key"], name=row["name"], start=start, end=parse_time(row["end"]),
            cutoff=parse_time(row.get("cutoff") or row["start"]),
            weekdays=tuple(weekdays) if weekdays is not None else None,
        ))
    return sorted(result, key=lambda s: s.start)


def validate_sessions(sessions: list[SessionDef]) -> dict[str, str]:
    """Return {session key: Chinese message} for sessions that cannot be used."""
    errors: dict[str, str] = {}
    for s in sessions:
        if s.end <= s.start:
            errors[s.key] = f"{s.name}：结束时间应晚于开始时间"
        elif not (s.start <= s.cutoff < s.end):
            errors[s.key] = f"{s.name}：停签时间应在班次开始与结束之间"
    ordered = sorted(sessions, key=lambda s: s.start)
    for a, b in itertools.pairwise(ordered):
        if b.weekdays is None and a.weekdays is None and b.start < a.end:
            errors.setdefault(b.key, f"{b.name}与{a.name}时间重叠")
    return errors


def is_covered_day(day: dt.date, days_covered: dict, is_workday: bool) -> bool:
    """D01: whether the desk is staffed on a day under the center's rule."""
    mode = days_covered.get("mode", "all")
    if mode == "workdays":
        return is_workday
    if mode == "weekdays":
        return day.weekday() in set(days_covered.get("weekdays") or [])
    return True


def sessions_on(day: dt.date, sessions: list[SessionDef]) -> list[SessionDef]:
    return [s for s in sessions if s.weekdays is None or day.weekday() in s.weekdays]


def penalty_for(role: str, table: dict) -> int:
    return int(table.get(role, 0))
