"""代办事项台账 (P06): for each proxy slip of the period the time, the person, the item, the route
taken (where it was carried), the date of each step and the result. Filed yearly.

Voided slips stay in the ledger marked 已作废: slip numbers are never reused, and the township
checks that the numbering has no gaps.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from dutydesk.desk import Desk
from dutydesk.domain.proxy_case import STATE_LABELS, STEP_LABELS, CaseState, StepKind
from dutydesk.reports.ledger.model import Chunk, Column, Ledger, Table
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, privacy_footer, register
from dutydesk.store.notices.catalogue import CatalogueVersion
from dutydesk.store.notices.proxy_cases import HANDOVER, ProxyCase, ProxyStep
from dutydesk.store.privacy import ExportGrant, export_masker, export_text_masker

# The step dates are separate Excel columns (real dates to sort and filter by); the printed page
# has no room for them and reads them in 办理经过, where every step is listed with its date.
COLUMNS = [
    Column("代办单号", 15, pdf_width=72), Column("受理时间", 16, "datetime", pdf_width=52),
    Column("群众姓名", 9, pdf_width=42), Column("联系电话", 13, pdf_width=58), Column("代办事项", 18, pdf_width=80),
    Column("代办员", 9, pdf_width=44), Column("承诺办结", 11, "date", pdf_width=54),
    Column("送交单位（途径）", 18, pdf_width=70), Column("送交日期", 11, "date", pdf=False),
    Column("上级办结", 11, "date", pdf=False), Column("通知群众", 11, "date", pdf=False),
    Column("群众领取", 11, "date", pdf=False), Column("办理经过", 44, pdf_width=206),
    Column("办理结果", 20, pdf_width=96),
]
CHUNK = 300


def _step_text(kind: str, data: dict) -> str:
    if kind == HANDOVER:
        return f"移交：{data.get('from', '')}→{data.get('to', '')}（{data.get('note', '')}）"
    label = STEP_LABELS.get(StepKind(kind), kind) if kind in StepKind._value2member_map_ else kind
    detail = "，".join(str(v) for k, v in data.items() if v not in ("", None) and k != "objection")
    if kind == StepKind.PUBLICIZE.value:
        detail += "，有异议" if data.get("objection") else "，无异议"
    return f"{label}：{detail}" if detail else label


def _steps(case_ids: list[int]) -> dict[int, list[tuple]]:
    out: dict[int, list[tuple]] = {}
    query = (ProxyStep.select(ProxyStep.case, ProxyStep.kind, ProxyStep.done_at, ProxyStep.details)
             .where(ProxyStep.case.in_(case_ids) & ProxyStep.voided_at.is_null())
             .order_by(ProxyStep.id).tuples())
    for case_id, kind, done_at, details in query:
        out.setdefault(case_id, []).append((kind, done_at, json.loads(details or "{}")))
    return out


def proxy_chunks(period: Period, chunk: int = CHUNK, grant: ExportGrant | None = None) -> Iterator[Chunk]:
    start, end = period.datetimes()
    masker = export_masker(grant)
    text = export_text_masker(grant)
    last_id = 0
    while True:
        cases = list(ProxyCase.select(ProxyCase, CatalogueVersion).join(CatalogueVersion)
                     .where((ProxyCase.accepted_at >= start) & (ProxyCase.accepted_at < end)
                            & (ProxyCase.id > last_id))
                     .order_by(ProxyCase.id).limit(chunk))
        if not cases:
            return
        steps = _steps([c.id for c in cases])
        rows = []
        for case in cases:
            dates: dict[str, object] = {}
            route = ""
            history = []
            result = ""
            for kind, done_at, data in steps.get(case.id, []):
                dates.setdefault(kind, done_at.date())
                history.append(f"{done_at:%m-%d} {_step_text(kind, data)}")
                if kind == StepKind.SUBMIT.value:
                    route = str(data.get("unit", ""))
                if kind == StepKind.APPROVE.value:
                    result = str(data.get("result", "")) or "上级已办结"
                if kind == StepKind.REFUSE.value:
                    result = f"不予办理：{data.get('reason', '')}"
            state = ("已作废：" + (case.void_reason or "")) if case.voided_at else STATE_LABELS[CaseState(case.state)]
            if not result or case.voided_at:
                result = state
            elif case.state == CaseState.CLOSED.value:
                result = f"{result}（办结）"
            rows.append((
                case.slip_no, case.accepted_at, case.person_name,
                masker("phone", case.person_phone),
                case.item_version.name, case.agent, case.promised_date, route,
                dates.get(StepKind.SUBMIT.value), dates.get(StepKind.APPROVE.value),
                dates.get(StepKind.NOTIFY.value), dates.get(StepKind.COLLECT.value),
                text("\n".join(history)), text(result),
            ))
        yield rows
        last_id = cases[-1].id
        if len(cases) < chunk:
            return


def build(desk: Desk, period: Period, grant: ExportGrant | None = None) -> Ledger:
    start, end = period.datetimes()
    count = ProxyCase.select().where((ProxyCase.accepted_at >= start) & (ProxyCase.accepted_at < end)).count()
    table = Table(COLUMNS, lambda: proxy_chunks(period, grant=grant), row_count=count)
    return ledger_for(desk, "代办事项台账", period, tables=[table], sheet_name="代办台账",
                      extra_footer=privacy_footer(grant))


SPEC = register(LedgerSpec("proxy", "代办事项台账", False, build, "P06", personal=True))
