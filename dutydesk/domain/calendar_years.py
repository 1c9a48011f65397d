"""Which years' holidays the desk knows, and what to say about deadlines in the others (V04).

chinesecalendar knows the State Council's schedule only for the years it shipped with; DutyDesk
may ship later years (``resources/calendar/``) and a center may enter a year itself. Until a year
is known its working days are plain weekdays, so a promised deadline that falls in it may move
once the notice is out: it is shown and printed 待核实 (to be verified). The schedule for next
year is usually published in November: from 1 December on a missing next year is announced in
the status bar until it is entered or shipped.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.workday_calendar import WorkdayCalendar

UNVERIFIED = "待核实"
NEXT_YEAR_WARNING_MONTH = 12  # from 1 December, next year's holidays are expected to be known


def missing_years(today: dt.date, calendar: WorkdayCalendar) -> list[int]:
    """This year if unknown, and from 1 December next year if unknown."""
    years = [today.year]
    if today.month >= NEXT_YEAR_WARNING_MONTH:
        years.append(today.year + 1)
    return [y for y in years if not calendar.knows_year(y)]


def deadline_unverified(day: dt.date | None, calendar: WorkdayCalendar) -> bool:
    """V04: a deadline counted into a year whose holidays are unknown may still move."""
    return day is not None and not calendar.knows_year(day.year)


def deadline_text(day: dt.date, calendar: WorkdayCalendar, fmt: str = "%Y-%m-%d") -> str:
    """The deadline as shown and printed: ``2027-01-08（待核实）`` in an unknown year."""
    text = f"{day:{fmt}}"
    return f"{text}（{UNVERIFIED}）" if deadline_unverified(day, calendar) else text


def missing_years_status(today: dt.date, calendar: WorkdayCalendar) -> str:
    """The status-bar line: which years' holidays are missing, so deadlines are not final."""
    years = missing_years(today, calendar)
    if not years:
        return ""
    listed = "、".join(f"{y}年" for y in years)
    return f"{listed}节假日未录入，期限暂按周末计算（{UNVERIFIED}）"
