"""上传下达登记簿 (D18): notices received from the township and how they were relayed, and matters
passed up, with date, sender, receiver, what and when. Subjects are quoted as written, so numbers
in them are masked like every ledger's text (``LedgerSpec.make``)."""

from __future__ import annotations

from dutydesk.desk import Desk
from dutydesk.reports.ledger.model import Column, Ledger, Table, static_rows
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, register
from dutydesk.store.duty.relay import DIRECTIONS, DOWN, entries_between

COLUMNS = [
    Column("日期", 11, "date", pdf_width=54), Column("类别", 10, pdf_width=46),
    Column("来文或报送单位", 16, pdf_width=70), Column("事由", 30, pdf_width=150),
    Column("内容摘要", 30, pdf_width=150),
    Column("传达对象", 16, pdf_width=70), Column("传达时间", 15, "datetime", pdf_width=62),
    Column("传达方式", 9, pdf_width=44), Column("经办人", 8, pdf_width=36),
]


def build(desk: Desk, period: Period) -> Ledger:
    entries = entries_between(period.start, period.end)
    rows = [(e.day, DIRECTIONS.get(e.direction, e.direction), e.counterpart, e.subject, e.detail,
             e.relayed_to or "（未传达）", e.relayed_at, e.relay_how, e.handled_by) for e in entries]
    down = [e for e in entries if e.direction == DOWN]
    waiting = sum(1 for e in down if not e.relayed)
    notes = [f"收到上级通知{len(down)}件，向上级报送{len(entries) - len(down)}件；尚未传达{waiting}件。"]
    return ledger_for(desk, "上传下达登记簿", period, notes=notes, sheet_name="上传下达",
                      tables=[Table(COLUMNS, static_rows(rows), row_count=len(rows))])


SPEC = register(LedgerSpec("relay", "上传下达登记簿", False, build, "D18"))
