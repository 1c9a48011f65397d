"""镇级汇总表 (issue 16 point 6): the township's month, one row per village, computed from the
villages' bundles exactly as each desk's 月度便民服务统计报表 counts its own books (P08, V08).

Pure computation over ``VillageMonth`` lists, so the township's store, the CLI and the screens
share one set of numbers. Definitions follow ``reports.ledgers.monthly_stats``:

- a visit counts in the month it was received; voided visits never count (A03);
- completed = 已办结 or 已反馈 by the end of the month: done on the spot (即办, 不属职责) the day it
  was received, otherwise the day the person was first answered (the earliest feedback), else the
  day it was closed; a matter marked done whose bundle carries no such day is taken as done at the
  end of the month (the township never counts it as earlier than it can know);
- on time = completed no later than the promised deadline moved on by paused working days (V04;
  pauses count when the bundle carries them);
- overdue = completed late, or still open past the deadline at the end of the month;
- satisfaction = (满意 + 基本满意) / visits rated (D16);
- proxy cases (P08): opened = accepted in the month, closed = of those, closed by the month's end;
- attendance (D14): absences, inspection findings and penalties as the village's own 考勤统计 gave
  them (the tally travels in the bundle as the desk computed it);
- household visits (G03): the month's records and households visited, where the village keeps them;
- 走访任务完成率 (G03/G04): the cadres' quota lines the desk computed (``visit_quota``), done (each
  at most what it asked) over required, where the bundle carries them.

Only counts leave this module: no name, phone or request text of any resident (V09).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.reports.ledgers.registry import Period
from dutydesk.township.village_month import NOT_SUBMITTED, STATUS_LABELS, VillageMonth
from dutydesk.township.visit_quota import TABLE as QUOTA_TABLE
from dutydesk.township.visit_quota import fulfilment

MonthsLoader = Callable[[str], Sequence[VillageMonth]]

DONE_STATES = (rules.DONE, rules.FED_BACK)
SATISFIED = ("满意", "基本满意")
PROXY_CLOSED = "closed"  # domain.proxy_case.CaseState.CLOSED
TREND_MONTHS = 12


def _day(value: object) -> dt.date | None:
    """A bundle's date or timestamp text ('2026-11-02' or '2026-11-02 10:57:00') as a date."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _live(rows: Iterable[Mapping]) -> list[Mapping]:
    return [row for row in rows if not row.get("voided_at")]


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class VillageFigures:
    """One village's month (or the township's, summed): counts only."""

    code: str
    name: str
    status: str = ""
    submitted: bool = True
    visits: int = 0
    channels: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)
    completed: int = 0
    on_time: int = 0
    overdue: int = 0
    rated: int = 0
    satisfied: int = 0
    proxy_opened: int = 0
    proxy_closed: int = 0
    absences: int = 0
    findings: int = 0
    penalty: int = 0  # yuan, own penalties (D14)
    joint_liability: int = 0  # yuan, leaders' joint liability (D14)
    household_visits: int | None = None  # None: the village keeps no household visits
    households: int | None = None
    quota_required: int | None = None  # None: the bundle carries no visit quota (G03)
    quota_done: int | None = None
    cadres_behind: int | None = None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, "")

    @property
    def completion_rate(self) -> float | None:
        return _rate(self.completed, self.visits)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.on_time, self.completed)

    @property
    def satisfaction_rate(self) -> float | None:
        return _rate(self.satisfied, self.rated)

    @property
    def quota_rate(self) -> float | None:
        """走访任务完成率 (G03/G04): requirements done over required, as the desks counted them."""
        return _rate(self.quota_done or 0, self.quota_required or 0)

    @property
    def total_penalty(self) -> int:
        return self.penalty + self.joint_liability

    def add(self, other: VillageFigures) -> None:
        """Sum another village's counts into this one (the township's totals)."""
        if not other.submitted:
            return
        for name in ("visits", "completed", "on_time", "overdue", "rated", "satisfied", "proxy_opened",
                     "proxy_closed", "absences", "findings", "penalty", "joint_liability"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.channels.update(other.channels)
        self.categories.update(other.categories)
        for name in ("household_visits", "households", "quota_required", "quota_done", "cadres_behind"):
            if getattr(other, name) is not None:
                setattr(self, name, (getattr(self, name) or 0) + getattr(other, name))


def _first_days(rows: Iterable[Mapping], key: str, column: str) -> dict[object, dt.date]:
    out: dict[object, dt.date] = {}
    for row in _live(rows):
        day = _day(row.get(column))
        if day is not None and (row[key] not in out or day < out[row[key]]):
            out[row[key]] = day
    return out


def _pauses(rows: Iterable[Mapping]) -> dict[object, list[rules.Pause]]:
    out: dict[object, list[rules.Pause]] = {}
    for row in _live(rows):
        out.setdefault(row["visit_id"], []).append(rules.Pause(_day(row["start"]), _day(row.get("end"))))
    return out


def _completed_on(visit: Mapping, answered: Mapping[object, dt.date], as_of: dt.date) -> dt.date | None:
    if visit.get("status") not in DONE_STATES:
        return None
    received = _day(visit["received_at"])
    if visit.get("outcome") in (rules.DONE_NOW, rules.OUT_OF_SCOPE):
        completed = received
    else:
        completed = answered.get(visit["id"]) or _day(visit.get("closed_at")) or as_of
    return None if completed > as_of else completed  # finished after the month being summed


def _visit_figures(figures: VillageFigures, month: VillageMonth, as_of: dt.date,
                   calendar: WorkdayCalendar) -> None:
    answered = _first_days(month.rows("visit_feedback"), "visit_id", "given_at")
    pauses = _pauses(month.rows("visit_pause"))
    for visit in _live(month.rows("visit")):
        figures.visits += 1
        figures.channels[visit.get("channel", "")] += 1
        figures.categories[visit.get("category", "")] += 1
        completed = _completed_on(visit, answered, as_of)
        deadline = _day(visit.get("deadline"))
        due = (rules.effective_deadline(calendar, deadline, pauses.get(visit["id"], []), completed or as_of)
               if deadline else None)
        on_time = completed is not None and (due is None or completed <= due)
        figures.completed += completed is not None
        figures.on_time += on_time
        figures.overdue += (completed is not None and not on_time) or (completed is None and due is not None
                                                                       and as_of > due)
        if visit.get("satisfaction") in rules.SATISFACTION:
            figures.rated += 1
            figures.satisfied += visit["satisfaction"] in SATISFIED


def _other_figures(figures: VillageFigures, month: VillageMonth, as_of: dt.date) -> None:
    for case in _live(month.rows("proxy_case")):
        figures.proxy_opened += 1
        closed = _day(case.get("closed_at"))
        figures.proxy_closed += case.get("state") == PROXY_CLOSED and closed is not None and closed <= as_of
    for row in month.tally:
        figures.absences += int(row.get("absent") or 0)
        figures.findings += int(row.get("findings") or 0)
        figures.penalty += int(row.get("penalty") or 0)
        figures.joint_liability += int(row.get("joint_liability") or 0)
    if "household_visit" in month.tables:
        household_visits = _live(month.rows("household_visit"))
        figures.household_visits = len(household_visits)
        figures.households = len({row.get("household_id") for row in household_visits})
    if QUOTA_TABLE in month.tables:
        quota = fulfilment(month.rows(QUOTA_TABLE))
        figures.quota_required, figures.quota_done = quota.required, quota.done
        figures.cadres_behind = quota.cadres_behind


def village_figures(month: VillageMonth, calendar: WorkdayCalendar | None = None) -> VillageFigures:
    """One village's month; a month not handed in has no figures (``submitted`` False)."""
    figures = VillageFigures(month.code, month.name, month.status, month.status != NOT_SUBMITTED)
    if not figures.submitted:
        return figures
    period = Period.parse_month(month.period)
    calendar = calendar or township_calendar()
    _visit_figures(figures, month, period.end, calendar)
    _other_figures(figures, month, period.end)
    return figures


def township_calendar() -> WorkdayCalendar:
    """The official calendar with the years shipped with the app (the township enters no days)."""
    from dutydesk.store.shipped_calendar import shipped_days

    return WorkdayCalendar(shipped=shipped_days())


@dataclass
class MonthTotals:
    """A month summed over the villages, for comparisons and the trend line."""

    period: str
    villages: list[VillageFigures]
    total: VillageFigures

    @property
    def submitted(self) -> int:
        return sum(1 for v in self.villages if v.submitted)


def month_totals(period: str, months: Sequence[VillageMonth],
                 calendar: WorkdayCalendar | None = None) -> MonthTotals:
    calendar = calendar or township_calendar()
    villages = sorted((village_figures(m, calendar) for m in months), key=lambda v: v.code)
    total = VillageFigures("", "全镇合计")
    for figures in villages:
        total.add(figures)
    return MonthTotals(period, villages, total)


@dataclass
class TownshipSummary:
    """The 镇级汇总表's content: this month by village, last month, the trend, the categories."""

    period: Period
    this: MonthTotals
    last: MonthTotals
    trend: list[MonthTotals] = field(default_factory=list)  # oldest first, this month last

    @property
    def villages(self) -> list[VillageFigures]:
        return self.this.villages

    @property
    def total(self) -> VillageFigures:
        return self.this.total

    def last_month_of(self, code: str) -> VillageFigures | None:
        return next((v for v in self.last.villages if v.code == code), None)

    def top_categories(self) -> list[tuple[str, int, int]]:
        """(category, this month, last month), most frequent first, across all villages (V08)."""
        now, before = self.this.total.categories, self.last.total.categories
        order = [c for c, _ in now.most_common()] + [c for c in rules.CATEGORIES if c not in now]
        order += [c for c in before if c not in order]
        return [(c, now.get(c, 0), before.get(c, 0)) for c in order if now.get(c, 0) or before.get(c, 0)]


def _month_label(period: Period) -> str:
    year, month = period.year_month
    return f"{year % 100:02d}年{month}月"


def township_summary(period: Period, loader: MonthsLoader, trend_months: int = TREND_MONTHS,
                     calendar: WorkdayCalendar | None = None) -> TownshipSummary:
    """Everything the 镇级汇总表 shows for ``period``; ``loader(YYYY-MM)`` gives that month's
    villages (the township store's ``village_months``)."""
    calendar = calendar or township_calendar()
    periods = [period]
    while len(periods) < max(2, trend_months):
        periods.append(periods[-1].previous_month())
    totals = [month_totals(p.slug, loader(p.slug), calendar) for p in periods]
    trend = list(reversed(totals[:trend_months]))
    return TownshipSummary(period, totals[0], totals[1], trend)


def trend_series(summary: TownshipSummary) -> tuple[list[str], list[int], list[int]]:
    """Labels, visits received and completed per month (oldest first) for the trend chart, from
    the first month any village handed in: months before the township had books would draw the
    line at zero, as if nobody had come."""
    first = next((i for i, t in enumerate(summary.trend) if t.submitted), len(summary.trend) - 1)
    months = summary.trend[first:]
    labels = [_month_label(Period.parse_month(t.period)) for t in months]
    return labels, [t.total.visits for t in months], [t.total.completed for t in months]
