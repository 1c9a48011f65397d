"""入户走访记录表 (G02/G03): an area's households on paper for the field, each with a QR code of
its household code and blank columns the cadre fills in at the door. Back at the desk, scanning
the code opens a new household visit for that household (``ui.grid.household_scanner``).
Only what identifies the household is printed: no phone or ID number leaves on this sheet."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from dutydesk.domain.center import CenterProfile
from dutydesk.reports.grid_paper import HouseholdQr, Styles, build, grid_table, p
from dutydesk.store.duty.staff import phone_on
from dutydesk.store.grid.area import Area
from dutydesk.store.grid.household import households, members

TITLE = "入户走访记录表"
HEADERS = ("序号", "户编码", "户主", "村民小组及住址", "人口", "重点人员", "走访日期", "走访情况",
           "群众诉求", "户主签字")
WIDTHS_MM = (11, 24, 17, 38, 12, 24, 20, 62, 46, 19)


@dataclass(frozen=True)
class SheetRow:
    code: str
    head: str
    address: str
    members: int
    tags: str


@dataclass(frozen=True)
class FieldSheet:
    area: str
    scope: str
    owner: str
    partner: str
    rows: list[SheetRow]
    printed_on: dt.date


def _who(staff, day: dt.date) -> str:
    return f"{staff.name}（{phone_on(staff, day)}）" if staff is not None else ""


def field_sheet(area: Area, day: dt.date) -> FieldSheet:
    rows = [SheetRow(h.code, h.head.name, " ".join(x for x in (h.village_group, h.address) if x),
                     len(members(h)), "、".join(h.tag_list)) for h in households(area)]
    return FieldSheet(area.name, area.scope, _who(area.owner, day),
                      _who(area.partner, day) if area.partner_id else "", rows, day)


def render_field_sheet(sheet: FieldSheet, center: CenterProfile, path: Path) -> Path:
    st = Styles()
    head = [p(h, st.head) for h in HEADERS]
    body = [[p(str(i), st.head), HouseholdQr(r.code), p(r.head, st.cell), p(r.address, st.cell),
             p(str(r.members), st.head), p(r.tags, st.cell), "", "", "", ""]
            for i, r in enumerate(sheet.rows, 1)]
    if not body:
        body = [[p("本片区暂无住户", st.cell), *[""] * (len(HEADERS) - 1)]]
    line = (f"片区：{sheet.area}" + (f"（{sheet.scope}）" if sheet.scope else "")
            + f"　　责任人：{sheet.owner}" + (f"　　交叉负责人：{sheet.partner}" if sheet.partner else "")
            + "　　走访干部：____________")
    story: list = [p(center.name, st.subtitle), p(TITLE, st.title), Spacer(1, 3 * mm), p(line, st.body),
                   Spacer(1, 2 * mm), grid_table([head, *body], [w * mm for w in WIDTHS_MM]), Spacer(1, 3 * mm),
                   Paragraph(f"说明：每走访一户填一行；有诉求的写明诉求，回到值班台扫描该户二维码即可登记走访。"
                             f"打印日期：{sheet.printed_on:%Y-%m-%d}", st.small)]
    return build(path, center, f"{TITLE}（{sheet.area}）", story, wide=True)
