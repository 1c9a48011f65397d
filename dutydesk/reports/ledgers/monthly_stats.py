"""月度便民服务统计报表 (P08, V08): what the desk handled in a month, for the township.

Counts by category, channel, outcome and service item; completion, on-time completion and
satisfaction rates; overdue matters; average working days to complete; per staff member; the
most frequent requests; this month against the previous one; and two charts (categories this
month and last, and the last twelve months).

Definitions (printed under the title so the township reads the numbers the same way):
completed = 已办结 or 已反馈 (done on the spot counts, completed the day it was received); the
completion day of other matters is when their status first became done, from the audit trail;
on time = completed no later than the promised deadline moved on by paused working days (V04);
overdue = completed late, or still open past that deadline at the end of the month.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from peewee import fn

from dutydesk.desk import Desk
from dutydesk.domain import visit_rules as rules
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.reports.ledger.model import Chart, Column, Ledger, Table, static_rows
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, register
from dutydesk.store.audit import AuditEntry
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.store.notices.proxy_cases import ProxyCase
from dutydesk.store.visits.visit import Visit, VisitFeedback, VisitPause

DONE_STATES = (rules.DONE, rules.FED_BACK)
TOP_N = 10


@dataclass
class VisitFacts:
    id: int
    received: dt.date
    channel: str
    category: str
    outcome: str
    responder: str
    request: str
    satisfaction: str
    completed: dt.date | None
    deadline: dt.date | None  # effective: promised date moved on by pauses
    on_time: bool | None  # None: not completed
    overdue: bool


@dataclass
class MonthFigures:
    period: Period
    visits: list[VisitFacts] = field(default_factory=list)
    items: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return len(self.visits)

    @property
    def completed(self) -> list[VisitFacts]:
        return [v for v in self.visits if v.completed is not None]

    def rate(self, part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def completion_rate(self) -> float | None:
        return self.rate(len(self.completed), self.total)

    @property
    def on_time_rate(self) -> float | None:
        done = self.completed
        return self.rate(sum(1 for v in done if v.on_time), len(done))

    @property
    def overdue(self) -> int:
        return sum(1 for v in self.visits if v.overdue)

    @property
    def rated(self) -> list[VisitFacts]:
        return [v for v in self.visits if v.satisfaction in rules.SATISFACTION]

    @property
    def satisfaction_rate(self) -> float | None:
        rated = self.rated
        return self.rate(sum(1 for v in rated if v.satisfaction in ("满意", "基本满意")), len(rated))

    def average_days(self, calendar: WorkdayCalendar) -> float | None:
        done = self.completed
        if not done:
            return None
        return sum(max(0, calendar.workdays_between(v.received, v.completed)) for v in done) / len(done)


def _completion_days(ids: list[int]) -> dict[int, dt.date]:
    """When each visit's status first became done or fed back, from the audit trail (A03)."""
    out: dict[int, dt.date] = {}
    table = Visit._meta.table_name
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        query = (AuditEntry.select(AuditEntry.record_id, AuditEntry.at)
                 .where((AuditEntry.table_name == table) & AuditEntry.record_id.in_(part)
                        & (AuditEntry.field == "status") & AuditEntry.new_value.in_(DONE_STATES))
                 .order_by(AuditEntry.at).tuples())
        for record_id, at in query:
            out.setdefault(record_id, at.date() if isinstance(at, dt.datetime) else at)
    return out


def _first_feedback(ids: list[int]) -> dict[int, dt.date]:
    """The day each visit was first answered: completion day when the trail has no status change
    (matters registered already answered, or imported)."""
    out: dict[int, dt.date] = {}
    for start in range(0, len(ids), 500):
        query = (VisitFeedback.select(VisitFeedback.visit, fn.MIN(VisitFeedback.given_at))
                 .where(VisitFeedback.visit.in_(ids[start:start + 500]) & VisitFeedback.voided_at.is_null())
                 .group_by(VisitFeedback.visit).tuples())
        for visit_id, given_at in query:
            if isinstance(given_at, str):
                given_at = dt.datetime.fromisoformat(given_at)
            out[visit_id] = given_at.date() if isinstance(given_at, dt.datetime) else given_at
    return out


def _pauses(ids: list[int]) -> dict[int, list[rules.Pause]]:
    out: dict[int, list[rules.Pause]] = {}
    for start in range(0, len(ids), 500):
        query = (VisitPause.select(VisitPause.visit, VisitPause.start, VisitPause.end)
                 .where(VisitPause.visit.in_(ids[start:start + 500]) & VisitPause.voided_at.is_null()).tuples())
        for visit_id, begin, end in query:
            out.setdefault(visit_id, []).append(rules.Pause(begin, end))
    return out


def month_figures(period: Period, calendar: WorkdayCalendar, today: dt.date) -> MonthFigures:
    """Everything the report needs for one month (a month's visits fit in memory easily)."""
    start, end = period.datetimes()
    as_of = min(today, period.end)
    figures = MonthFigures(period)
    rows = list(Visit.select(Visit.id, Visit.received_at, Visit.channel, Visit.category, Visit.outcome,
                             Visit.responder_name, Visit.request, Visit.satisfaction, Visit.status,
                             Visit.deadline, Visit.closed_at)
                .where((Visit.received_at >= start) & (Visit.received_at < end) & Visit.voided_at.is_null())
                .order_by(Visit.received_at).tuples())
    ids = [r[0] for r in rows]
    done_days = _completion_days(ids)
    answered = _first_feedback(ids)
    pauses = _pauses(ids)
    for (vid, received, channel, category, outcome, responder, request, satisfaction, status, deadline,
         _closed) in rows:
        received_day = received.date()
        completed = None
        if status in DONE_STATES:
            if outcome in (rules.DONE_NOW, rules.OUT_OF_SCOPE):
                completed = received_day
            else:
                completed = done_days.get(vid) or answered.get(vid) or received_day
            if completed > as_of:
                completed = None  # finished after the month being reported
        due = (rules.effective_deadline(calendar, deadline, pauses.get(vid, []), completed or as_of)
               if deadline else None)
        on_time = None if completed is None else (due is None or completed <= due)
        overdue = (completed is not None and not on_time) or (completed is None and due is not None and as_of > due)
        figures.visits.append(VisitFacts(vid, received_day, channel, category, outcome, responder,
                                         request.strip(), satisfaction, completed, due, on_time, overdue))
    for (name,) in (ProxyCase.select(CatalogueVersion.name).join(CatalogueVersion)
                    .where((ProxyCase.accepted_at >= start) & (ProxyCase.accepted_at < end)
                           & ProxyCase.voided_at.is_null()).tuples()):
        figures.items[name] += 1
    return figures



def _figure(label: str, value: float | int | None) -> str:
    """Key figures as printed: rates in per cent, averages with one decimal, counts as integers."""
    if value is None:
        return "—"
    if "率" in label:
        return f"{value * 100:.1f}%"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def _change(label: str, now: float | int | None, before: float | int | None) -> str:
    if now is None or before is None:
        return "—"
    diff = now - before
    sign = "+" if diff > 0 else ""
    if "率" in label:
        return f"{sign}{diff * 100:.1f}个百分点"
    return f"{sign}{diff:.1f}" if isinstance(diff, float) else f"{sign}{diff}"


def _count_table(heading: str, label: str, counts: Counter, order: tuple[str, ...] | None = None,
                 previous: Counter | None = None) -> Table:
    keys = list(order) if order else [k for k, _ in counts.most_common()]
    keys += [k for k in counts if k not in keys]
    total = sum(counts.values())
    rows = []
    for key in keys:
        rows.append((key, counts.get(key, 0), counts.get(key, 0) / total if total else None,
                     (previous or Counter()).get(key, 0)))
    columns = [Column(label, 16), Column("本月件数", 10, "int", total=True), Column("占比", 10, "percent"),
               Column("上月件数", 10, "int", total=True)]
    return Table(columns, static_rows(rows), heading=heading, row_count=len(rows))


def _twelve_months(period: Period) -> tuple[list[str], list[int], list[int]]:
    """Visits received and completed-on-the-spot-or-later in each of the last 12 months."""
    labels, received, done = [], [], []
    year, month = period.year_month
    months = []
    for _ in range(12):
        months.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    for y, m in reversed(months):
        p = Period.month(y, m)
        s, e = p.datetimes()
        base = Visit.select().where((Visit.received_at >= s) & (Visit.received_at < e) & Visit.voided_at.is_null())
        labels.append(f"{y % 100:02d}年{m}月")
        received.append(base.count())
        done.append(base.where(Visit.status.in_(DONE_STATES)).count())
    return labels, received, done


def build(desk: Desk, period: Period) -> Ledger:
    calendar = desk.calendar()
    today = desk.today()
    this = month_figures(period, calendar, today)
    before = month_figures(period.previous_month(), calendar, today)

    def by(attr: str, figures: MonthFigures) -> Counter:
        return Counter(getattr(v, attr) for v in figures.visits)

    key_rows = [
        ("受理总数（件）", this.total, before.total),
        ("已办结（件）", len(this.completed), len(before.completed)),
        ("办结率", this.completion_rate, before.completion_rate),
        ("按期办结率", this.on_time_rate, before.on_time_rate),
        ("超期件数（件）", this.overdue, before.overdue),
        ("平均办结用时（工作日）", this.average_days(calendar), before.average_days(calendar)),
        ("满意率（满意+基本满意）", this.satisfaction_rate, before.satisfaction_rate),
        ("参与评价（件）", len(this.rated), len(before.rated)),
        ("代办事项（件）", sum(this.items.values()), sum(before.items.values())),
    ]
    key_table_rows = [(label, _figure(label, now_value), _figure(label, prev_value),
                       _change(label, now_value, prev_value)) for label, now_value, prev_value in key_rows]
    key_table = Table([Column("指标", 22), Column("本月", 12), Column("上月", 12), Column("增减", 14)],
                      static_rows(key_table_rows), heading="一、主要指标（与上月对比）")

    staff_rows = []
    names = sorted({v.responder for v in this.visits})
    for name in names:
        mine = [v for v in this.visits if v.responder == name]
        done = [v for v in mine if v.completed is not None]
        rated = [v for v in mine if v.satisfaction in rules.SATISFACTION]
        staff_rows.append((
            name, len(mine), len(done), len(done) / len(mine) if mine else None,
            sum(1 for v in done if v.on_time) / len(done) if done else None,
            sum(1 for v in mine if v.overdue),
            sum(1 for v in rated if v.satisfaction in ("满意", "基本满意")) / len(rated) if rated else None,
        ))
    staff_table = Table([Column("首问责任人", 16), Column("受理", 8, "int", total=True),
                         Column("办结", 8, "int", total=True), Column("办结率", 10, "percent"),
                         Column("按期办结率", 10, "percent"), Column("超期", 8, "int", total=True),
                         Column("满意率", 10, "percent")],
                        static_rows(staff_rows), heading="六、按工作人员（首问责任人）", row_count=len(staff_rows))

    top = Counter((v.category, v.request) for v in this.visits).most_common(TOP_N)
    top_rows = [(rank, category, request, count) for rank, ((category, request), count) in enumerate(top, 1)]
    top_table = Table([Column("排名", 6, "int"), Column("类别", 10), Column("诉求内容", 40), Column("件数", 8, "int")],
                      static_rows(top_rows), heading=f"七、本月群众诉求前{TOP_N}位（热点问题）",
                      row_count=len(top_rows))

    categories = by("category", this)
    previous_categories = by("category", before)
    tables = [
        key_table,
        _count_table("二、按事项类别", "事项类别", categories, rules.CATEGORIES, previous_categories),
        _count_table("三、按来访方式", "来访方式", by("channel", this), rules.CHANNELS, by("channel", before)),
        _count_table("四、按处理方式", "处理方式", by("outcome", this), rules.OUTCOMES, by("outcome", before)),
        _count_table("五、代办事项（按服务事项）", "服务事项", this.items, None, before.items),
        staff_table,
        top_table,
    ]
    labels, received, done = _twelve_months(period)
    charts = [
        Chart("bar", "按事项类别统计（本月与上月）", list(rules.CATEGORIES),
              [("本月", [categories.get(c, 0) for c in rules.CATEGORIES]),
               ("上月", [previous_categories.get(c, 0) for c in rules.CATEGORIES])]),
        Chart("line", "近12个月受理与办结件数", labels, [("受理", received), ("办结", done)]),
    ]
    notes = [
        f"本月受理{this.total}件，办结{len(this.completed)}件，超期{this.overdue}件。"
        "口径：办结含已办结和已反馈；按期指不晚于承诺期限（暂停计时的工作日顺延）；"
        "超期指逾期办结或月末仍未办结且已过期限。",
    ]
    return ledger_for(desk, "月度便民服务统计报表", period, tables=tables, charts=charts, notes=notes,
                      sheet_name="月度统计")


SPEC = register(LedgerSpec("monthly", "月度便民服务统计报表", True, build, "P08"))
