"""镇级汇总表 as a ledger: the township's month by village, written to xlsx and PDF by the same
machinery as the desk's ledgers (``reports.ledger``), with the tables and charts of the
village's 月度便民服务统计报表 (``reports.ledgers.monthly_stats``) whose helpers it reuses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from dutydesk.domain import visit_rules as rules
from dutydesk.reports.ledger import Progress, write_ledger
from dutydesk.reports.ledger.masking import masked_ledger
from dutydesk.reports.ledger.model import Chart, Column, Ledger, Table, static_rows
from dutydesk.reports.ledgers.monthly_stats import _change, _count_table, _figure
from dutydesk.reports.ledgers.registry import safe_name
from dutydesk.township.summary import TownshipSummary, VillageFigures, trend_series

TITLE = "便民服务月度汇总表"  # after the township name: 桃源镇便民服务月度汇总表
SHEET = "镇级汇总"

VISIT_COLUMNS = [
    Column("村（社区）", 16), Column("报送情况", 8), Column("受理", 7, "int"),
    *[Column(channel, 7, "int") for channel in rules.CHANNELS],
    Column("办结", 7, "int"), Column("按期办结率", 10, "percent"), Column("超期", 7, "int"),
    Column("满意率", 9, "percent"), Column("上月受理", 8, "int"),
]
WORK_COLUMNS = [
    Column("村（社区）", 16), Column("代办受理", 8, "int"), Column("代办办结", 8, "int"),
    Column("缺勤（次）", 8, "int"), Column("督查查实（次）", 10, "int"), Column("处罚（元）", 9, "int"),
    Column("连带责任（元）", 10, "int"), Column("入户走访（次）", 10, "int"), Column("走访户数", 8, "int"),
    Column("走访任务完成率", 10, "percent"), Column("走访未达标干部（人）", 10, "int"),
]
NOTES = (
    "口径与各村月度便民服务统计报表相同：办结含已办结和已反馈（月末前）；按期指不晚于承诺期限"
    "（暂停计时的工作日顺延）；超期指逾期办结或月末仍未办结且已过期限；满意率为满意与基本满意"
    "占参与评价的比例。",
    "代办办结为当月受理、月末前已办结的代办单；缺勤、督查查实与处罚取自各村报送的月度考勤统计；"
    "入户走访为当月走访记录，未开展网格走访登记的村显示为空。未报送的村不计入合计。",
    "走访任务完成率取自各村报送的走访完成情况统计（统计至月末）：各名干部各项走访要求的已完成数"
    "（每项不超过应完成数）之和占应完成数之和的比例；未达标干部为有一项要求未达标或进度落后的人数。",
)


@dataclass
class TownshipLedger(Ledger):
    """A ledger whose heading names the township and how many villages reported, not a center."""

    villages: int = 0
    submitted: int = 0

    def meta_line(self) -> str:
        return (f"乡镇（街道）：{self.township}　　统计期间：{self.period}　　"
                f"已报送村（社区）：{self.submitted}/{self.villages}")


def _visit_row(v: VillageFigures, last: VillageFigures | None) -> tuple:
    last_visits = last.visits if last is not None and last.submitted else None
    if not v.submitted:
        return (v.name, v.status_label, *[None] * (len(VISIT_COLUMNS) - 3), last_visits)
    return (v.name, v.status_label, v.visits, *[v.channels.get(c, 0) for c in rules.CHANNELS], v.completed,
            v.on_time_rate, v.overdue, v.satisfaction_rate, last_visits)


def _work_row(v: VillageFigures) -> tuple:
    if not v.submitted:
        return (v.name, *[None] * (len(WORK_COLUMNS) - 1))
    return (v.name, v.proxy_opened, v.proxy_closed, v.absences, v.findings, v.penalty, v.joint_liability,
            v.household_visits, v.households, v.quota_rate, v.cadres_behind)


def key_figures(summary: TownshipSummary) -> list[tuple[str, object, object]]:
    """(指标, this month, last month) for the township: the comparison both the paper and the
    screen show."""
    this, last = summary.this, summary.last
    pairs = [
        ("报送村（社区）数", this.submitted, last.submitted),
        ("受理总数（件）", this.total.visits, last.total.visits),
        ("已办结（件）", this.total.completed, last.total.completed),
        ("办结率", this.total.completion_rate, last.total.completion_rate),
        ("按期办结率", this.total.on_time_rate, last.total.on_time_rate),
        ("超期件数（件）", this.total.overdue, last.total.overdue),
        ("满意率（满意+基本满意）", this.total.satisfaction_rate, last.total.satisfaction_rate),
        ("代办受理（件）", this.total.proxy_opened, last.total.proxy_opened),
        ("代办办结（件）", this.total.proxy_closed, last.total.proxy_closed),
        ("缺勤（次）", this.total.absences, last.total.absences),
        ("处罚及连带责任（元）", this.total.total_penalty, last.total.total_penalty),
    ]
    if this.total.household_visits is not None or last.total.household_visits is not None:
        pairs.append(("入户走访（次）", this.total.household_visits, last.total.household_visits))
    if this.total.quota_required is not None or last.total.quota_required is not None:
        pairs.append(("走访任务完成率", this.total.quota_rate, last.total.quota_rate))
    return pairs


def key_rows(summary: TownshipSummary) -> list[tuple[str, str, str, str]]:
    """The key figures as printed: per cent, counts, and the change since last month."""
    return [(label, _figure(label, now), _figure(label, before), _change(label, now, before))
            for label, now, before in key_figures(summary)]


def build_summary_ledger(summary: TownshipSummary, township: str, prepared_on: dt.date | None) -> Ledger:
    """The 镇级汇总表 for ``summary``, masked once more like every ledger that leaves a desk (V09)."""
    villages = summary.villages
    visit_rows = [_visit_row(v, summary.last_month_of(v.code)) for v in villages]
    visit_rows.append(_visit_row(summary.total, summary.last.total))
    work_rows = [_work_row(v) for v in villages] + [_work_row(summary.total)]
    categories, before = summary.total.categories, summary.last.total.categories
    tables = [
        Table([Column("指标", 26), Column("本月", 12), Column("上月", 12), Column("增减", 18)],
              static_rows(key_rows(summary)), heading="一、全镇主要指标（与上月对比）"),
        Table(VISIT_COLUMNS, static_rows(visit_rows), heading="二、各村（社区）受理与办理（按来访方式）",
              row_count=len(visit_rows)),
        Table(WORK_COLUMNS, static_rows(work_rows), heading="三、各村（社区）代办、考勤与入户走访",
              row_count=len(work_rows)),
        _count_table("四、全镇群众诉求类别（由多到少）", "事项类别", categories, None, before),
    ]
    names = [v.name for v in villages]
    labels, received, done = trend_series(summary)
    charts = [
        Chart("bar", "各村（社区）受理件数（本月与上月）", names,
              [("本月", [v.visits for v in villages]),
               ("上月", [getattr(summary.last_month_of(v.code), "visits", 0) for v in villages])]),
        Chart("bar", "全镇按事项类别统计（本月与上月）", list(rules.CATEGORIES),
              [("本月", [categories.get(c, 0) for c in rules.CATEGORIES]),
               ("上月", [before.get(c, 0) for c in rules.CATEGORIES])]),
        Chart("line", "全镇近12个月受理与办结件数", labels, [("受理", received), ("办结", done)]),
    ]
    total = summary.total
    notes = [f"全镇本月受理{total.visits}件，办结{total.completed}件，超期{total.overdue}件；"
             f"{summary.this.submitted}个村（社区）已报送，共{len(villages)}个。", *NOTES]
    ledger = TownshipLedger(title=f"{township}{TITLE}" if township else f"镇级{TITLE}", center="", township=township,
                            period=summary.period.text, tables=tables, charts=charts, prepared_on=prepared_on,
                            notes=notes, sheet_name=SHEET, villages=len(villages),
                            submitted=summary.this.submitted)
    return masked_ledger(ledger)


def file_name(township: str, period_slug: str, fmt: str) -> str:
    """The file's name when only a folder is given: 桃源镇便民服务月度汇总表_2026-11.xlsx."""
    return safe_name(f"{township or '镇级'}{TITLE}_{period_slug}.{fmt}")


def write_summary(summary: TownshipSummary, township: str, prepared_on: dt.date | None, out: Path, fmt: str,
                  progress: Progress | None = None) -> Path:
    """Write the 镇级汇总表 as ``fmt`` (xlsx or pdf) to ``out`` atomically (``store.atomic``)."""
    return write_ledger(build_summary_ledger(summary, township, prepared_on), out, fmt, progress)
