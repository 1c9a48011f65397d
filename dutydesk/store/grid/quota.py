"""Each cadre's progress against the visit quotas (G03, G04), for a month, quarter or year.

The store counts (visits by a cadre, households of their area or the village, pairings); the
judging (required, pace, green / amber / red) is ``domain.grid.quota``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dutydesk.domain.grid import period as periods
from dutydesk.domain.grid import quota as rules
from dutydesk.domain.grid.roles import CADRE_KINDS, MAIN, OTHER, TOWNSHIP, cadre_kind, is_cadre
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.base import database
from dutydesk.store.center import load_center
from dutydesk.store.duty.staff import Staff, active_staff
from dutydesk.store.grid.area import Area
from dutydesk.store.grid.household import Household
from dutydesk.store.grid.pairing import ASSISTANCE, MENTORING, pairings_of
from dutydesk.store.settings import get_setting
from dutydesk.store.visits.residents import Resident

VILLAGE = "village"  # the key of the village's households in ``board``'s shared reads
ORDER = {rules.FAR_BEHIND: 0, rules.BEHIND: 1, rules.ON_TRACK: 2}


@dataclass(frozen=True)
class Unvisited:
    household: Household
    last_visit: dt.date | None  # by this cadre, ever (None: never)

    def days_since(self, on: dt.date) -> int | None:
        return None if self.last_visit is None else (on - self.last_visit).days


@dataclass
class CadreProgress:
    staff: Staff
    kind: str  # domain.grid.roles kind
    span: periods.Window
    lines: list[rules.QuotaLine] = field(default_factory=list)
    unvisited: list[Unvisited] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return CADRE_KINDS[self.kind]

    @property
    def status(self) -> str:
        """The worst line's status (green only when every requirement is on track)."""
        return min((line.status for line in self.lines), key=ORDER.__getitem__, default=rules.ON_TRACK)


def _visits(staff_id: int, start: dt.date, end: dt.date) -> list[tuple[dt.date, int]]:
    """(day, household id) of each visit the cadre took part in between two days."""
    rows = database.execute_sql(
        "SELECT v.day, v.household_id FROM household_visit v JOIN household_visit_cadre c "
        "ON c.household_visit_id = v.id JOIN household h ON h.id = v.household_id "
        "WHERE c.staff_id = ? AND v.voided_at IS NULL AND h.voided_at IS NULL AND v.day >= ? AND v.day <= ?",
        (staff_id, start.isoformat(), end.isoformat()))
    return [(dt.date.fromisoformat(str(day)[:10]), hid) for day, hid in rows]


def _last_visits(staff_id: int, before: dt.date) -> dict[int, dt.date]:
    rows = database.execute_sql(
        "SELECT v.household_id, MAX(v.day) FROM household_visit v JOIN household_visit_cadre c "
        "ON c.household_visit_id = v.id WHERE c.staff_id = ? AND v.voided_at IS NULL AND v.day <= ? "
        "GROUP BY v.household_id", (staff_id, before.isoformat()))
    return {hid: dt.date.fromisoformat(str(day)[:10]) for hid, day in rows}


def _households(staff: Staff, kind: str, shared: dict[str, list[Household]] | None = None) -> list[Household]:
    """The households a cadre answers for: the whole village for main and township cadres (G03),
    the areas they own for the others. ``shared`` keeps the village's list for the next cadre
    (``board``: the village read once, not once per cadre, issue 17; an area's are among them)."""
    if shared is not None:
        if VILLAGE not in shared:
            shared[VILLAGE] = _households(staff, MAIN)
        if kind != OTHER:
            return shared[VILLAGE]
        owned = {a.id for a in Area.select(Area.id).where((Area.owner == staff) & Area.voided_at.is_null())}
        return [h for h in shared[VILLAGE] if h.area_id in owned]
    # What the board lists of the unvisited ones, with their heads' names (one query, not one
    # each; only these columns: a village of households with every column of theirs and their
    # heads' was most of the board's reading, issue 17).
    query = (Household.select(Household.id, Household.code, Household.area, Household.head, Household.village_group,
                              Household.address, Resident.id, Resident.name).join(Resident).switch(Household)
             .where(Household.voided_at.is_null()))
    if kind == OTHER:
        query = query.join(Area).where((Area.owner == staff) & Area.voided_at.is_null())
    return list(query.order_by(Household.code))


def _capped(visits: list[tuple[dt.date, int]], span: periods.Window, households: set[int], times: int) -> int:
    counts = Counter(hid for day, hid in visits if day in span and hid in households)
    return sum(min(n, times) for n in counts.values())


def _started(windows: list[periods.Window], on: dt.date) -> list[periods.Window]:
    return [w for w in windows if w.start <= on]


def cadre_progress(staff: Staff, period: str, on: dt.date, calendar: WorkdayCalendar,
                   shared: dict[str, list[Household]] | None = None) -> CadreProgress:
    """G03/G04: the requirements that apply to one cadre over the month, quarter or year of ``on``
    (``shared``: reads the cadres of one board have in common)."""
    kind = cadre_kind(staff.role)
    span = periods.window(period, on)
    year = periods.window(periods.YEAR, on)
    red = float(get_setting(rules.BEHIND_RED_SHARE, on))
    first = periods.first_year(staff.active_from)
    # The first year's visits only count while it lasts (G03): ten years of books stay unread.
    earliest = min(span.start, year.start, first.start) if on in first else min(span.start, year.start)
    visits = _visits(staff.id, earliest, on)
    mine = _households(staff, kind, shared)
    mine_ids = {h.id for h in mine}
    progress = CadreProgress(staff, kind, span)
    lines = progress.lines

    if kind == MAIN:
        monthly = int(get_setting(rules.MAIN_MONTHLY, on))
        months = _started(periods.months(span), on)
        done = sum(min(len({hid for day, hid in visits if day in m}), monthly) for m in months)
        lines.append(rules.line(f"每月入户走访不少于{monthly}户", "G03", span, monthly * len(months), done, on,
                                red, "户"))
        if get_setting(rules.MAIN_FIRST_YEAR_ALL, on) and on in first:
            done = len({hid for day, hid in visits if day in first and hid in mine_ids})
            lines.append(rules.line("任期第一年走访遍所有农户", "G03", first, len(mine), done, on, red, "户"))
    elif kind == TOWNSHIP:
        times = int(get_setting(rules.TOWNSHIP_QUARTERLY_TIMES, on))
        outer = span if period != periods.MONTH else periods.window(periods.QUARTER, on)
        windows = _started(periods.quarters(outer), on)
        whole = periods.Window(windows[0].start, windows[-1].end)
        done = sum(_capped(visits, q, mine_ids, times) for q in windows)
        lines.append(rules.line("每季度走访所驻村所有农户", "G03", whole, len(mine) * times * len(windows), done,
                                on, red))
    else:
        times = int(get_setting(rules.OTHER_YEARLY_TIMES, on))
        lines.append(rules.line(f"每年走访责任片内每户不少于{times}次", "G03", year, len(mine) * times,
                                _capped(visits, year, mine_ids, times), on, red))
    profile = load_center()
    if profile is not None and profile.kind == "community":
        share = get_setting(rules.COMMUNITY_WORKDAY_SHARE, on)
        workdays = calendar.workdays_between(year.start - dt.timedelta(days=1), year.end)
        days = len({day for day, _hid in visits if day in year})
        lines.append(rules.line(f"入户天数不少于全年工作日的{share[0]}/{share[1]}", "G03", year,
                                rules.workday_share_required(workdays, share), days, on, red, "天"))
    _pairing_lines(progress, visits, on, red)
    last = _last_visits(staff.id, on)
    visited = {hid for day, hid in visits if day in span}
    progress.unvisited = sorted((Unvisited(h, last.get(h.id)) for h in mine if h.id not in visited),
                                key=lambda u: (u.last_visit or dt.date.min, u.household.code))
    return progress


def _pairing_lines(progress: CadreProgress, visits: list[tuple[dt.date, int]], on: dt.date, red: float) -> None:
    """G04: at least one household in difficulty, each visited monthly; mentors 3-5 households."""
    staff, span = progress.staff, progress.span
    least = int(get_setting(rules.PAIRED_MIN, on))
    paired = pairings_of(staff, on, ASSISTANCE)
    whole = periods.Window(span.start, span.start)  # a count, not a pace: judged as of now
    progress.lines.append(rules.line(f"结对帮扶困难户不少于{least}户", "G04", whole, least, len(paired), on, red, "户"))
    monthly = int(get_setting(rules.PAIRED_MONTHLY_VISITS, on))
    required = done = 0
    by_month: dict[periods.Window, Counter] = defaultdict(Counter)
    for day, hid in visits:
        if day in span:
            by_month[periods.window(periods.MONTH, day)][hid] += 1
    for month in _started(periods.months(span), on):
        for p in pairings_of(staff, min(month.end, on), ASSISTANCE):
            required += monthly
            done += min(by_month[month][p.household_id], monthly)
    if required:
        progress.lines.append(rules.line(f"结对帮扶户每月至少走访{monthly}次", "G04", span, required, done, on, red))
    mentored = pairings_of(staff, on, MENTORING)
    if mentored:
        low, high = int(get_setting(rules.MENTOR_MIN, on)), int(get_setting(rules.MENTOR_MAX, on))
        progress.lines.append(rules.QuotaLine(f"联系帮带农户{low}—{high}户", "G04", whole, low, len(mentored),
                                              rules.mentoring_status(len(mentored), low, high), "户"))


def board(period: str, on: dt.date, calendar: WorkdayCalendar) -> list[CadreProgress]:
    """Every active cadre's progress, those furthest behind first."""
    cadres = [s for s in active_staff(on) if is_cadre(s.role)]
    shared: dict[str, list[Household]] = {}
    found = [cadre_progress(s, period, on, calendar, shared) for s in cadres]
    return sorted(found, key=lambda p: (ORDER[p.status], p.staff.name))
