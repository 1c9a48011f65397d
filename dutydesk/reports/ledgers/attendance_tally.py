"""月度考勤统计表 (D14): the duty feature's monthly tally laid out as the official ledger, with
penalties per the settings table in force and half-year running totals."""

from __future__ import annotations

from dutydesk.desk import Desk
from dutydesk.domain.attendance import LEAVE_TYPES
from dutydesk.domain.tally import TallyRow
from dutydesk.reports.ledger.model import Column, Ledger, Table, static_rows
from dutydesk.reports.ledgers.registry import LedgerSpec, Period, ledger_for, register
from dutydesk.store.duty.tally import month_tally

COLUMNS = [
    Column("姓名", 8, pdf_width=11), Column("职务", 9, pdf_width=8), Column("应值班次", 6, "int", total=True),
    Column("实到", 5, "int", total=True), Column("迟到", 5, "int", total=True),
    Column("早退", 5, "int", total=True), Column("缺勤", 5, "int", total=True),
    *[Column(t, 5, "int", total=True) for t in LEAVE_TYPES],
    Column("替他人值班", 6, "int", total=True), Column("由他人替班", 6, "int", total=True),
    Column("督查查实", 6, "int", total=True), Column("处罚（元）", 7, "int", total=True),
    Column("连带责任（元）", 7, "int", total=True), Column("半年累计次数", 7, "int"),
    Column("半年累计金额（元）", 8, "int"), Column("处理意见", 9),
    # The sign-in book's exceptions (seed 004) and the report warning to the organisation department.
    Column("停签后签到", 6, "int", total=True), Column("代签", 5, "int", total=True),
    Column("事后补假", 6, "int", total=True), Column("上报提示", 16, pdf_width=13),
    # D07: absences after leave ended, and why (reported back late, or not at all).
    Column("超假", 5, "int", total=True), Column("未销假", 6, "int", total=True),
]


def tally_row(row: TallyRow) -> tuple:
    return (row.name, row.role, row.scheduled, row.worked, row.late, row.early, row.absent,
            *[row.leave.get(t, 0) for t in LEAVE_TYPES], row.substitutions_given, row.substitutions_taken,
            row.findings, row.penalty, row.joint_liability, row.half_year_findings, row.half_year_penalty,
            row.flag, row.after_cutoff, row.proxy_signed, row.late_leave, row.report_flag,
            row.overstayed, row.not_reported_back)


def build(desk: Desk, period: Period) -> Ledger:
    year, month = period.year_month
    rows = [tally_row(r) for r in month_tally(year, month, desk.now())]
    notes = ["说明：缺勤含未签到和签到后脱岗；"
             "处罚标准、连带责任与诫勉谈话次数按当月有效的设置计算。",
             "停签后签到未经主任认定理由的计缺勤（本中心设置为计迟到的除外）；代签须经主要领导授权；"
             "事后补假为班次开始后才提出、经主任批准的请假；连续或全年累计缺勤达到设定天数的，提示上报组织部门。",
             "假期结束后未到岗的班次计缺勤：超假为逾期才销假，未销假为至今未销假；"
             "上报提示的缺勤天数含会议学习缺席。"]
    return ledger_for(desk, "月度考勤统计表", period, tables=[Table(COLUMNS, static_rows(rows), row_count=len(rows))],
                      notes=notes, sheet_name="考勤统计")


SPEC = register(LedgerSpec("attendance", "月度考勤统计表", True, build, "D14"))
