"""月度考勤统计表's sign-in book columns: 停签后签到, 代签, 事后补假 and the report warning (D05, D07, D19)."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.sign_in_book import REPORT_CONSECUTIVE_DAYS
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.reports.ledgers.attendance_tally import COLUMNS
from dutydesk.store.duty.attendance import sign_in
from dutydesk.store.duty.leave import LeaveInput, approve_leave, request_leave
from dutydesk.store.settings import set_setting
from tests.approvers import approver
from tests.duty_helpers import make_staff, put_on
from tests.reports.ledgers.test_declarations import data_rows, pdf_text

DAY = dt.date(2026, 11, 24)


def at(h, m=0, day=DAY):
    return dt.datetime.combine(day, dt.time(h, m))


def test_d05_d07_d19_tally_ledger_counts_the_books_exceptions(desk, tmp_path):
    s = make_staff(desk)
    set_setting(REPORT_CONSECUTIVE_DAYS, 2, dt.date(2026, 1, 1), "测试", at(7))
    put_on(desk, DAY, "am", s["王委员"])
    sign_in(s["王委员"], "测试", at(8, 40))  # after the cutoff: an absence
    put_on(desk, dt.date(2026, 11, 23), "am", s["王委员"])  # and absent the day before
    put_on(desk, DAY, "pm", s["孙干部"])
    leave = request_leave(LeaveInput("孙干部", DAY, DAY, "事假", "家事", "周协管", ["pm"]), "测试", at(15))
    approve_leave(leave, approver("王书记"), at(16), reason="村里紧急事务")
    desk.clock.set(dt.datetime(2026, 11, 30, 18, 0))
    write_ledger(LEDGERS["attendance"].build(desk, Period.month(2026, 11)), tmp_path / "a.xlsx", "xlsx")
    rows = {r[0]: r for r in data_rows(tmp_path / "a.xlsx", "考勤统计", "姓名")}
    col = {c.header: i for i, c in enumerate(COLUMNS)}
    wang, sun = rows["王委员"], rows["孙干部"]
    assert wang[col["缺勤"]] == 2 and wang[col["停签后签到"]] == 1 and wang[col["代签"]] == 0
    assert wang[col["上报提示"]] == "连续缺勤2天，应上报组织部门"
    assert sun[col["事后补假"]] == 1 and sun[col["缺勤"]] == 0
    assert rows["周协管"][col["缺勤"]] == 0
    write_ledger(LEDGERS["attendance"].build(desk, Period.month(2026, 11)), tmp_path / "a.pdf", "pdf")
    assert "应上报组织部门" in pdf_text(tmp_path / "a.pdf")
