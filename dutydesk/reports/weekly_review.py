"""The Monday review sheet (周例会值班回顾, D13): last week's sessions, faults, handovers and matters."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from dutydesk.domain.attendance import is_absent, is_early, is_late
from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.atomic import atomic_path
from dutydesk.store.center import load_center
from dutydesk.store.duty.attendance import assignments_between
from dutydesk.store.duty.duty_log import duty_log
from dutydesk.store.duty.handover import Handover
from dutydesk.store.duty.handover import open_matters_text as matters_text
from dutydesk.store.duty.inspections import findings_between


@dataclass
class ReviewData:
    title: str
    period: str
    sessions_scheduled: int
    sessions_covered: int
    faults: list[list[str]]  # date, session, name, fault
    handovers: list[list[str]]  # time, from, note, taken over by
    matters: list[list[str]]  # kind, count
    open_matters: str
    findings: list[list[str]]


def last_week(monday: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday-Sunday week before ``monday`` (any day of the review week works)."""
    this_monday = monday - dt.timedelta(days=monday.weekday())
    return this_monday - dt.timedelta(days=7), this_monday - dt.timedelta(days=1)


def review_data(review_day: dt.date, calendar: WorkdayCalendar, now: dt.datetime) -> ReviewData:
    start, end = last_week(review_day)
    center = load_center()
    faults, covered, scheduled = [], 0, 0
    for a in assignments_between(start, end):
        scheduled += 1
        f = a.facts()
        label = [f"{a.day:%m-%d}", a.session.name, a.holder.name]
        if a.leave_approved:
            sub = (f"，{a.leave.substitute.name}替班" if a.substitute_asked
                   else "，事后补假" if a.late_leave else "，无人替班")
            faults.append([*label[:2], a.rostered.name, a.leave.leave_type + sub])
            if not a.substitute_asked:
                continue
        if is_absent(f, now):
            if a.found_off_post:
                faults.append([*label, "缺勤（签到后脱岗）"])
            elif f.sign_in is not None:
                faults.append([*label, f"缺勤（停签后{f.sign_in:%H:%M}签到）"])
            else:
                faults.append([*label, "缺勤"])
            continue
        if f.sign_in is None:
            continue
        covered += 1
        if is_late(f):
            faults.append([*label, f"迟到（{f.sign_in:%H:%M}签到）"])
        if is_early(f):
            faults.append([*label, f"早退（{f.sign_out:%H:%M}签退）"])
    handovers = []
    for h in (Handover.select().where(Handover.day.between(start, end) & Handover.voided_at.is_null())
              .order_by(Handover.written_at)):
        handovers.append([f"{h.written_at:%m-%d %H:%M}", h.from_staff.name, mask_personal_numbers(h.note),
                          h.acknowledged_by.name if h.acknowledged_by_id else "未确认"])
    kinds: Counter[str] = Counter()
    day = start
    while day <= end:
        for e in duty_log(day, now):
            kinds[e.kind] += 1
        day += dt.timedelta(days=1)
    s = dt.datetime.combine(start, dt.time())
    findings = [[f"{f.found_at:%m-%d %H:%M}", f.staff.name, label("finding_kind", f.kind), f.inspector]
                for f in findings_between(s, s + dt.timedelta(days=7))]
    return ReviewData(
        title=f"{center.name if center else ''}周例会值班情况回顾",
        period=f"{start:%Y年%m月%d日}（星期一）至 {end:%m月%d日}（星期日）",
        sessions_scheduled=scheduled, sessions_covered=covered, faults=faults, handovers=handovers,
        matters=[[k, str(v)] for k, v in sorted(kinds.items())],
        open_matters=mask_personal_numbers(matters_text(review_day, calendar)) or "无", findings=findings,
    )


def write_review_pdf(data: ReviewData, path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from dutydesk.reports.fonts import register_cjk_font

    font = register_cjk_font()
    title = ParagraphStyle("title", fontName=font, fontSize=18, leading=26, alignment=1)
    head = ParagraphStyle("head", fontName=font, fontSize=12, leading=18, spaceBefore=6)
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=14)
    grid = TableStyle([("FONT", (0, 0), (-1, -1), font, 9), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])

    def table(header: list[str], rows: list[list[str]], widths: list[float] | None = None) -> Table:
        cells: list[list] = [header] + [[Paragraph(str(c), body) for c in r] for r in rows]
        if not rows:
            cells.append(["无"] + [""] * (len(header) - 1))
        t = Table(cells, colWidths=widths, repeatRows=1)
        t.setStyle(grid)
        return t

    story = [Paragraph(data.title, title), Paragraph(data.period, ParagraphStyle("p", parent=body, alignment=1)),
             Spacer(1, 4 * mm),
             Paragraph(f"一、值班覆盖：应值 {data.sessions_scheduled} 班次，"
                       f"实际到岗 {data.sessions_covered} 班次。", head),
             Paragraph("二、考勤问题（迟到、早退、缺勤、请假替班）", head),
             table(["日期", "班次", "人员", "情况"], data.faults, [25 * mm, 20 * mm, 30 * mm, 100 * mm]),
             Paragraph("三、交接班", head),
             table(["时间", "交班人", "交接事项", "接班"], data.handovers, [28 * mm, 22 * mm, 100 * mm, 25 * mm]),
             Paragraph("四、受理事项", head), table(["类别", "件数"], data.matters, [60 * mm, 30 * mm]),
             Paragraph("未办结事项：" + data.open_matters.replace("\n", "；"), body),
             Paragraph("五、督查与投诉", head),
             table(["时间", "人员", "类别", "检查/核实人"], data.findings, [30 * mm, 30 * mm, 50 * mm, 60 * mm]),
             Spacer(1, 8 * mm),
             Paragraph("主持人（书记）：____________　　参会值班人员签名：______________________________", body),
             Paragraph("整改要求：______________________________________________________________", body)]
    with atomic_path(path) as tmp:
        SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=14 * mm,
                          bottomMargin=14 * mm, title=data.title).build(story)
    return path
