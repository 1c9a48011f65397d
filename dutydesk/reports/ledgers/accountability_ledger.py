"""问责记录 (V12): each decision the director recorded in the period, with the fact, the outcome
and its evidence, for the township's discipline inspector."""

from __future__ import annotations

from collections.abc import Iterator

from dutydesk.desk import Desk
from dutydesk.domain.accountability import BREACH_LABELS
from dutydesk.reports.ledger.model import Chunk, Column, Ledger, Table
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, register
from dutydesk.store.visits.accountability import AccountabilityRecord

COLUMNS = [
    Column("决定时间", 16, "datetime", pdf_width=56), Column("责任人", 9, pdf_width=40),
    Column("问责情形", 20, pdf_width=80), Column("发生日期", 11, "date", pdf_width=50),
    Column("事实经过", 44, pdf_width=200), Column("处理结果", 12, pdf_width=56),
    Column("经济处罚（元）", 10, pdf_width=44), Column("依据", 28, pdf_width=120),
    Column("决定人", 9, pdf_width=40), Column("状态", 12, pdf_width=60),
]


def _query(period: Period):
    start, end = period.datetimes()
    return (AccountabilityRecord.select()
            .where((AccountabilityRecord.decided_at >= start) & (AccountabilityRecord.decided_at < end))
            .order_by(AccountabilityRecord.decided_at, AccountabilityRecord.id))


def record_chunks(period: Period) -> Iterator[Chunk]:
    rows = [(r.decided_at, r.staff, BREACH_LABELS.get(r.rule, r.rule), r.happened_on, r.description, r.outcome,
             r.penalty, r.evidence, r.decided_by, f"已撤销：{r.void_reason}" if r.voided_at else "有效")
            for r in _query(period)]
    if rows:
        yield rows


def build(desk: Desk, period: Period) -> Ledger:
    table = Table(COLUMNS, lambda: record_chunks(period), row_count=_query(period).count())
    return ledger_for(desk, "问责记录", period, tables=[table], sheet_name="问责记录")


SPEC = register(LedgerSpec("accountability", "问责记录", False, build, "V12"))
