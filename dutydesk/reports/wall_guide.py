"""The public service guide and per-item flow charts for the wall (N08), A4 or A3.

Printed from the current catalogue: every active item with its conditions, materials, steps,
promised working days, statutory fee and the catalogue version it shows, then one flow chart
page per item. Refused (``GuideError``) while any item still has a template blank.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from dutydesk.domain.catalogue import ServiceItem
from dutydesk.domain.center import CenterProfile
from dutydesk.domain.wall_guide import unfilled
from dutydesk.reports.fonts import register_cjk_font
from dutydesk.store.atomic import atomic_path
from dutydesk.store.notices.catalogue import current_versions

SIZES = {"A4": A4, "A3": A3}
LINE = colors.HexColor("#333333")
LABEL_BG = colors.HexColor("#F1EFEA")
BOX_BG = colors.HexColor("#EAF2FB")


class GuideError(ValueError):
    """The guide cannot be printed; the message (Chinese) says which item to fill first."""


@dataclass(frozen=True)
class GuideItem:
    item: ServiceItem
    version: int  # the item's catalogue version (第N版)


@dataclass(frozen=True)
class GuideData:
    center: CenterProfile
    items: list[GuideItem]
    catalogue_date: dt.date  # the newest version's date: the catalogue as printed
    printed_on: dt.date

    @property
    def version_text(self) -> str:
        return f"目录版本：{self.catalogue_date:%Y年%m月%d日}（共{len(self.items)}项）"


class _Styles:
    def __init__(self, scale: float) -> None:
        font = register_cjk_font()
        s = scale
        self.title = ParagraphStyle("t", fontName=font, fontSize=22 * s, leading=30 * s, alignment=TA_CENTER)
        self.sub = ParagraphStyle("s", fontName=font, fontSize=11 * s, leading=15 * s, alignment=TA_CENTER)
        self.item = ParagraphStyle("i", fontName=font, fontSize=14 * s, leading=20 * s, spaceBefore=6 * s,
                                   spaceAfter=3 * s)
        self.body = ParagraphStyle("b", fontName=font, fontSize=10.5 * s, leading=15 * s, wordWrap="CJK")
        self.label = ParagraphStyle("l", parent=self.body, alignment=TA_CENTER)
        self.font = font
        self.scale = s


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    return Paragraph(safe, style)


def _numbered(lines: tuple[str, ...]) -> str:
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1)) or "无"


class FlowChart(Flowable):
    """Boxes joined by arrows: 群众申请 → each step → 办结告知 (the 办事流程图, seed 003)."""

    def __init__(self, steps: list[str], width: float, font: str, scale: float) -> None:
        super().__init__()
        self.steps = steps
        self.box_width = min(width, 130 * mm * scale)
        self.width = width
        self.font = font
        self.size = 11 * scale
        self.gap = 9 * mm * scale
        self.lines = [simpleSplit(s, font, self.size, self.box_width - 8 * mm * scale) for s in steps]
        self.heights = [len(ls) * self.size * 1.4 + 6 * mm * scale for ls in self.lines]
        self.height = sum(self.heights) + self.gap * (len(steps) - 1)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        x = (self.width - self.box_width) / 2
        y = self.height
        for i, (lines, h) in enumerate(zip(self.lines, self.heights, strict=True)):
            y -= h
            c.setFillColor(BOX_BG if 0 < i < len(self.lines) - 1 else LABEL_BG)
            c.setStrokeColor(LINE)
            c.roundRect(x, y, self.box_width, h, 3 * mm, stroke=1, fill=1)
            c.setFillColor(colors.black)
            c.setFont(self.font, self.size)
            top = y + h / 2 + (len(lines) - 1) * self.size * 0.7 - self.size * 0.35
            for n, line in enumerate(lines):
                c.drawCentredString(self.width / 2, top - n * self.size * 1.4, line)
            if i < len(self.lines) - 1:
                mid = self.width / 2
                c.line(mid, y, mid, y - self.gap + 2)
                c.setFillColor(LINE)
                path = c.beginPath()
                path.moveTo(mid, y - self.gap)
                path.lineTo(mid - 4, y - self.gap + 7)
                path.lineTo(mid + 4, y - self.gap + 7)
                path.close()
                c.drawPath(path, stroke=0, fill=1)
                y -= self.gap


def flow_steps(item: ServiceItem) -> list[str]:
    limit = "当场办结" if item.done_on_spot else f"承诺{item.time_limit_days}个工作日内办结"
    return ["群众到服务中心提出申请", *item.steps, f"办结并告知群众（{limit}）"]


def _item_table(entry: GuideItem, st: _Styles, w: float) -> Table:
    item = entry.item
    materials = "\n".join(f"{i}. {m.label()}" + (f"：{m.note}" if m.note else "")
                          for i, m in enumerate(item.materials, 1)) or "无"
    unit = "　".join(x for x in (item.unit.name, item.unit.address, f"电话：{item.unit.phone}" if item.unit.phone
                                 else "") if x)
    rows = [
        ("办理条件", _numbered(item.conditions)), ("所需材料", materials), ("办理流程", _numbered(item.steps)),
        ("承诺时限", item.time_limit_label()), ("收费标准", item.fee.label()), ("办理单位", unit or "—"),
        ("办理依据", item.basis or "—"),
    ]
    if item.site_survey:
        rows.insert(3, ("现场勘查", "本事项须经现场勘查"))
    if item.notes:
        rows.append(("注意事项", item.notes))
    table = Table([[_p(a, st.label), _p(b, st.body)] for a, b in rows], colWidths=[0.16 * w, 0.84 * w])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.7, LINE), ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def render_guide(data: GuideData, path: Path, size: str = "A4") -> Path:
    """Write the guide; refuses template blanks (GuideError) and an unknown paper size."""
    if size not in SIZES:
        raise GuideError("纸张只能是 A4 或 A3")
    if not data.items:
        raise GuideError("办事指南目录中没有在用的事项")
    problem = unfilled([e.item for e in data.items])
    if problem:
        raise GuideError(problem)
    scale = 1.0 if size == "A4" else 1.35
    st = _Styles(scale)
    margin = 15 * mm * scale

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(st.font, 8 * scale)
        canvas.drawString(margin, margin / 2, f"{data.center.name}　服务电话：{data.center.public_phone}　"
                                             f"监督电话：{data.center.supervision_phone}")
        canvas.drawRightString(doc.pagesize[0] - margin, margin / 2,
                               f"{data.version_text}　第{doc.page}页")
        canvas.restoreState()

    with atomic_path(path) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=SIZES[size], leftMargin=margin, rightMargin=margin,
                                topMargin=margin, bottomMargin=margin, title=f"{data.center.name}办事指南",
                                author=data.center.name, creator="值班台 DutyDesk")
        w = doc.width
        story: list = [_p(f"{data.center.name}便民服务指南", st.title),
                       _p(f"{data.version_text}　打印日期：{data.printed_on:%Y年%m月%d日}", st.sub), Spacer(1, 6)]
        for entry in data.items:
            item = entry.item
            story.append(_p(f"{item.code}　{item.name}（{item.kind}，第{entry.version}版）", st.item))
            story.append(_item_table(entry, st, w))
        for entry in data.items:
            story += [PageBreak(), _p(f"{entry.item.name}办事流程图", st.title),
                      _p(f"{entry.item.code}（第{entry.version}版）　{data.version_text}", st.sub),
                      Spacer(1, 10 * scale), FlowChart(flow_steps(entry.item), w, st.font, scale)]
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path


def guide_data(center: CenterProfile, today: dt.date) -> GuideData:
    """The current catalogue's active items, in code order (the store's current versions)."""
    versions = current_versions()
    newest = max((v.created_at for v in versions), default=dt.datetime.combine(today, dt.time()))
    return GuideData(center, [GuideItem(v.item, v.version) for v in versions], newest.date(), today)
