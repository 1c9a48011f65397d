"""The 民情分析会 pack (V11): the month's requests, hot issues and open matters from the books.

One action prepares it as a printable PDF: requests by category, the service items most asked
for and the requests heard more than once (hot issues), the open and overdue matters as of the
day it is prepared, and any section another feature adds (household-visit findings, when that
feature is installed, appends to ``SECTIONS``). The decisions already recorded for the month are
printed at the end, so the pack doubles as the meeting's record.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from dutydesk.desk import Desk
from dutydesk.domain import visit_rules as rules
from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.reports.fonts import register_cjk_font
from dutydesk.reports.ledgers.monthly_stats import month_figures
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.atomic import atomic_path
from dutydesk.store.center import load_center
from dutydesk.store.open_matters import open_matters
from dutydesk.store.visits.analysis_meeting import live_decisions, meetings_for

TOP_N = 8
STATUS_TEXT = {"overdue": "已超期", "due_soon": "即将到期", "ok": "未到期", "paused": "暂停计时"}


@dataclass(frozen=True)
class PackSection:
    """A section another feature adds: a heading and rows (first row is the header), with an
    optional line above the table and column widths as fractions of the page (equal otherwise)."""

    heading: str
    rows: list[list[str]]
    note: str = ""
    widths: list[float] | None = None


# section(desk, period) -> PackSection or None (nothing to show this month)
SECTIONS: list[Callable[[Desk, Period], PackSection | None]] = []


@dataclass
class Pack:
    center: str
    period: Period
    prepared_on: dt.date
    total: int
    by_category: list[tuple[str, int]]
    hot_items: list[tuple[str, int]]
    repeated_requests: list[tuple[str, int]]
    open_rows: list[list[str]]
    overdue: int
    extra: list[PackSection]
    decisions: list[list[str]]


def build_pack(desk: Desk, period: Period) -> Pack:
    """Everything the meeting reads, as of ``desk.today()`` (numbers masked: the pack is shared)."""
    today = desk.today()
    figures = month_figures(period, desk.calendar(), today)
    categories = Counter(v.category for v in figures.visits)
    by_category = [(c, categories[c]) for c in rules.CATEGORIES if categories[c]]
    requests = Counter(v.request for v in figures.visits if v.request)
    repeated = [(mask_personal_numbers(r), n) for r, n in requests.most_common(TOP_N) if n > 1]
    matters = open_matters(today, desk.calendar())
    open_rows = [[m.ref, m.summary, f"{m.due:%Y-%m-%d}" if m.due else "—", STATUS_TEXT.get(m.status, m.status)]
                 for m in matters]
    extra = [s for s in (section(desk, period) for section in SECTIONS) if s is not None]
    decisions = [[d.content, d.follower, f"{d.due:%Y-%m-%d}", "已落实" if d.done_at else "跟进中"]
                 for meeting in meetings_for(*period.year_month) for d in live_decisions(meeting)]
    center = load_center()
    return Pack(center.name if center else "", period, today, figures.total, by_category,
                figures.items.most_common(TOP_N), repeated, open_rows,
                sum(1 for m in matters if m.status == "overdue"), extra, decisions)


def _table(rows: list[list[str]], widths: list[float], body: ParagraphStyle) -> Table:
    table = Table([[Paragraph(str(c), body) for c in row] for row in rows], colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.HexColor("#333333")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F1EFEA")), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def render_pack(pack: Pack, path: Path) -> Path:
    font = register_cjk_font()
    title = ParagraphStyle("t", fontName=font, fontSize=18, leading=26, alignment=TA_CENTER)
    sub = ParagraphStyle("s", fontName=font, fontSize=10, leading=14, alignment=TA_CENTER)
    heading = ParagraphStyle("h", fontName=font, fontSize=12.5, leading=18, spaceBefore=8, spaceAfter=4)
    body = ParagraphStyle("b", fontName=font, fontSize=9.5, leading=13, wordWrap="CJK")
    with atomic_path(path) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=16 * mm,
                                bottomMargin=16 * mm, title=f"{pack.period.text}民情分析会材料",
                                author=pack.center, creator="值班台 DutyDesk")
        w = doc.width
        story: list = [
            Paragraph(f"{pack.center}{pack.period.text}民情分析会材料", title),
            Paragraph(f"材料截至{pack.prepared_on:%Y年%m月%d日}　本月受理群众诉求{pack.total}件　"
                      f"未办结事项{len(pack.open_rows)}件，其中超期{pack.overdue}件", sub),
            Paragraph("一、本月诉求分类", heading),
            _table([["类别", "件数"], *[[c, str(n)] for c, n in pack.by_category]] if pack.by_category
                   else [["类别", "件数"], ["本月无登记", "0"]], [0.7 * w, 0.3 * w], body),
            Paragraph("二、热点问题", heading),
            _table([["办理最多的事项", "件数"], *[[c, str(n)] for c, n in pack.hot_items]] if pack.hot_items
                   else [["办理最多的事项", "件数"], ["本月无代办", "0"]], [0.7 * w, 0.3 * w], body),
        ]
        if pack.repeated_requests:
            story += [Spacer(1, 4), _table([["多次反映的诉求", "次数"],
                                            *[[r, str(n)] for r, n in pack.repeated_requests]],
                                           [0.7 * w, 0.3 * w], body)]
        story += [Paragraph("三、未办结和超期事项", heading),
                  _table([["编号", "事项", "期限", "状态"], *pack.open_rows] if pack.open_rows
                         else [["编号", "事项", "期限", "状态"], ["—", "无未办结事项", "—", "—"]],
                         [0.2 * w, 0.52 * w, 0.14 * w, 0.14 * w], body)]
        number = 4
        for section in pack.extra:
            story.append(Paragraph(f"{'四五六七八九'[number - 4]}、{section.heading}", heading))
            if section.note:
                story += [Paragraph(section.note, body), Spacer(1, 3)]
            fractions = section.widths or [1 / len(section.rows[0])] * len(section.rows[0])
            story.append(_table(section.rows, [f * w for f in fractions], body))
            number += 1
        decisions = pack.decisions or [["", "", "", ""]] * 4  # blank lines to write on at the meeting
        story += [Paragraph(f"{'四五六七八九十'[number - 4]}、会议决定及跟进", heading),
                  _table([["决定事项", "跟进人", "完成日期", "落实情况"], *decisions],
                         [0.5 * w, 0.16 * w, 0.17 * w, 0.17 * w], body)]
        doc.build(story)
    return path


def write_pack(desk: Desk, period: Period, path: Path) -> Path:
    """V11: prepare the month's pack from the books and write it as a PDF."""
    return render_pack(build_pack(desk, period), path)


# Sections of features the desk always has (each module appends itself to SECTIONS).
from dutydesk.reports import household_findings  # noqa: E402,F401
