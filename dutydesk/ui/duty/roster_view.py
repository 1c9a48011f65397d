"""What the 排班 page shows of a few weeks, read as plain values (issue 17: the page reads it in a
worker thread once the app runs, and only fills its table on the GUI thread)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dutydesk.desk import Desk
from dutydesk.store.duty.duty_config import DutyConfigs
from dutydesk.store.duty.roster import roster_map, roster_problems, special_periods
from dutydesk.store.duty.staff import active_staff

WEEKDAYS = "一二三四五六日"


@dataclass
class RosterCell:
    names: str
    manual: bool  # a hand-made change, kept when the roster is generated again
    short: bool  # fewer people than the session asks


@dataclass
class RosterRow:
    day: str
    weekday: str
    cells: list[RosterCell]


@dataclass
class RosterView:
    """What the 排班 page shows of ``start``..``end``, read off the GUI thread (plain values)."""

    sessions: list
    days: list[dt.date] = field(default_factory=list)
    rows: list[RosterRow] = field(default_factory=list)
    any_slot: bool = False
    problems: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    periods: str = ""


def read_roster(start: dt.date, end: dt.date, desk: Desk) -> RosterView:
    """The weeks' roster (D01, D08, D11), its problems, who may be put on and the special periods.
    Touches no widget: the page reads it in a worker thread once the app runs."""
    configs = DutyConfigs()
    view = RosterView(configs.on(start).sessions)
    if end < start:
        return view
    calendar = desk.calendar()
    slots = roster_map(start, end)
    per = configs.on(start).per_session
    view.days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    for day in view.days:
        rest = "" if calendar.is_workday(day) else "（休）"
        cells = []
        for session in view.sessions:
            rows = slots.get((day, session.key), [])
            cells.append(RosterCell("、".join(s.staff.name for s in rows),
                                    bool(rows) and any(s.source in ("manual", "swap") for s in rows),
                                    len(rows) < per and session in configs.on(day).sessions_on(day)))
        view.rows.append(RosterRow(f"{day:%Y-%m-%d}", f"星期{WEEKDAYS[day.weekday()]}{rest}", cells))
    view.any_slot = bool(slots)
    view.problems = [p.message for p in roster_problems(start, end, calendar)] if slots else []
    view.names = [s.name for s in active_staff(start)]
    view.periods = "\n".join(f"{p.name}：{p.start_day:%m-%d}至{p.end_day:%m-%d}" for p in special_periods())
    return view
