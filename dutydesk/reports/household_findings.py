"""Household-visit findings for the monthly 民情分析会 pack (V11, G03, G05).

Once 网格走访 is in use, the committee reads at its monthly meeting what the cadres found in the
households: the month's visits (who went where, what they learnt), the needs raised and whether
each became a matter of 来访登记 (and how far it has got), and the 民情日记 entries marked major
with their report and the leadership's answer. Registered in ``analysis_pack.SECTIONS``; a month
without visits or major entries adds nothing. Free text is masked (the pack is shared).
"""

from __future__ import annotations

from dutydesk.desk import Desk
from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.reports import analysis_pack
from dutydesk.reports.analysis_pack import PackSection
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.grid import diary
from dutydesk.store.grid.household_visit import HouseholdVisitNeed, cadres_and_needs, recent_visits
from dutydesk.store.visits.visit import Visit

VISIT_COLUMNS = ["日期", "走访户", "走访干部", "了解到的情况", "提出的诉求及办理"]
VISIT_WIDTHS = [0.12, 0.2, 0.14, 0.26, 0.28]
DIARY_COLUMNS = ["日期", "干部", "地点", "重大民情", "上报", "领导处理意见"]
DIARY_WIDTHS = [0.11, 0.1, 0.16, 0.27, 0.16, 0.2]


def _masked(text: str) -> str:
    return mask_personal_numbers(" ".join(text.split()))


def _need_text(need: HouseholdVisitNeed, matters: dict[int, Visit]) -> str:
    matter = matters.get(need.matter_id) if need.matter_id is not None else None
    if matter is None:
        return f"{_masked(need.text)}（未登记）"
    state = "已作废" if matter.voided_at is not None else ("已办结" if not matter.is_open else matter.status_label)
    return f"{_masked(need.text)}（已登记{matter.ref}，{state}）"


def visit_findings(desk: Desk, period: Period) -> PackSection | None:
    """G03 → V11: the month's household visits, what was found and the needs raised."""
    visits = sorted(recent_visits(period.start, period.end), key=lambda v: (v.day, v.id))
    if not visits:
        return None
    names, _ = cadres_and_needs(visits)
    needs = list(HouseholdVisitNeed.select().where(
        HouseholdVisitNeed.household_visit.in_([v.id for v in visits]) & HouseholdVisitNeed.voided_at.is_null())
        .order_by(HouseholdVisitNeed.id))
    matter_ids = [n.matter_id for n in needs if n.matter_id is not None]
    matters = {m.id: m for m in Visit.select().where(Visit.id.in_(matter_ids))} if matter_ids else {}
    by_visit: dict[int, list[str]] = {}
    for need in needs:
        by_visit.setdefault(need.household_visit_id, []).append(_need_text(need, matters))
    rows = [[f"{v.day:%m-%d}", f"{v.household.label}（{v.kind}）", names[v.id], _masked(v.found) or "—",
             "；".join(by_visit.get(v.id, [])) or "无"] for v in visits]
    registered = [matters[i] for i in matter_ids if i in matters]
    note = (f"本月入户走访{len(visits)}次，走访{len({v.household_id for v in visits})}户；"
            f"提出诉求{len(needs)}项，其中登记为来访登记事项{len(registered)}项"
            f"（已办结{sum(1 for m in registered if m.voided_at is None and not m.is_open)}项）。")
    return PackSection("入户走访发现", [VISIT_COLUMNS, *rows], note=note, widths=VISIT_WIDTHS)


def _report_text(entry: diary.DiaryEntry) -> str:
    if entry.reported_at is None:
        return "未上报"
    return f"{entry.reported_at:%m-%d}报{entry.reported_to}"


def _answer_text(entry: diary.DiaryEntry) -> str:
    if entry.answered_at is None:
        return "待答复" if entry.reported_at is not None else "—"
    return f"{entry.answered_at:%m-%d}：{_masked(entry.answer)}"


def major_diary_entries(desk: Desk, period: Period) -> PackSection | None:
    """G05 → V11: the month's major 民情日记 entries, reported up and answered or not."""
    entries = sorted((e for e in diary.entries(period.start, period.end) if e.major), key=lambda e: (e.day, e.id))
    if not entries:
        return None
    rows = [[f"{e.day:%m-%d}", e.staff.name, _masked(e.where), _masked(e.heard), _report_text(e), _answer_text(e)]
            for e in entries]
    waiting = sum(1 for e in entries if e.answered_at is None)
    note = f"本月记入民情日记的重大民情{len(entries)}件，尚未得到领导处理意见{waiting}件。"
    return PackSection("民情日记重大事项", [DIARY_COLUMNS, *rows], note=note, widths=DIARY_WIDTHS)


for _section in (visit_findings, major_diary_entries):
    if _section not in analysis_pack.SECTIONS:
        analysis_pack.SECTIONS.append(_section)
