"""来访接待登记台账: every visit, call and letter of the period (V01-V05).

Contacts are masked (V09), and so are phone and ID numbers staff typed into the request, result
or feedback text, unless a director approved an unmasked export (``store.privacy``).
"""

from __future__ import annotations

from collections.abc import Iterator

from dutydesk.desk import Desk
from dutydesk.domain.labels import label
from dutydesk.domain.visit_rules import DEADLINE_KINDS
from dutydesk.reports.ledger.model import Chunk, Column, Ledger, Table
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, privacy_footer, register
from dutydesk.store.privacy import ExportGrant, export_masker, export_text_masker
from dutydesk.store.visits.visit import Visit, VisitFeedback

# Excel widths (a Chinese character is two units) and, second, PDF widths in points of the
# 774-point landscape A4 frame: fourteen columns only fit with dates and times wrapping.
# Name columns hold a four-character name (上官、欧阳… compound surnames) on one line.
COLUMNS = [
    Column("编号", 12, pdf_width=60), Column("登记时间", 16, "datetime", pdf_width=52),
    Column("方式", 6, pdf_width=26), Column("来访人", 10, pdf_width=44), Column("联系电话", 13, pdf_width=58),
    Column("事项类别", 10, pdf_width=44), Column("诉求内容", 36, pdf_width=110),
    Column("首问责任人", 11, pdf_width=44), Column("处理方式", 14, pdf_width=46),
    Column("承诺期限", 11, "date", pdf_width=54), Column("办理状态", 9, pdf_width=34),
    Column("办理结果", 26, pdf_width=82), Column("反馈情况", 26, pdf_width=80),
    Column("满意度", 9, pdf_width=40),
]
CHUNK = 500


def _feedback(ids: list[int]) -> dict[int, str]:
    """The latest feedback of each visit in a chunk, in one query (never one per row)."""
    out: dict[int, str] = {}
    query = (VisitFeedback.select(VisitFeedback.visit, VisitFeedback.given_at, VisitFeedback.method,
                                  VisitFeedback.content)
             .where(VisitFeedback.visit.in_(ids) & VisitFeedback.voided_at.is_null())
             .order_by(VisitFeedback.given_at).tuples())
    for visit_id, given_at, method, content in query:
        out[visit_id] = f"{given_at:%m-%d} {method}：{content}"
    return out


def visit_chunks(period: Period, chunk: int = CHUNK, grant: ExportGrant | None = None) -> Iterator[Chunk]:
    """Visits received in the period, oldest first, ``chunk`` at a time (keyset paging, so each
    query is short and memory stays flat however many visits the books hold)."""
    masker = export_masker(grant)
    text = export_text_masker(grant)
    start, end = period.datetimes()
    fields = (Visit.id, Visit.received_at, Visit.channel, Visit.person_name, Visit.contact, Visit.category,
              Visit.request, Visit.responder_name, Visit.outcome, Visit.deadline, Visit.deadline_kind,
              Visit.status, Visit.result, Visit.satisfaction, Visit.closed_at, Visit.close_reason)
    after = (start, 0)
    while True:
        rows = list(
            Visit.select(*fields)
            .where((Visit.received_at >= start) & (Visit.received_at < end) & Visit.voided_at.is_null()
                   & ((Visit.received_at > after[0])
                      | ((Visit.received_at == after[0]) & (Visit.id > after[1]))))
            .order_by(Visit.received_at, Visit.id).limit(chunk).tuples()
        )
        if not rows:
            return
        feedback = _feedback([r[0] for r in rows])
        out = []
        for (vid, received, channel, name, contact, category, request, responder, outcome, deadline,
             deadline_kind, status, result, satisfaction, closed_at, close_reason) in rows:
            outcome_text = outcome
            if deadline_kind in DEADLINE_KINDS:
                outcome_text += f"（{DEADLINE_KINDS[deadline_kind][0]}）"
            fed = feedback.get(vid, "")
            if not fed and closed_at is not None:
                fed = f"未反馈，已关闭：{close_reason}"
            out.append((f"{received:%Y}-{vid:06d}", received, channel, name, masker("phone", contact),
                        category, text(request), responder, outcome_text, deadline,
                        label("visit_status", status), text(result), text(fed), satisfaction))
        yield out
        after = (rows[-1][1], rows[-1][0])
        if len(rows) < chunk:
            return


def count_visits(period: Period) -> int:
    start, end = period.datetimes()
    return (Visit.select().where((Visit.received_at >= start) & (Visit.received_at < end)
                                 & Visit.voided_at.is_null()).count())


def build(desk: Desk, period: Period, grant: ExportGrant | None = None) -> Ledger:
    table = Table(COLUMNS, lambda: visit_chunks(period, grant=grant), row_count=count_visits(period))
    return ledger_for(desk, "来访接待登记台账", period, tables=[table], sheet_name="来访登记",
                      extra_footer=privacy_footer(grant))


SPEC = register(LedgerSpec("visits", "来访接待登记台账", False, build, "V01", personal=True))
