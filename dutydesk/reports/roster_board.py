"""The roster board (值班公示牌, D04): who is on duty when, with phones, duties and whereabouts.

``board_data`` reads the books (on the GUI thread); ``write_board_pdf`` only lays out the page
(safe in a worker thread) with the embedded CJK font, so paper and file look the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.atomic import atomic_path
from dutydesk.store.center import load_center
from dutydesk.store.duty.duty_config import duty_config
from dutydesk.store.duty.roster import roster_map
from dutydesk.store.duty.staff import active_staff
from dutydesk.store.duty.whereabouts import current_whereabouts

WEEKDAYS = "一二三四五六日"


@dataclass
class BoardData:
    title: str
    period: str
    session_labels: list[str]
    rows: list[list[str]]  # date, weekday, one cell per session
    people: list[list[str]]  # name, role, phone, duties, whereabouts
    footer: str
    printed_at: str
    notes: list[str] = field(default_factory=list)


def board_data(start: dt.date, end: dt.date, calendar: WorkdayCalendar, now: dt.datetime) -> BoardData:
    center = load_center()
    config = duty_config(start)
    sessions = config.sessions
    slots = roster_map(start, end)
    rows = []
    day = start
    while day <= end:
        special = next((s.name for s in calendar.special_days(day.year) if s.day == day), "")
        weekday = f"星期{WEEKDAYS[day.weekday()]}" + (f"（{special}）" if special else "")
        if not calendar.is_workday(day) and not special:
            weekday += "（休）"
        cells = ["、".join(r.staff.name for r in slots.get((day, s.key), [])) or "—" for s in sessions]
        rows.append([f"{day:%m月%d日}", weekday, *cells])
        day += dt.timedelta(days=1)
    where = current_whereabouts(now)
    people = []
    for s in active_staff(start):
        w = where.get(s.id)
        where_text = f"{w.status}（{w.note}）" if w and w.note else (w.status if w else "")
        # Staff duty phones are public (D04); a resident's number typed into duties or a
        # whereabouts note is not (V09).
        people.append([s.name, s.role, s.mobile, mask_personal_numbers(s.duties), mask_personal_numbers(where_text)])
    name = center.name if center else ""
    footer = ""
    if center:
        footer = (f"服务电话：{center.public_phone}　　监督电话：{center.supervision_phone}　　"
                  f"地址：{center.address}")
    return BoardData(
        title=f"{name}值班安排公示",
        period=f"{start:%Y年%m月%d日} 至 {end:%Y年%m月%d日}",
        session_labels=[f"{s.name}\n{s.start:%H:%M}-{s.end:%H:%M}" for s in sessions],
        rows=rows, people=people, footer=footer, printed_at=f"{now:%Y年%m月%d日}",
        notes=[f"值班人员请提前{config.early_arrival_minutes}分钟到岗，签到后不得离岗；书记、主任24小时保持通讯畅通。",
               "群众对值班工作有意见，可拨打监督电话反映。"],
    )


def write_board_pdf(data: BoardData, path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from dutydesk.reports.fonts import register_cjk_font

    font = register_cjk_font()
    title = ParagraphStyle("title", fontName=font, fontSize=20, leading=28, alignment=1)
    sub = ParagraphStyle("sub", fontName=font, fontSize=11, leading=16, alignment=1)
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=14)
    size = 10 if len(data.rows) <= 14 else 8
    grid = TableStyle([
        ("FONT", (0, 0), (-1, -1), font, size),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F3E3E2")),
    ])
    header = ["日期", "星期", *data.session_labels]
    roster = Table([header, *data.rows], repeatRows=1)
    roster.setStyle(grid)
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12)
    wrapped = [[*row[:3], Paragraph(row[3], cell), Paragraph(row[4], cell)] for row in data.people]
    people = Table([["姓名", "职务", "联系电话", "职责", "当前去向"], *wrapped],
                   colWidths=[20 * mm, 24 * mm, 30 * mm, 58 * mm, 50 * mm], repeatRows=1)
    people.setStyle(grid)
    story = [Paragraph(data.title, title), Paragraph(data.period, sub), Spacer(1, 5 * mm), roster,
             Spacer(1, 6 * mm), Paragraph("值班人员及职责", sub), Spacer(1, 2 * mm), people, Spacer(1, 5 * mm)]
    story += [Paragraph(n, body) for n in data.notes]
    story += [Spacer(1, 3 * mm), Paragraph(data.footer, body), Paragraph(f"公布日期：{data.printed_at}", body)]
    with atomic_path(path) as tmp:
        SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=14 * mm,
                          bottomMargin=14 * mm, title=data.title).build(story)
    return path
