"""便民联系卡 (G07, seed 001 第七条): each area's card for posting: the area and what it covers,
the responsible cadre, their duties and phone, the covering partner, and the center's phones.
Two cards to an A4 page, cut apart along the dashed line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle

from dutydesk.domain.center import CenterProfile
from dutydesk.reports.grid_paper import LINE, RED, Styles, build, p
from dutydesk.store.duty.staff import phone_on
from dutydesk.store.grid.area import areas

TITLE = "便民联系卡"
DEFAULT_DUTIES = "入户走访，了解民情，收集群众诉求，帮助代办事项，调解邻里纠纷，及时上报重大情况"


@dataclass(frozen=True)
class Card:
    area: str
    scope: str
    cadre: str
    phone: str
    duties: str
    partner: str
    partner_phone: str


def cards(day: dt.date) -> list[Card]:
    out = []
    for a in areas():
        partner = a.partner if a.partner_id else None
        out.append(Card(a.name, a.scope, a.owner.name, phone_on(a.owner, day),
                        " ".join(a.owner.duties.split()) or DEFAULT_DUTIES,
                        partner.name if partner else "", phone_on(partner, day) if partner else ""))
    return out


def _card(card: Card, center: CenterProfile, st: Styles, width: float) -> Table:
    big = ParagraphStyle("big", fontName=st.font, fontSize=22, leading=28, alignment=TA_CENTER)
    name = ParagraphStyle("name", fontName=st.font, fontSize=15, leading=20)
    phone = ParagraphStyle("phone", fontName=st.font, fontSize=15, leading=20, textColor=RED)
    label = ParagraphStyle("label", parent=st.body, alignment=TA_CENTER)
    rows = [
        [p(f"{center.name}　{TITLE}", st.subtitle), ""],
        [p(card.area, big), ""],
        [p("范围", label), p(card.scope or "—", st.body)],
        [p("责任人", label), p(card.cadre, name)],
        [p("联系电话", label), p(card.phone, phone)],
        [p("工作职责", label), p(card.duties, st.body)],
        [p("交叉负责人", label), p(f"{card.partner}　{card.partner_phone}" if card.partner else "—", st.body)],
        [p(f"服务中心电话：{center.public_phone}　监督电话：{center.supervision_phone}", st.small), ""],
    ]
    table = Table(rows, colWidths=[32 * mm, width - 32 * mm])
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (1, 0)), ("SPAN", (0, 1), (1, 1)), ("SPAN", (0, 7), (1, 7)),
        ("BOX", (0, 0), (-1, -1), 1.6, LINE), ("LINEBELOW", (0, 1), (-1, 6), 0.5, colors.HexColor("#999999")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return table


class _CutLine(Spacer):
    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setDash(4, 3)
        self.canv.setStrokeColor(colors.HexColor("#888888"))
        self.canv.line(0, self.height / 2, self.width, self.height / 2)
        self.canv.restoreState()


def render_contact_cards(found: list[Card], center: CenterProfile, path: Path) -> Path:
    st = Styles()
    width = 186 * mm
    story: list = []
    for i, card in enumerate(found):
        if i and i % 2 == 0:
            story.append(PageBreak())  # two cards to a page
        elif i:
            story.append(_CutLine(width, 14 * mm))
        story.append(KeepTogether([_card(card, center, st, width)]))
    if not story:
        story.append(p("尚未划分片区", st.body))
    return build(path, center, TITLE, story)
