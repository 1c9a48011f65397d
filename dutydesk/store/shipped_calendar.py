"""Holiday files shipped with DutyDesk for years the installed chinesecalendar does not know.

``resources/calendar/YYYY.json`` (or ``.csv``) in the calendar import format
(``domain.calendar_file``) holds the State Council's schedule for a year, copied from its notice.
Such a year is used like a year entered at the desk (days the center enters still win). A damaged
file is left out with a warning in the log: the desk keeps working on plain weekends.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import lru_cache
from pathlib import Path

from dutydesk.domain.workday_calendar import SpecialDay
from dutydesk.resources_path import resource_path

log = logging.getLogger(__name__)
SOURCE = "package"  # shown like the built-in schedule (软件内置)


def calendar_folder() -> Path:
    return resource_path("calendar")


@lru_cache(maxsize=8)
def shipped_days(folder: Path | None = None) -> dict[dt.date, SpecialDay]:
    """Every day of every shipped year file in ``folder`` (default: the resources folder)."""
    folder = folder or calendar_folder()
    days: dict[dt.date, SpecialDay] = {}
    if not folder.is_dir():
        return days
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".json", ".csv") or not path.stem.isdigit():
            continue
        from dutydesk.domain.calendar_file import CalendarFileError, parse_calendar_text  # only for a year file

        try:
            entries = parse_calendar_text(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, CalendarFileError) as exc:
            log.warning("shipped calendar %s left out: %s", path.name, exc)
            continue
        year = int(path.stem)
        for entry in entries:
            if entry.day.year == year:  # a file speaks for its own year only
                days[entry.day] = SpecialDay(entry.day, entry.is_workday, entry.name, SOURCE)
    return days


def shipped_years(folder: Path | None = None) -> list[int]:
    return sorted({d.year for d in shipped_days(folder)})
