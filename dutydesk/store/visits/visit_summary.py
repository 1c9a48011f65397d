"""Periodic summary of requests and hot issues for the level above (V08).

Counts by category, channel and outcome, how many were answered in time, and the requests heard
most often ("hot issues"), over any period; the 工具 menu shows it for a month, ready to copy into
the report to the township.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from dutydesk.domain import visit_rules as rules
from dutydesk.store.base import database


@dataclass
class VisitSummary:
    start: dt.date
    end: dt.date
    total: int = 0
    by_category: Counter = field(default_factory=Counter)
    by_channel: Counter = field(default_factory=Counter)
    by_outcome: Counter = field(default_factory=Counter)
    answered: int = 0  # 已反馈 or closed with a reason
    still_open: int = 0
    hot_issues: list[tuple[str, str, int]] = field(default_factory=list)  # (category, request, count)
    satisfaction: Counter = field(default_factory=Counter)

    def text(self) -> str:
        """The summary as the report to the township reads it."""
        def line(counter: Counter) -> str:
            return "，".join(f"{k} {v}" for k, v in counter.most_common()) or "无"

        lines = [
            f"来访情况汇总（{self.start:%Y年%m月%d日}至{self.end:%Y年%m月%d日}）",
            f"共受理 {self.total} 件，已办结并反馈 {self.answered} 件，尚在办理 {self.still_open} 件。",
            f"按类别：{line(self.by_category)}",
            f"按方式：{line(self.by_channel)}",
            f"按处理方式：{line(self.by_outcome)}",
            f"满意度：{line(self.satisfaction)}",
            "群众反映较集中的问题：",
        ]
        lines += [f"  {i}. {req}（{cat}，{n} 次）" for i, (cat, req, n) in enumerate(self.hot_issues, 1)] or ["  无"]
        return "\n".join(lines)


def visit_summary(start: dt.date, end: dt.date, hot: int = 5) -> VisitSummary:
    """Summarise the visits received from ``start`` to ``end`` inclusive (voided ones left out)."""
    lo = dt.datetime.combine(start, dt.time.min)
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min)
    summary = VisitSummary(start, end)
    requests: Counter = Counter()
    rows = database.execute_sql(
        "SELECT category, channel, outcome, status, closed_at, satisfaction, request FROM visit"
        " WHERE received_at >= ? AND received_at < ? AND voided_at IS NULL", (str(lo), str(hi)))
    for category, channel, outcome, status, closed_at, satisfaction, request in rows:
        summary.total += 1
        summary.by_category[category] += 1
        summary.by_channel[channel] += 1
        summary.by_outcome[outcome] += 1
        if status == rules.FED_BACK or closed_at:
            summary.answered += 1
        else:
            summary.still_open += 1
        if satisfaction:
            summary.satisfaction[satisfaction] += 1
        requests[(category, " ".join(request.split()))] += 1
    summary.hot_issues = [(cat, req, n) for (cat, req), n in requests.most_common(hot) if n > 1]
    return summary
