"""The grid's registers (G01, G02, G03, G05): 网格责任表 (each area, who owns and covers it, with
their phones and the households it holds), 入户走访台账 (every household visit of the period) and
民情日记 (every diary entry, with major ones' reporting and answer). Cadres' phones are personal
numbers: masked unless a director approved an unmasked export (V09)."""

from __future__ import annotations

from collections import Counter

from dutydesk.desk import Desk
from dutydesk.domain.grid.key_persons import DIFFICULTY_TAGS
from dutydesk.reports.ledger.model import Column, Ledger, Table, static_rows
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, privacy_footer, register
from dutydesk.store.duty.staff import phone_on
from dutydesk.store.grid.area import areas
from dutydesk.store.grid.diary import entries
from dutydesk.store.grid.household import households
from dutydesk.store.grid.household_visit import cadres_and_needs, recent_visits
from dutydesk.store.grid.pairing import ASSISTANCE, Pairing
from dutydesk.store.privacy import ExportGrant, export_masker
from dutydesk.store.settings import get_setting

GRID_COLUMNS = [
    Column("片区", 12, pdf_width=70), Column("范围", 18, pdf_width=110), Column("责任人", 8, pdf_width=46),
    Column("联系电话", 13, pdf_width=70), Column("交叉负责人", 10, pdf_width=50), Column("联系电话", 13, pdf_width=70),
    Column("户数", 6, "int", total=True, pdf_width=34), Column("重点人员户", 8, "int", total=True, pdf_width=44),
    Column("困难户", 7, "int", total=True, pdf_width=40), Column("结对帮扶户", 8, "int", total=True, pdf_width=44),
]
VISIT_COLUMNS = [
    Column("日期", 11, "date", pdf_width=54), Column("户编码", 8, pdf_width=40), Column("户主", 8, pdf_width=40),
    Column("住址", 18, pdf_width=90), Column("片区", 10, pdf_width=50), Column("类型", 8, pdf_width=40),
    Column("走访干部", 12, pdf_width=60), Column("走访情况", 34, pdf_width=180), Column("群众诉求", 26, pdf_width=130),
]
DIARY_COLUMNS = [
    Column("日期", 11, "date", pdf_width=54), Column("干部", 8, pdf_width=40), Column("地点或户", 18, pdf_width=90),
    Column("了解到的民情", 32, pdf_width=160), Column("处理情况", 24, pdf_width=120), Column("重大", 5, pdf_width=28),
    Column("上报时间", 15, "datetime", pdf_width=62), Column("上报对象", 10, pdf_width=50),
    Column("答复时间", 15, "datetime", pdf_width=62), Column("领导处理意见", 22, pdf_width=110),
]


def build_grid(desk: Desk, period: Period, grant: ExportGrant | None = None) -> Ledger:
    """The areas as they stand at the end of the period (or today, for the current month)."""
    on = min(period.end, desk.today())
    mask = export_masker(grant)
    difficulty = set(get_setting(DIFFICULTY_TAGS, on))
    paired = Counter(p.household.area_id for p in Pairing.select().where(
        Pairing.voided_at.is_null() & (Pairing.kind == ASSISTANCE) & (Pairing.since <= on)
        & (Pairing.until.is_null() | (Pairing.until >= on))))
    rows = []
    for a in areas():
        homes = households(a)
        partner = a.partner if a.partner_id else None
        rows.append((a.name, a.scope, a.owner.name, mask("phone", phone_on(a.owner, on)),
                     partner.name if partner else "", mask("phone", phone_on(partner, on)) if partner else "",
                     len(homes), sum(1 for h in homes if h.tag_list),
                     sum(1 for h in homes if difficulty & set(h.tag_list)), paired.get(a.id, 0)))
    notes = [f"共{len(rows)}个片区，实行双人交叉负责：责任人请假或公出时由交叉负责人负责。"]
    return ledger_for(desk, "网格责任表", period, notes=notes, sheet_name="网格责任表",
                      tables=[Table(GRID_COLUMNS, static_rows(rows), row_count=len(rows))],
                      extra_footer=privacy_footer(grant))


def build_household_visits(desk: Desk, period: Period) -> Ledger:
    visits = list(reversed(recent_visits(period.start, period.end)))
    cadres, needs = cadres_and_needs(visits)
    rows = [(v.day, v.household.code, v.household.head.name, v.household.address,
             v.household.area.name if v.household.area_id else "未划片区", v.kind, cadres[v.id], v.found, needs[v.id])
            for v in visits]
    reached = len({v.household_id for v in visits})
    notes = [f"入户走访{len(rows)}次，走到{reached}户；提出诉求的{sum(1 for v in visits if needs[v.id])}次。"]
    return ledger_for(desk, "入户走访台账", period, notes=notes, sheet_name="入户走访",
                      tables=[Table(VISIT_COLUMNS, static_rows(rows), row_count=len(rows))])


def build_diary(desk: Desk, period: Period) -> Ledger:
    found = list(reversed(entries(period.start, period.end)))
    rows = [(e.day, e.staff.name, e.where, e.heard, e.done, "是" if e.major else "", e.reported_at, e.reported_to,
             e.answered_at, e.answer) for e in found]
    major = [e for e in found if e.major]
    notes = [f"民情日记{len(rows)}篇，其中重大民情{len(major)}件，已上报{sum(1 for e in major if e.reported_at)}件，"
             f"领导已答复{sum(1 for e in major if e.answered_at)}件。"]
    return ledger_for(desk, "民情日记", period, notes=notes, sheet_name="民情日记",
                      tables=[Table(DIARY_COLUMNS, static_rows(rows), row_count=len(rows))])


GRID = register(LedgerSpec("grid", "网格责任表", False, build_grid, "G01", personal=True))
HOUSEHOLD_VISITS = register(LedgerSpec("household_visits", "入户走访台账", False, build_household_visits, "G03"))
DIARY = register(LedgerSpec("diary", "民情日记", False, build_diary, "G05"))
