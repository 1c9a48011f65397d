"""The household-visit quota in the village's bundle and in the 镇级汇总表 (issue 16 point 6; G03, G04).

A cadre's quota depends on far more than the month's visits (their kind, first year in office,
the households of their area or village, their pairings, the year's visits so far, the settings in
force), so the desk computes it as its own 走访完成情况统计 does (``store.grid.quota.board`` for the
month, as of its last day) and the bundle carries the result, one row per requirement of each
cadre, like the attendance tally. The township only adds the rows up: 走访任务完成率 = what was
done, each requirement counted at most to what it asked, over what was asked.

A bundle without ``visit_quota.jsonl`` (written before this file existed, or by a village that
keeps no grid) shows no rate: older bundles stay readable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dutydesk.domain.grid.quota import ON_TRACK
from dutydesk.reports.ledgers.registry import Period

QUOTA = "visit_quota.jsonl"
TABLE = "visit_quota"  # its rows in ``VillageMonth.tables``


def quota_rows(desk, period: Period) -> list[dict]:
    """G03/G04: every active cadre's requirements of the month, as the desk's 走访完成情况统计
    lists them (as of the month's last day, or today for a month not over)."""
    from dutydesk.domain.grid import period as periods
    from dutydesk.store.grid.quota import board

    on = min(period.end, desk.today())
    if on < period.start:
        return []
    rows = []
    for progress in board(periods.MONTH, on, desk.calendar()):
        for line in progress.lines:
            rows.append({"staff_id": progress.staff.id, "name": progress.staff.name, "kind": progress.kind,
                         "kind_label": progress.kind_label, "label": line.label, "rule": line.rule,
                         "span_start": line.span.start.isoformat(), "span_end": line.span.end.isoformat(),
                         "required": line.required, "done": line.done, "unit": line.unit,
                         "status": line.status, "status_label": line.status_label})
    return rows


@dataclass(frozen=True)
class QuotaFulfilment:
    """A village's quota rows added up (G03/G04)."""

    required: int
    done: int  # each requirement counted at most to what it asked
    cadres: int
    cadres_behind: int  # cadres with a requirement not on track (the desk's 未达标或进度落后)

    @property
    def rate(self) -> float | None:
        return self.done / self.required if self.required else None


def fulfilment(rows: Sequence[Mapping]) -> QuotaFulfilment:
    required = sum(int(r.get("required") or 0) for r in rows)
    done = sum(min(int(r.get("done") or 0), int(r.get("required") or 0)) for r in rows)
    cadres = {r.get("staff_id") for r in rows}
    behind = {r.get("staff_id") for r in rows if r.get("status") not in (None, "", ON_TRACK)}
    return QuotaFulfilment(required, done, len(cadres), len(behind))
