"""会议学习记录 of a year (A04; seed 003 "一次一记，一年一归档"): every session's time, chair, who
attended and the minutes, filed with the year's archive (``year_archive.YEARLY_LEDGERS``)."""

from __future__ import annotations

import datetime as dt

from dutydesk.desk import Desk
from dutydesk.domain import meeting_rules as rules
from dutydesk.reports.ledger.model import Column, Ledger, Table, static_rows
from dutydesk.reports.ledgers.registry import Period, ledger_for
from dutydesk.store.duty.meetings import attendance_of, session_chair, sessions_between

COLUMNS = [
    Column("日期", 11, "date", pdf_width=54), Column("时间", 6, pdf_width=30), Column("类型", 8, pdf_width=40),
    Column("主题", 18, pdf_width=80), Column("主持人", 8, pdf_width=36), Column("参加人员", 28, pdf_width=130),
    Column("会议记录", 60, pdf_width=300),
]


def minutes_ledger(desk: Desk, year: int) -> Ledger | None:
    """The year's sessions with their minutes (a 周例会's content is its review record, D13); None
    when the year had none."""
    from dutydesk.store.duty.review_meeting import meeting_in_week

    sessions = sessions_between(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if not sessions:
        return None
    rows = []
    for s in sessions:
        minutes = s.minutes
        if not minutes and s.kind == rules.REVIEW:
            record = meeting_in_week(s.day)
            minutes = record.notes if record is not None else ""
        present = "、".join(line.staff.name for line in attendance_of(s, desk.now()) if line.status == rules.PRESENT)
        rows.append((s.day, s.start_time, s.kind, s.topic, session_chair(s), present, minutes))
    period = Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    return ledger_for(desk, f"{year}年会议学习记录", period, sheet_name="会议学习记录",
                      tables=[Table(COLUMNS, static_rows(rows), row_count=len(rows))])
