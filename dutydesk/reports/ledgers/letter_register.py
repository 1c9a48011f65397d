"""外来函件登记簿 (V13): each inquiry letter from another place or unit in the period, its reply,
who checked it, who signed, when it was sealed and sent. Numbers in free text are masked unless an
unmasked export was approved."""

from __future__ import annotations

from collections.abc import Iterator

from dutydesk.desk import Desk
from dutydesk.reports.ledger.model import Chunk, Column, Ledger, Table
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, privacy_footer, register
from dutydesk.store.messages.inquiry_letters import InquiryLetter, letters_between
from dutydesk.store.privacy import ExportGrant, export_masker, export_text_masker

COLUMNS = [
    Column("编号", 14, pdf_width=66), Column("收函日期", 11, "date", pdf_width=54),
    Column("来函单位", 16, pdf_width=66), Column("来函文号", 14, pdf_width=56), Column("联系电话", 13, pdf_width=56),
    Column("来函事由", 28, pdf_width=104), Column("复函内容", 36, pdf_width=120),
    Column("核实人及情况", 20, pdf_width=80), Column("签字负责人", 9, pdf_width=40),
    Column("盖章时间", 16, "datetime", pdf_width=54), Column("发函日期", 11, "date", pdf_width=54),
    Column("状态", 8, pdf_width=44),
]


def _row(letter: InquiryLetter, masker, text) -> tuple:
    checked = f"{letter.checked_by}：{letter.check_note}" if letter.checked_by else ""
    state = letter.state_label
    if letter.sent_method:
        state += f"（{letter.sent_method}）"
    return (letter.ref, letter.received_on, letter.sender, letter.letter_no, masker("phone", letter.sender_contact),
            text(letter.subject), text(letter.reply), text(checked), letter.signed_by, letter.sealed_at,
            letter.sent_on, state)


def letter_chunks(period: Period, grant: ExportGrant | None = None) -> Iterator[Chunk]:
    masker, text = export_masker(grant), export_text_masker(grant)
    yield [_row(x, masker, text) for x in letters_between(period.start, period.end)]


def build(desk: Desk, period: Period, grant: ExportGrant | None = None) -> Ledger:
    table = Table(COLUMNS, lambda: letter_chunks(period, grant))
    return ledger_for(desk, "外来函件登记簿", period, tables=[table], sheet_name="外来函件",
                      extra_footer=privacy_footer(grant))


SPEC = register(LedgerSpec("letters", "外来函件登记簿", False, build, "V13", personal=True))
