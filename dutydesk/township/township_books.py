"""What the township's readers use (issue 16): the consolidated ledgers, the township's screens and
the package back down read the township's books ONLY through these functions.

- ``village_months(period)``: every registered village's month as a ``VillageMonth`` (the contract
  in ``village_month.py``): records in their latest version, the newest bundle's tally, and where
  the month stands (未报送 with empty tables when no bundle came).
- ``villages()``: the registered villages.
- ``month_statuses(period)``: 报送情况, with dates and the flags of simple checks.
- ``decisions_since(after)`` / ``proxy_results_since(after)``: what the package back down carries.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from dutydesk.store.settings import get_setting
from dutydesk.township.bundle_import import imports_of
from dutydesk.township.month_flags import ABSENCES, OVERDUE_RATE, month_flags
from dutydesk.township.month_review import decisions_since, latest_review
from dutydesk.township.proxy_result import proxy_results_since
from dutydesk.township.summary import VillageFigures, township_calendar, village_figures
from dutydesk.township.village import Village, registered_villages
from dutydesk.township.village_month import (
    APPROVED,
    NOT_SUBMITTED,
    RETURNED,
    STATUS_LABELS,
    SUBMITTED,
    VillageMonth,
)
from dutydesk.township.village_record import month_tables
from dutydesk.township.village_tally import month_quota, month_tally
from dutydesk.township.visit_quota import TABLE as QUOTA_TABLE

__all__ = ["MonthStatus", "dated_flags", "decisions_since", "month_statuses", "proxy_results_since",
           "village_months", "villages"]


@dataclass(frozen=True)
class VillageInfo:
    code: str
    name: str
    fingerprint: str
    registered_at: dt.datetime


@dataclass(frozen=True)
class MonthStatus:
    code: str
    name: str
    period: str
    status: str
    submitted_at: dt.datetime | None = None  # the newest bundle's import
    bundles: int = 0
    reviewed_at: dt.datetime | None = None
    reviewed_by: str = ""
    reasons: str = ""
    flags: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


def check_period(period: str) -> str:
    try:
        dt.date(int(period[:4]), int(period[5:7]), 1)
    except (ValueError, IndexError):
        raise ValueError(f"月份应写成 YYYY-MM，如 2026-11：{period}") from None
    if len(period) != 7 or period[4] != "-":
        raise ValueError(f"月份应写成 YYYY-MM，如 2026-11：{period}")
    return period


def _status(village: Village, period: str) -> tuple[str, list, object]:
    bundles = imports_of(village, period)
    if not bundles:
        return NOT_SUBMITTED, bundles, None
    review = latest_review(village, period)
    if review is None or review.bundle_import_id != bundles[-1].id:
        return SUBMITTED, bundles, review  # a month handed in again after a decision is up for review again
    return (RETURNED if review.decision == RETURNED else APPROVED), bundles, review


def villages() -> list[VillageInfo]:
    return [VillageInfo(v.code, v.name, v.fingerprint, v.registered_at) for v in registered_villages()]


def village_months(period: str) -> list[VillageMonth]:
    """Every registered village's month, by division code."""
    check_period(period)
    months = []
    for village in registered_villages():
        status, bundles, _review = _status(village, period)
        if not bundles:
            months.append(VillageMonth(village.code, village.name, period, {}, (), status))
            continue
        months.append(_village_month(village, period, status, bundles[-1]))
    return months


def _village_month(village, period: str, status: str, newest) -> VillageMonth:
    """A handed-in month: its records, its tally and, when its newest bundle carried them, its quota lines."""
    tables = month_tables(village, period)
    quota = month_quota(village, period, newest)
    if quota is not None:
        tables[QUOTA_TABLE] = quota
    return VillageMonth(village.code, village.name, period, tables, month_tally(village, period, newest=newest),
                        status)


def _month_end(period: str) -> dt.date:
    year, month = int(period[:4]), int(period[5:7])
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def dated_flags(month: VillageMonth, figures: VillageFigures) -> list[str]:
    """``month_flags`` with the thresholds the township set for that month (dated settings, read
    at the month's end): what ``township status`` prints and the window's 报送情况 shows."""
    end = _month_end(month.period)
    return month_flags(month, figures, float(get_setting(OVERDUE_RATE, on=end)), int(get_setting(ABSENCES, on=end)))


def month_statuses(period: str) -> list[MonthStatus]:
    """报送情况: every registered village's month, where it stands, and what looks wrong."""
    check_period(period)
    workdays = township_calendar()
    lines = []
    for village in registered_villages():
        status, bundles, review = _status(village, period)
        if not bundles:
            lines.append(MonthStatus(village.code, village.name, period, status))
            continue
        month = _village_month(village, period, status, bundles[-1])
        flags = dated_flags(month, village_figures(month, workdays))
        flags += [f"数据包不衔接：{b.gap}" for b in bundles if b.gap]
        decided = review if review is not None and status in (RETURNED, APPROVED) else None
        lines.append(MonthStatus(
            village.code, village.name, period, status, bundles[-1].imported_at, len(bundles),
            decided.decided_at if decided else None, decided.decided_by if decided else "",
            decided.reasons if decided else "", flags))
    return lines
