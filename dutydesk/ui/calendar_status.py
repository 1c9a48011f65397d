"""Status bar: a year whose holidays are unknown (this year, and next year from 1 December) is
named until it is entered (工具 → 工作日日历) or shipped with DutyDesk (V04 deadlines)."""

from __future__ import annotations

from dutydesk.desk import Desk
from dutydesk.domain.calendar_years import missing_years_status


def calendar_status_text(desk: Desk) -> str:
    return missing_years_status(desk.today(), desk.calendar())
