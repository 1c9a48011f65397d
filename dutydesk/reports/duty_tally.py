"""A basic export of the monthly attendance tally (D14): xlsx and pdf.

The official 月度考勤统计表 layout belongs to the ledgers; this gives the same numbers in a plain
table so a month can be published now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from dutydesk.domain.attendance import LEAVE_TYPES, TallyRow
from dutydesk.store.atomic import atomic_path

TALLY_HEADERS: list[str] = (
    ["姓名", "职务", "应值班次", "实到", "迟到", "早退", "缺勤"]
    + [f"{t}" for t in LEAVE_TYPES]
    + ["替他人值班", "由他人替班", "查实次数", "处罚(元)", "连带责任(元)", "半年累计次数",
       "半年累计金额(元)", "处理意见"]
)


def tally_cells(row: TallyRow) -> Sequence[str | int]:
    return ([row.name, row.role, row.scheduled, row.worked, row.late, row.early, row.absent]
            + [row.leave.get(t, 0) for t in LEAVE_TYPES]
            + [row.substitutions_given, row.substitutions_taken, row.findings, row.penalty, row.joint_liability,
               row.half_year_findings, row.half_year_penalty, row.flag])


def title_of(center: str, year: int, month: int) -> str:
    return f"{center}{year}年{month}月值班考勤统计表"


def write_tally_xlsx(rows: list[TallyRow], year: int, month: int, center: str, path: Path,
                     now: dt.datetime) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = f"{year}年{month}月"
    ws.append([title_of(center, year, month)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(TALLY_HEADERS))
    ws.append(TALLY_HEADERS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for row in rows:
        ws.append(list(tally_cells(row)))
    ws.append([])
    ws.append([f"制表时间：{now:%Y年%m月%d日 %H:%M}"])
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 12
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def write_tally_pdf(rows: list[TallyRow], year: int, month: int, center: str, path: Path,
                    now: dt.datetime) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from dutydesk.reports.fonts import register_cjk_font

    font = register_cjk_font()
    title = ParagraphStyle("t", fontName=font, fontSize=16, leading=22, alignment=1)
    small = ParagraphStyle("s", fontName=font, fontSize=8, leading=10, alignment=1)
    data = [[Paragraph(h, small) for h in TALLY_HEADERS]]
    data += [[str(c) for c in tally_cells(r)] for r in rows]
    table = Table(data, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 8),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("ALIGN", (2, 1), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
    ]))
    with atomic_path(path) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                                topMargin=12 * mm, bottomMargin=12 * mm, title=title_of(center, year, month))
        doc.build([Paragraph(title_of(center, year, month), title), Spacer(1, 6 * mm), table, Spacer(1, 6 * mm),
                   Paragraph(f"制表时间：{now:%Y年%m月%d日 %H:%M}　　审核：__________　　公示日期：__________",
                             ParagraphStyle("f", fontName=font, fontSize=10))])
    return path
