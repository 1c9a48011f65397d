"""The three printed documents of the one-time-notice desk, laid out like county forms.

一次性告知单 (N03/N05), 收件回执单 (P04) and 代办单 (P02) with a Code128 barcode and a QR code
holding the slip number. Each carries the center's name, service phone and supervision phone
(D15: residents can complain), the item version it was printed from (N06), and fits A4 or A5.
The same PDF is what the print preview shows and what the printer gets, so paper and file match.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.graphics.barcode import code128, qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from dutydesk.domain.calendar_years import UNVERIFIED
from dutydesk.domain.catalogue import Material, Outcome, ServiceItem, Tick
from dutydesk.domain.center import CenterProfile
from dutydesk.reports.fonts import register_cjk_font
from dutydesk.store.atomic import atomic_path

PAGE_SIZES = {"A4": A4, "A5": A5}
LINE = colors.HexColor("#333333")
LABEL_BG = colors.HexColor("#F1EFEA")
RED = colors.HexColor("#A8322D")


def cn_date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "　　年　　月　　日"


@dataclass
class NoticeDoc:
    """What a one-time notice states (N03/N04/N06)."""

    center: CenterProfile
    person_name: str
    person_phone: str
    item: ServiceItem
    item_version: int
    outcome: Outcome
    missing: list[Material]
    received: list[Tick]
    reason: str
    handler: str
    day: dt.date
    ref: str = ""  # notice number shown top right
    promised: dt.date | None = None
    reprint: str = ""  # the reprint mark of a paper printed again under its own number (rule N06)
    supply_by: dt.date | None = None  # N07: the date to bring the missing materials by


@dataclass
class SlipDoc:
    """What the 收件回执单 and the 代办单 state (P02, P04)."""

    center: CenterProfile
    slip_no: str
    person_name: str
    person_phone: str
    item: ServiceItem
    item_version: int
    received: list[Tick]
    accepted_on: dt.date
    promised: dt.date
    handler: str
    fee: str = "0"
    promised_unverified: bool = False  # the year's holidays are unknown, so the date is marked as to be checked (V04)
    notes: list[str] = field(default_factory=list)
    reprint: str = ""  # the reprint mark of a paper printed again under its own number (rule N06)


class _Styles:
    def __init__(self, scale: float) -> None:
        font = register_cjk_font()
        s = scale
        self.title = ParagraphStyle("title", fontName=font, fontSize=20 * s, leading=26 * s,
                                    alignment=TA_CENTER, spaceAfter=2 * s)
        self.subtitle = ParagraphStyle("subtitle", fontName=font, fontSize=10.5 * s, leading=14 * s,
                                       alignment=TA_CENTER, textColor=colors.HexColor("#444444"))
        self.number = ParagraphStyle("number", fontName=font, fontSize=10 * s, leading=13 * s, alignment=TA_RIGHT)
        self.body = ParagraphStyle("body", fontName=font, fontSize=10.5 * s, leading=15 * s, wordWrap="CJK")
        self.small = ParagraphStyle("small", fontName=font, fontSize=8.5 * s, leading=11.5 * s, wordWrap="CJK",
                                    textColor=colors.HexColor("#333333"))
        self.label = ParagraphStyle("label", parent=self.body, alignment=TA_CENTER)
        self.heading = ParagraphStyle("heading", fontName=font, fontSize=11.5 * s, leading=16 * s,
                                      spaceBefore=4 * s, spaceAfter=2 * s)
        self.sign = ParagraphStyle("sign", fontName=font, fontSize=10.5 * s, leading=19 * s)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    safe = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(safe.replace("\n", "<br/>"), style)


def _grid(rows: list[list], widths: list[float], label_cols: tuple[int, ...] = (0,),
          spans: list[tuple] | None = None) -> Table:
    table = Table(rows, colWidths=widths)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.7, LINE),
        ("BOX", (0, 0), (-1, -1), 1.2, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for col in label_cols:
        style.append(("BACKGROUND", (col, 0), (col, -1), LABEL_BG))
    for span in spans or []:
        style.append(("SPAN", *span))
        style.append(("BACKGROUND", *span, colors.white))
    table.setStyle(TableStyle(style))
    return table


BLANK_DATE = "&nbsp;" * 10 + "年" + "&nbsp;" * 6 + "月" + "&nbsp;" * 6 + "日"


def _signatures(left: str, right: str, day: dt.date | None, st: _Styles, w: float,
                stamp: str = "") -> Table:
    """Two signature blocks with their dates, as on a county form; the center's stamp on the right."""
    rows = [[_p(left, st.sign), _p(right, st.sign)],
            [_p(cn_date(day), st.sign) if day else Paragraph(BLANK_DATE, st.sign), Paragraph(BLANK_DATE, st.sign)]]
    if stamp:
        rows[0][0] = [_p(left, st.sign), _p(f"{stamp}（盖章）", st.sign)]
    return Table(rows, colWidths=[0.5 * w, 0.5 * w])


def _materials_table(ticks: list[Tick] | list[Material], st: _Styles, width: float, with_pages: bool,
                     missing: set[str] | None = None) -> Table:
    """The materials, one row each; with ``missing`` (a notice for incomplete materials) a last
    column marks each as 缺 or 已交, so the list is printed once."""
    header = ["序号", "材料名称", "原件/复印件", "份数"] + (["页数"] if with_pages else ["备注"])
    marked = bool(missing)
    if marked:
        header.append("本次")
    rows: list[list] = [[_p(h, st.label) for h in header]]
    for index, entry in enumerate(ticks, start=1):
        material = entry.material if isinstance(entry, Tick) else entry
        last = str(entry.pages) if isinstance(entry, Tick) and with_pages else material.note
        row = [_p(str(index), st.label), _p(material.name, st.body), _p(material.form, st.label),
               _p(str(material.copies), st.label), _p(last, st.label if with_pages else st.small)]
        if marked:
            row.append(_p("缺" if material.name in (missing or set()) else "已交", st.label))
        rows.append(row)
    if len(rows) == 1:
        rows.append([_p("—", st.label), _p("（无）", st.body), "", "", ""])
    widths = [0.07, 0.41, 0.15, 0.08, 0.21, 0.08] if marked else [0.08, 0.46, 0.18, 0.1, 0.18]
    table = Table(rows, colWidths=[w * width for w in widths], repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.7, LINE),
        ("BOX", (0, 0), (-1, -1), 1.2, LINE),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if marked:
        for row_no, entry in enumerate(ticks, start=1):
            material = entry.material if isinstance(entry, Tick) else entry
            if material.name in (missing or set()):
                style.append(("BACKGROUND", (-1, row_no), (-1, row_no), colors.HexColor("#F6D8D6")))
    table.setStyle(TableStyle(style))
    return table


def _footer(canvas: Canvas, doc, center: CenterProfile, version_text: str, scale: float) -> None:
    """Center, phones and supervision phone at the foot of every page (D15)."""
    font = register_cjk_font()
    width, _height = doc.pagesize
    canvas.saveState()
    y = doc.bottomMargin - 8 * mm * scale
    canvas.setStrokeColor(LINE)
    canvas.setLineWidth(0.6)
    canvas.line(doc.leftMargin, y + 10 * scale, width - doc.rightMargin, y + 10 * scale)
    canvas.setFont(font, 8.5 * scale)
    canvas.drawString(doc.leftMargin, y,
                      f"{center.name}　地址：{center.address}　服务电话：{center.public_phone}")
    canvas.setFillColor(RED)
    canvas.drawRightString(width - doc.rightMargin, y, f"监督电话：{center.supervision_phone}")
    canvas.setFillColor(colors.HexColor("#555555"))
    canvas.setFont(font, 7 * scale)
    canvas.drawString(doc.leftMargin, y - 10 * scale, version_text)
    canvas.drawRightString(width - doc.rightMargin, y - 10 * scale, f"第 {doc.page} 页")
    canvas.restoreState()


def _document(path: Path, size: str, center: CenterProfile, version_text: str, title: str,
              frames: list[Frame] | None = None, on_page=None) -> tuple[BaseDocTemplate, float]:
    pagesize = PAGE_SIZES[size]
    scale = 1.0 if size == "A4" else 0.8
    margin = 16 * mm * scale
    doc = BaseDocTemplate(str(path), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                          topMargin=margin, bottomMargin=margin + 10 * mm * scale,
                          title=title, author=center.name, creator="值班台 DutyDesk")
    frames = frames or [Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="main",
                              leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)]

    def decorate(canvas: Canvas, d) -> None:
        _footer(canvas, d, center, version_text, scale)
        if on_page:
            on_page(canvas, d)

    doc.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=decorate)])
    return doc, scale


def _version_text(doc: NoticeDoc | SlipDoc) -> str:
    return f"依据办事指南：{doc.item.code} {doc.item.name}（第{doc.item_version}版）　由值班台打印"


def _reprint_mark(text: str, st: _Styles) -> Paragraph:
    """A reprint says so in red beside its number, so it is never taken for a second original."""
    safe = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(f'<font color="#{RED.hexval()[2:]}">{safe}</font>', st.number)


def _header(center: CenterProfile, title: str, number: str, st: _Styles, reprint: str = "") -> list[Flowable]:
    return [
        _p(center.name, st.subtitle),
        _p(title, st.title),
        _p(number, st.number) if number else Spacer(1, 2),
        *([_reprint_mark(reprint, st)] if reprint else []),
        Spacer(1, 3),
    ]


# A one-time notice is handed over as one sheet: a long item is set a little smaller until it fits.
FIT_STEPS = (1.0, 0.93, 0.86, 0.8)


def render_notice(doc: NoticeDoc, path: Path, size: str = "A4") -> Path:
    """一次性告知单: everything required, exactly what is missing, steps, limit, basis, signatures."""
    for shrink in FIT_STEPS:
        pages = _render_notice_at(doc, path, size, shrink)
        if size != "A4" or pages <= 1:  # A5 is the small copy: it may run on
            break
    return path


def _render_notice_at(doc: NoticeDoc, path: Path, size: str, shrink: float) -> int:
    """Render at ``shrink`` times the normal type size; returns the number of pages."""
    with atomic_path(path) as tmp:
        pdf, scale = _document(tmp, size, doc.center, _version_text(doc), "一次性告知单")
        st = _Styles(scale * shrink)
        w = pdf.width
        item = doc.item
        story: list[Flowable] = _header(doc.center, "一次性告知单", f"编号：{doc.ref}" if doc.ref else "", st,
                                        doc.reprint)
        story.append(_grid([
            [_p("申请人", st.label), _p(doc.person_name, st.body), _p("联系电话", st.label),
             _p(doc.person_phone or "", st.body)],
            [_p("办理事项", st.label), _p(f"{item.name}", st.body), _p("告知日期", st.label),
             _p(cn_date(doc.day), st.body)],
            [_p("承诺时限", st.label), _p(item.time_limit_label(), st.body), _p("收费标准", st.label),
             _p(item.fee.label(), st.body)],
            [_p("办理单位", st.label),
             _p(f"{item.unit.name}　{item.unit.address}　电话：{item.unit.phone}", st.body), "", ""],
        ], [0.15 * w, 0.4 * w, 0.15 * w, 0.3 * w], label_cols=(0, 2), spans=[((1, 3), (3, 3))]))
        story.append(Spacer(1, 6))
        if doc.outcome is Outcome.NOT_ELIGIBLE:
            story.append(_p("经审查，您申请的事项不符合办理条件，现一次性告知如下：", st.heading))
            story.append(_grid([
                [_p("不予受理原因", st.label), _p(doc.reason, st.body)],
                [_p("依据", st.label), _p(item.basis or "—", st.body)],
            ], [0.2 * w, 0.8 * w]))
        else:
            missing = list(doc.missing) if doc.outcome is Outcome.MISSING else []
            if missing and len(missing) == len(item.materials):
                # Nothing handed in yet: the full list below is the list of what is missing, so
                # the materials are printed once, not twice.
                story.append(Paragraph("您申请的事项符合办理条件，但尚未提交材料。请备齐下面“二、所需全部材料”"
                                       f"所列<b>所缺材料</b>（共{len(missing)}项）后再来办理。", st.heading))
            elif missing:
                story.append(Paragraph("您申请的事项符合办理条件，但材料不全。请补齐下列<b>所缺材料</b>后再来办理"
                                       "（下表中标“缺”的各项）：", st.heading))
                story.append(_p("；".join(f"{i}. {m.label()}" for i, m in enumerate(missing, 1)), st.body))
            if missing and doc.supply_by is not None:
                story.append(_p(f"请于{cn_date(doc.supply_by)}前补齐上述材料；逾期未补齐的，"
                                "本中心将电话告知后按不予受理办结。", st.heading))
            else:
                story.append(_p("您申请的事项材料齐全，已予受理。", st.heading))
            story.append(_p("一、办理条件", st.heading))
            story.append(_p("\n".join(f"{i}. {c}" for i, c in enumerate(item.conditions, 1)) or "无特别条件", st.body))
            story.append(_p("二、所需全部材料", st.heading))
            story.append(_materials_table(list(item.materials), st, w, with_pages=False,
                                          missing={m.name for m in missing}))
            story.append(_p("三、办理流程", st.heading))
            story.append(_p("\n".join(f"{i}. {s}" for i, s in enumerate(item.steps, 1)) or "—", st.body))
            story.append(_p("四、办理依据", st.heading))
            story.append(_p(item.basis or "—", st.body))
            if item.public_notice_days:
                story.append(_p(f"本事项须公示{item.public_notice_days}天，公示无异议后方可报送。", st.small))
            if item.notes:
                story.append(_p("五、注意事项", st.heading))
                story.append(_p(item.notes, st.body))
        story.append(Spacer(1, 6))
        story.append(_p("本告知单一式两份，申请人与服务中心各执一份。除法定收费外不收取任何费用。", st.small))
        story.append(Spacer(1, 4))
        story.append(_signatures("经办人（签字）：" + doc.handler, "申请人（签字）：", doc.day, st, w,
                                 doc.center.name))
        pdf.build(story)
    return pdf.page


def _promised(doc: SlipDoc) -> str:
    return cn_date(doc.promised) + (f"（{UNVERIFIED}）" if doc.promised_unverified else "")


def render_receipt(doc: SlipDoc, path: Path, size: str = "A4") -> Path:
    """收件回执单 (P04): materials with 原件/复印件 and pages, pick-up date, handler, slip number."""
    with atomic_path(path) as tmp:
        pdf, scale = _document(tmp, size, doc.center, _version_text(doc), "收件回执单")
        st = _Styles(scale)
        w = pdf.width
        story = _header(doc.center, "收件回执单", f"代办单号：{doc.slip_no}", st, doc.reprint)
        story.append(_grid([
            [_p("申请人", st.label), _p(doc.person_name, st.body), _p("联系电话", st.label),
             _p(doc.person_phone, st.body)],
            [_p("办理事项", st.label), _p(doc.item.name, st.body), _p("收件日期", st.label),
             _p(cn_date(doc.accepted_on), st.body)],
            [_p("取件日期", st.label),
             _p(f"{_promised(doc)}（{doc.item.time_limit_label()}内办结，节假日顺延）", st.body), "", ""],
        ], [0.15 * w, 0.4 * w, 0.15 * w, 0.3 * w], label_cols=(0, 2), spans=[((1, 2), (3, 2))]))
        story.append(Spacer(1, 6))
        story.append(_p("今收到下列材料：", st.heading))
        story.append(_materials_table(doc.received, st, w, with_pages=True))
        total = sum(t.pages for t in doc.received)
        story.append(_p(f"共 {len(doc.received)} 项，{total} 页。原件核对后已当场退回的，不在此列。", st.small))
        story.append(Spacer(1, 14))
        story.append(_signatures("经办人（签字）：" + doc.handler, "交件人（签字）：", doc.accepted_on, st, w,
                                 doc.center.name))
        story.append(Spacer(1, 8))
        story.append(_p("请妥善保管本回执，凭回执及身份证件领取办理结果。查询进度请拨打服务电话并提供代办单号。",
                        st.small))
        pdf.build(story)
    return path


# Code128 bar (module) width on every paper size. 0.3 mm is the least that survives a copy; at
# 0.3 mm a 130-145 dpi scan still fails on some phases of the bar grid, 0.38 mm decodes at any
# resolution from 130 dpi up (tests/reports/test_slip_codes.py).
MODULE = 0.38 * mm
QUIET_MODULES = 10  # Code128's own minimum quiet zone on each side, in modules


class _SlipCodes(Flowable):
    """Code128 barcode with the number under it, and a QR code, both holding the slip number.

    The bars never shrink with the paper: on A5 they stay ``MODULE`` wide (scaled with the page
    they were 0.22 mm and stopped decoding below about 250 dpi, so a copied slip could not be
    scanned). Room is made by keeping the quiet zones at the standard's 10 modules instead of
    reportlab's quarter inch, and the A5 title is set smaller to fit beside them."""

    def __init__(self, slip_no: str, scale: float) -> None:
        super().__init__()
        self.slip_no = slip_no
        self.scale = scale
        module = self.module = MODULE
        self.barcode = code128.Code128(slip_no, barHeight=11 * mm * scale, barWidth=module, humanReadable=False,
                                       quiet=True, lquiet=QUIET_MODULES * module, rquiet=QUIET_MODULES * module)
        self.gap = 3 * mm * scale
        self.qr_size = 22 * mm * scale
        self.width = self.barcode.width + self.gap + self.qr_size
        self.height = self.qr_size

    def draw(self) -> None:
        canvas = self.canv
        font = register_cjk_font()
        self.barcode.drawOn(canvas, 0, self.height - self.barcode.height - 2 * mm * self.scale)
        canvas.setFont(font, 11 * self.scale)
        canvas.drawCentredString(self.barcode.width / 2, self.height - self.barcode.height - 7 * mm * self.scale,
                                 self.slip_no)
        widget = qr.QrCodeWidget(self.slip_no, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(self.qr_size, self.qr_size,
                          transform=[self.qr_size / (x1 - x0), 0, 0, self.qr_size / (y1 - y0), 0, 0])
        drawing.add(widget)
        drawing.drawOn(canvas, self.barcode.width + self.gap, 0)


def _fitted(style: ParagraphStyle, text: str, width: float) -> ParagraphStyle:
    """``style``, or a smaller copy of it, so that ``text`` fits ``width`` on one line."""
    needed = stringWidth(text, style.fontName, style.fontSize)
    if needed <= width:
        return style
    size = style.fontSize * width / needed * 0.98
    return ParagraphStyle(f"{style.name}-fitted", parent=style, fontSize=size,
                          leading=style.leading * size / style.fontSize)


def _slip_part(doc: SlipDoc, part: str, st: _Styles, w: float, scale: float,
               with_track: bool = True) -> list[Flowable]:
    codes = _SlipCodes(doc.slip_no, scale)
    room = w - codes.width - 4
    heading = f"代　办　单（{part}）"
    title = [_p(doc.center.name, st.subtitle), _p(heading, _fitted(st.title, heading, room))]
    if doc.reprint:
        title.append(_reprint_mark(doc.reprint, st))
    head = Table([[title, codes]],
                 colWidths=[room, codes.width + 4])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    materials = "；".join(f"{t.material.name}（{t.material.form}{t.pages}页）" for t in doc.received) or "无"
    fee = "不收费" if str(doc.fee) in ("", "0") else f"{doc.fee}元（法定收费：{doc.item.fee.basis}）"
    rows = [
        [_p("单　号", st.label), _p(doc.slip_no, st.body), _p("办理事项", st.label), _p(doc.item.name, st.body)],
        [_p("申请人", st.label), _p(doc.person_name, st.body), _p("联系电话", st.label), _p(doc.person_phone, st.body)],
        [_p("所交材料", st.label), _p(materials, st.small), "", ""],
        [_p("受理日期", st.label), _p(cn_date(doc.accepted_on), st.body), _p("承诺办结", st.label),
         _p(_promised(doc), st.body)],
        [_p("代办员", st.label), _p(doc.handler, st.body), _p("收　费", st.label), _p(fee, st.body)],
        [_p("送交单位", st.label), _p(f"{doc.item.unit.name}　{doc.item.unit.phone}", st.body), "", ""],
    ]
    story: list[Flowable] = [head, Spacer(1, 3 * scale),
                             _grid(rows, [0.14 * w, 0.36 * w, 0.14 * w, 0.36 * w], label_cols=(0, 2),
                                   spans=[((1, 2), (3, 2)), ((1, 5), (3, 5))])]
    story.append(Spacer(1, 6 * scale))
    if part == "存根":
        sign = [[_p("代办员（签字）：", st.sign), _p("申请人（签字）：", st.sign)]]
    if part == "存根" and with_track:
        track = [[_p(h, st.label) for h in ("流转环节", "日　期", "经办人", "备　注")]]
        track += [[_p(step, st.label), "", "", ""] for step in ("送交上级", "取回结果", "通知群众", "群众领取")]
        story.append(_grid(track, [0.2 * w, 0.25 * w, 0.2 * w, 0.35 * w], label_cols=(0,)))
        story.append(Spacer(1, 4 * scale))
    if part != "存根":
        sign = [[_p("代办员（签字）：", st.sign), _p(f"{doc.center.name}（盖章）", st.sign)]]
        tips = (f"温馨提示：1. 请凭此联及身份证件领取办理结果。2. 查询进度请拨打服务电话 {doc.center.public_phone}"
                f"并报代办单号。3. 除法定收费外不收取任何费用；超过承诺时限未办结或对服务不满意，"
                f"请拨打监督电话 {doc.center.supervision_phone}。")
        story.append(_grid([[_p(tips, st.small)]], [w]))
        story.append(Spacer(1, 4 * scale))
    story.append(Table(sign, colWidths=[0.5 * w, 0.5 * w]))
    return story


def render_slip(doc: SlipDoc, path: Path, size: str = "A4") -> Path:
    """代办单 (P02): two parts on one sheet, 存根 and 群众联, with a dashed cut line between."""
    pagesize = PAGE_SIZES[size]
    scale = 1.0 if size == "A4" else 0.72
    margin = 14 * mm * scale
    footer = 10 * mm * scale
    width, height = pagesize
    inner_h = height - 2 * margin - footer
    half = inner_h / 2
    frames = [
        Frame(margin, margin + footer + half, width - 2 * margin, half, id="stub",
              leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=6 * mm * scale),
        Frame(margin, margin + footer, width - 2 * margin, half, id="person",
              leftPadding=0, rightPadding=0, topPadding=6 * mm * scale, bottomPadding=0),
    ]

    def cut_line(canvas: Canvas, _doc) -> None:
        y = margin + footer + half
        canvas.saveState()
        canvas.setDash(4, 3)
        canvas.setLineWidth(0.6)
        canvas.line(margin / 2, y, width - margin / 2, y)
        canvas.setFont(register_cjk_font(), 8 * scale)
        canvas.setFillColor(colors.white)
        label_w = 40 * mm * scale
        canvas.rect(width / 2 - label_w / 2, y - 4 * scale, label_w, 8 * scale, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawCentredString(width / 2, y - 2.5 * scale, "✂ 沿此线剪开 ✂".replace("✂", "-"))
        canvas.restoreState()

    with atomic_path(path) as tmp:
        pdf = BaseDocTemplate(str(tmp), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                              topMargin=margin, bottomMargin=margin + footer, title=f"代办单 {doc.slip_no}",
                              author=doc.center.name, creator="值班台 DutyDesk")
        version = _version_text(doc)

        def decorate(canvas: Canvas, d) -> None:
            _footer(canvas, d, doc.center, version, scale)
            cut_line(canvas, d)

        pdf.addPageTemplates([PageTemplate(id="slip", frames=frames, onPage=decorate)])
        st = _Styles(scale)
        w = width - 2 * margin
        track = size == "A4"  # on A5 the progress table would push the 群众联 onto a second sheet
        story = [*_slip_part(doc, "存根", st, w, scale, track), FrameBreak(),
                 *_slip_part(doc, "群众联", st, w, scale, track)]
        pdf.build(story)
    return path
