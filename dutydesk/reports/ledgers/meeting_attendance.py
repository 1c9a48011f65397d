"""会议学习考勤表 (D17): the month's meetings and study sessions, attendance taken at each, published
like the duty tally: per person (present, on leave, absent and why, penalty per the setting) and
per session (who attended, who was on leave, who was absent, whether the minutes are kept)."""

from __future__ import annotations

from dutydesk.desk import Desk
from dutydesk.domain import meeting_rules as rules
from dutydesk.reports.ledger.model import Column, Ledger, Table, static_rows
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, register
from dutydesk.store.duty.meetings import minutes_kept, month_table, session_chair

PERSON_COLUMNS = [
    Column("姓名", 8), Column("职务", 9), Column("应到次数", 6, "int", total=True),
    Column("出席", 5, "int", total=True), Column("请假", 5, "int", total=True),
    Column("缺席", 5, "int", total=True), Column("其中超假", 6, "int", total=True),
    Column("其中未销假", 6, "int", total=True), Column("处罚（元）", 7, "int", total=True),
]
SESSION_COLUMNS = [
    Column("日期", 11, "date", pdf_width=54), Column("时间", 6, pdf_width=30), Column("类型", 8, pdf_width=40),
    Column("主题", 18, pdf_width=80), Column("主持人", 8, pdf_width=36), Column("出席人员", 28, pdf_width=120),
    Column("请假人员", 16, pdf_width=70), Column("缺席人员", 16, pdf_width=70), Column("会议记录", 8, pdf_width=36),
]


def _names(lines, status: str) -> str:
    return "、".join(f"{line.staff.name}（{line.note}）" if line.note else line.staff.name
                    for line in lines if line.status == status)


def build(desk: Desk, period: Period) -> Ledger:
    year, month = period.year_month
    people, detail = month_table(year, month, desk.now())
    person_rows = [(r.name, r.role, r.expected, r.present, r.leave, r.absent, r.overstayed, r.not_reported_back,
                    r.penalty) for r in people]
    session_rows = [(s.day, s.start_time, s.kind, s.topic, session_chair(s), _names(lines, rules.PRESENT),
                     _names(lines, rules.ON_LEAVE), _names(lines, rules.ABSENT),
                     "已记录" if minutes_kept(s) else "未记录")
                    for s, lines in detail]
    notes = ["说明：开会、学习逐次考勤；请假按值班请假办法经书记或主任批准；假期结束后未返岗的计缺席"
             "（超假：逾期才销假；未销假：至今未销假）。",
             f"本月安排会议学习{len(detail)}次；缺席处罚标准按当月有效的设置计算。"]
    return ledger_for(desk, "会议学习考勤表", period, notes=notes, sheet_name="会议学习考勤", tables=[
        Table(PERSON_COLUMNS, static_rows(person_rows), heading="人员考勤", row_count=len(person_rows)),
        Table(SESSION_COLUMNS, static_rows(session_rows), heading="逐次考勤", row_count=len(session_rows)),
    ])


SPEC = register(LedgerSpec("meetings", "会议学习考勤表", True, build, "D17"))


def _register_minutes() -> None:
    """A04: the year's minutes go into the year's archive with the ledgers."""
    from dutydesk.reports.meeting_minutes import minutes_ledger
    from dutydesk.reports.year_archive import YEARLY_LEDGERS

    if minutes_ledger not in YEARLY_LEDGERS:
        YEARLY_LEDGERS.append(minutes_ledger)


_register_minutes()
