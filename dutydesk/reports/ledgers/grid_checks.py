"""The grid's monthly checks: 走访完成情况统计 (G03/G04: each cadre's requirements of the month,
required and done) and 抽查结果公示 (G06: each cadre's 知晓率 and the answers household by
household)."""

from __future__ import annotations

from dutydesk.desk import Desk
from dutydesk.domain.grid import period as periods
from dutydesk.reports.ledger.model import Column, Ledger, Table, static_rows
from dutydesk.reports.ledgers import grid_register  # noqa: F401  (the registers are listed before the checks)
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, register
from dutydesk.store.grid.quota import board
from dutydesk.store.grid.spot_check import items, month_key, results

QUOTA_COLUMNS = [
    Column("干部", 8, pdf_width=50), Column("类别", 10, pdf_width=60), Column("要求", 30, pdf_width=220),
    Column("统计期间", 22, pdf_width=130), Column("应完成", 7, "int", pdf_width=46),
    Column("已完成", 7, "int", pdf_width=46), Column("完成率", 8, "percent", pdf_width=50),
    Column("单位", 5, pdf_width=34), Column("情况", 9, pdf_width=56),
]
RESULT_COLUMNS = [
    Column("名次", 5, "int", pdf_width=36), Column("干部", 8, pdf_width=50), Column("负责片区", 18, pdf_width=120),
    Column("抽查人", 12, pdf_width=70), Column("抽查日期", 11, "date", pdf_width=60),
    Column("抽查户数", 7, "int", total=True, pdf_width=46), Column("答对", 6, "int", total=True, pdf_width=40),
    Column("应答", 6, "int", total=True, pdf_width=40), Column("知晓率", 8, "percent", pdf_width=50),
    Column("评定", 8, pdf_width=50),
]
DETAIL_COLUMNS = [
    Column("干部", 8, pdf_width=50), Column("户编码", 8, pdf_width=46), Column("户主", 14, pdf_width=80),
    Column("家庭人口", 10, pdf_width=60), Column("重点人员", 20, pdf_width=120),
    Column("最近走访", 22, pdf_width=120), Column("答对", 5, "int", pdf_width=36),
]


def _span(window: periods.Window) -> str:
    return f"{window.start:%Y-%m-%d}至{window.end:%Y-%m-%d}"


def build_visit_quota(desk: Desk, period: Period) -> Ledger:
    """Each cadre's lines as the progress board shows them for the month (as of its last day, or
    today for the current month)."""
    on = min(period.end, desk.today())
    rows = []
    started = period.start <= on  # a month not yet begun (the year archive asks for all twelve) is empty
    for progress in board(periods.MONTH, on, desk.calendar()) if started else []:
        for line in progress.lines:
            rate = line.done / line.required if line.required else 1.0
            rows.append((progress.staff.name, progress.kind_label, line.label, _span(line.span), line.required,
                         line.done, rate, line.unit, line.status_label))
    behind = len({r[0] for r in rows if r[-1] != "达标"})
    notes = ([f"统计至{on.year}年{on.month}月{on.day}日；未达标或进度落后的干部{behind}人。"] if started
             else ["本月尚未开始。"])
    return ledger_for(desk, "走访完成情况统计", period, notes=notes, sheet_name="走访完成情况",
                      tables=[Table(QUOTA_COLUMNS, static_rows(rows), row_count=len(rows))])


def _pair(expected: str, answer: str, ok: bool) -> str:
    return f"{expected or '无'}（答：{answer or '无'}，{'对' if ok else '错'}）"


def build_spot_checks(desk: Desk, period: Period) -> Ledger:
    found = results(month_key(period.start))
    rows = [(i, r.check.staff.name, r.areas, r.check.checker, r.check.checked_on, r.households, r.right, r.asked,
             r.rate, r.rating) for i, r in enumerate(found, 1)]
    detail = []
    for r in found:
        for item in items(r.check):
            if not item.answered:
                continue
            visit = f"{item.expected_last_visit:%Y-%m-%d}" if item.expected_last_visit else "未走访"
            said = f"{item.answer_last_visit:%Y-%m-%d}" if item.answer_last_visit else "未走访"
            detail.append((r.check.staff.name, item.household.code,
                           _pair(item.expected_head, item.answer_head, item.head_ok),
                           _pair(str(item.expected_members), str(item.answer_members), item.members_ok),
                           _pair(item.expected_tags.replace(",", "、"), item.answer_tags.replace(",", "、"),
                                 item.tags_ok),
                           _pair(visit, said, item.visit_ok), item.right))
    notes = [f"每名干部负责片区随机抽户，问户主、家庭人口、重点人员、最近走访四项；抽查{len(rows)}人。"]
    return ledger_for(desk, "抽查结果公示", period, notes=notes, sheet_name="抽查结果",
                      tables=[Table(RESULT_COLUMNS, static_rows(rows), heading="各干部知晓率", row_count=len(rows)),
                              Table(DETAIL_COLUMNS, static_rows(detail), heading="逐户核对",
                                    row_count=len(detail))])


VISIT_QUOTA = register(LedgerSpec("visit_quota", "走访完成情况统计", True, build_visit_quota, "G03"))
SPOT_CHECKS = register(LedgerSpec("spot_checks", "抽查结果公示", True, build_spot_checks, "G06"))
