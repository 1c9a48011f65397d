"""留言转告登记簿 (V10): every message left at the desk in the period, for whom, and how it was
passed on. Contacts and numbers in the content are masked unless an unmasked export was approved."""

from __future__ import annotations

from collections.abc import Iterator

from dutydesk.desk import Desk
from dutydesk.reports.ledger.model import Chunk, Column, Ledger, Table
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, privacy_footer, register
from dutydesk.store.messages.message import Message, messages_between
from dutydesk.store.privacy import ExportGrant, export_masker, export_text_masker

COLUMNS = [
    Column("编号", 15, pdf_width=66), Column("留言时间", 16, "datetime", pdf_width=52),
    Column("方式", 6, pdf_width=26), Column("留言人", 9, pdf_width=40), Column("联系电话", 13, pdf_width=58),
    Column("转告对象", 14, pdf_width=60), Column("留言内容", 36, pdf_width=160),
    Column("记录人", 8, pdf_width=36), Column("转达时间", 16, "datetime", pdf_width=52),
    Column("转达人", 8, pdf_width=36), Column("转达方式", 8, pdf_width=34), Column("转达情况", 24, pdf_width=110),
]


def _row(m: Message, masker, text) -> tuple:
    state = m.delivery_note if m.delivered_at else "未转达"
    if m.voided_at is not None:
        state = f"已作废：{m.void_reason or ''}"
    return (m.ref, m.received_at, m.channel, m.from_name, masker("phone", m.from_contact),
            f"{m.for_name}（{m.for_kind}）", text(m.content), m.taken_by, m.delivered_at, m.delivered_by,
            m.delivery_method, text(state))


def message_chunks(period: Period, grant: ExportGrant | None = None) -> Iterator[Chunk]:
    masker, text = export_masker(grant), export_text_masker(grant)
    yield [_row(m, masker, text) for m in messages_between(*period.datetimes())]


def build(desk: Desk, period: Period, grant: ExportGrant | None = None) -> Ledger:
    table = Table(COLUMNS, lambda: message_chunks(period, grant))
    return ledger_for(desk, "留言转告登记簿", period, tables=[table], sheet_name="留言转告",
                      extra_footer=privacy_footer(grant))


SPEC = register(LedgerSpec("messages", "留言转告登记簿", False, build, "V10", personal=True))
