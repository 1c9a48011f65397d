"""The five ledgers over the real books (D10, D14, P06, P08, V08, V09), checked in both formats."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from pypdf import PdfReader

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.proxy_case import StepKind
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.store.duty.attendance import sign_in, sign_out
from dutydesk.store.duty.leave import LeaveInput, approve_leave, request_leave
from dutydesk.store.notices import proxy_cases
from dutydesk.store.visits.visit import register_visit, void_visit
from dutydesk.store.visits.visit_progress import complete, record_feedback
from tests.approvers import approver
from tests.duty_helpers import count_after_cutoff_as_late, make_staff, put_on
from tests.notice_helpers import new_case, proxy_visit, seed
from tests.store.conftest import draft

NOV = Period.month(2026, 11)


def rows_of(path, sheet: str) -> list[tuple]:
    ws = openpyxl.load_workbook(path)[sheet]
    return list(ws.iter_rows(values_only=True))


def data_rows(path, sheet: str, header: str) -> list[tuple]:
    """The rows between the header row (first cell ``header``) and the totals/sign-off."""
    rows = rows_of(path, sheet)
    start = next(i for i, r in enumerate(rows) if r[0] == header) + 1
    out = []
    for r in rows[start:]:
        if r[0] is None or str(r[0]).startswith(("合计", "制表人")):
            break
        out.append(r)
    return out


def pdf_text(path) -> str:
    """All pages' text with line breaks removed (cells wrap)."""
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace("\n", "")


def register(desk, at: dt.datetime, **changes):
    return register_visit(draft(received_at=at, **changes), desk.who, at, desk.calendar())


def test_registry_lists_the_five_ledgers_in_order():
    assert list(LEDGERS)[:5] == ["duty", "visits", "proxy", "attendance", "monthly"]
    assert [s.monthly for s in LEDGERS.values()][:5] == [False, False, False, True, True]
    assert {"meetings", "relay"} <= set(LEDGERS)  # the rule books' own ledgers follow (D17, D18)
    assert "accountability" in LEDGERS  # V12, after the township's five
    assert {"messages", "letters"} <= set(LEDGERS)  # V10, V13


def test_v09_visit_register_rows_of_the_period_with_masked_contact(desk, tmp_path):
    inside = register(desk, dt.datetime(2026, 11, 3, 9, 30), person_name="张堃", contact="13812345678")
    register(desk, dt.datetime(2026, 10, 31, 16, 0), person_name="十月的人")
    wrong = register(desk, dt.datetime(2026, 11, 5, 10, 0), person_name="登记错了")
    void_visit(wrong, desk.who, desk.now(), "重复登记")
    register(desk, dt.datetime(2026, 11, 20, 11, 0), person_name="李喆", outcome="转办", result="",
             transfer_to="镇民政办", transfer_contact="0571-63280000", deadline_kind="review")
    ledger = LEDGERS["visits"].build(desk, NOV)
    assert ledger.row_count == 2
    write_ledger(ledger, tmp_path / "v.xlsx", "xlsx")
    rows = data_rows(tmp_path / "v.xlsx", "来访登记", "编号")
    assert [r[3] for r in rows] == ["张堃", "李喆"]
    first, second = rows
    assert first[0] == f"2026-{inside.id:06d}"
    assert first[1] == dt.datetime(2026, 11, 3, 9, 30)  # a real datetime cell
    assert first[4] == "138****5678"  # V09: never the full number
    assert first[12].startswith("11-03 当面：") and first[10] == "已反馈"
    assert second[8] == "转办（需审核）" and isinstance(second[9], dt.datetime)
    write_ledger(ledger, tmp_path / "v.pdf", "pdf")
    text = pdf_text(tmp_path / "v.pdf")
    assert "13812345678" not in text and "138****5678" in text and "堃" in text and "喆" in text


def test_v01_visit_register_reads_in_chunks_in_time_order(desk):
    from dutydesk.reports.ledgers.visit_register import visit_chunks

    base = dt.datetime(2026, 11, 2, 8, 0)
    for i in range(7):
        register(desk, base + dt.timedelta(minutes=7 * (6 - i)), person_name=f"群众{i}")
    chunks = list(visit_chunks(NOV, chunk=3))
    assert [len(c) for c in chunks] == [3, 3, 1]
    times = [r[1] for c in chunks for r in c]
    assert times == sorted(times)


def test_d10_duty_log_lists_session_sign_in_handover_and_entries(desk, clock, tmp_path):
    day = dt.date(2026, 11, 24)
    staff = make_staff(desk)
    put_on(desk, day, "am", staff["王委员"])
    put_on(desk, day, "pm", staff["孙干部"])
    leave = request_leave(LeaveInput("孙干部", day, day, "病假", "住院", "周协管", ["pm"]), "测试",
                          dt.datetime(2026, 11, 24, 8, 0))
    approve_leave(leave, approver("王书记"), dt.datetime(2026, 11, 24, 8, 5))
    sign_in(staff["王委员"], "测试", dt.datetime(2026, 11, 24, 8, 20))
    register(desk, dt.datetime(2026, 11, 24, 9, 15), person_name="张堃", request="咨询低保续办")
    sign_out(staff["王委员"], "低保材料已告知", "", "测试", dt.datetime(2026, 11, 24, 12, 1))
    clock.set(dt.datetime(2026, 11, 24, 18, 0))
    ledger = LEDGERS["duty"].build(desk, Period(day, day))
    write_ledger(ledger, tmp_path / "d.xlsx", "xlsx")
    rows = data_rows(tmp_path / "d.xlsx", "值班记录", "日期")
    assert len(rows) == 2
    am, pm = rows
    assert am[3] == "王委员" and am[4] == dt.datetime(2026, 11, 24, 8, 20)
    assert am[5] == dt.datetime(2026, 11, 24, 12, 1)
    assert "低保材料已告知" in am[7]
    assert "09:15 来访" in am[8] and "张堃" in am[8]
    assert pm[3] == "周协管（替孙干部）" and "请假" in pm[6]
    write_ledger(ledger, tmp_path / "d.pdf", "pdf")
    text = pdf_text(tmp_path / "d.pdf")
    assert "值班记录簿" in text and "周协管（替孙干部）" in text


def test_p06_proxy_ledger_has_slip_time_person_item_route_steps_and_result(desk, clock, tmp_path):
    seed(desk)
    case = new_case(desk, visit=proxy_visit(desk))
    steps = [
        (StepKind.SUBMIT, {"unit": "桃源镇便民服务中心", "date": desk.today(), "carrier": "李文书"}),
        (StepKind.APPROVE, {"result": "已参保"}),
        (StepKind.FETCH, {"note": ""}),
        (StepKind.NOTIFY, {"method": "电话", "at": "2026-11-27 10:00"}),
    ]
    for kind, details in steps:
        clock.advance(days=1)
        proxy_cases.record_step(case, kind, details, "李文书", desk.now())
    wrong = new_case(desk, name="王喆")
    proxy_cases.void_case(wrong, "填错事项", desk.who, desk.now())
    ledger = LEDGERS["proxy"].build(desk, NOV)
    write_ledger(ledger, tmp_path / "p.xlsx", "xlsx")
    rows = data_rows(tmp_path / "p.xlsx", "代办台账", "代办单号")
    assert [r[0] for r in rows] == ["DB2026-000001", "DB2026-000002"]  # numbering has no gaps
    first = rows[0]
    assert first[1] == dt.datetime(2026, 11, 24, 9, 0) and first[2] == "张秀英" and first[3] == "138****5678"
    assert first[4] == case.item_version.name and first[5] == "李文书"
    assert first[7] == "桃源镇便民服务中心"
    assert first[8] == dt.datetime(2026, 11, 25) and first[9] == dt.datetime(2026, 11, 26)
    assert first[10] == dt.datetime(2026, 11, 28) and first[11] is None
    assert "送交上级" in first[12] and "通知群众" in first[12]
    assert first[13] == "已参保"
    assert rows[1][13].startswith("已作废：填错事项")
    write_ledger(ledger, tmp_path / "p.pdf", "pdf")
    assert "DB2026-000002" in pdf_text(tmp_path / "p.pdf")


def test_d14_attendance_tally_ledger_with_penalties_and_totals(desk, tmp_path):
    day = dt.date(2026, 11, 24)
    staff = make_staff(desk)
    count_after_cutoff_as_late(desk)
    put_on(desk, day, "am", staff["王委员"])
    put_on(desk, day, "pm", staff["钱村官"])  # never signs in: absent, 100 yuan
    sign_in(staff["王委员"], "测试", dt.datetime(2026, 11, 24, 8, 45))  # late
    desk.clock.set(dt.datetime(2026, 11, 30, 18, 0))
    ledger = LEDGERS["attendance"].build(desk, NOV)
    write_ledger(ledger, tmp_path / "a.xlsx", "xlsx")
    rows = {r[0]: r for r in data_rows(tmp_path / "a.xlsx", "考勤统计", "姓名")}
    assert rows["王委员"][2:5] == (1, 1, 1)  # scheduled, worked, late
    qian = rows["钱村官"]
    assert qian[6] == 1 and qian[13] == 100  # absent, penalty
    assert rows["张书记"][14] == 100  # D14 joint liability of the secretary
    totals = next(r for r in rows_of(tmp_path / "a.xlsx", "考勤统计") if str(r[0]).startswith("合计"))
    assert totals[6] == 1 and totals[13] == 100
    write_ledger(ledger, tmp_path / "a.pdf", "pdf")
    text = pdf_text(tmp_path / "a.pdf")
    assert "月度考勤统计表" in text and "2026年11月" in text and "钱村官" in text


@pytest.fixture
def month_of_visits(desk, clock):
    """November: 4 visits (one on time, one late, one still open past its deadline, one voided);
    October: 1 visit, for the comparison."""
    register(desk, dt.datetime(2026, 10, 15, 9, 0), category="求助", channel="来电")
    register(desk, dt.datetime(2026, 11, 2, 9, 0), person_name="甲")  # done on the spot
    late = register(desk, dt.datetime(2026, 11, 3, 9, 0), outcome="转办", result="", transfer_to="镇民政办",
                    transfer_contact="0571-63280000", deadline_kind="review", category="求助", channel="来电")
    register(desk, dt.datetime(2026, 11, 4, 9, 0), outcome="转办", result="", transfer_to="镇民政办",
             transfer_contact="0571-63280000", deadline_kind="review", category="投诉举报")
    wrong = register(desk, dt.datetime(2026, 11, 5, 9, 0), category="其他")
    void_visit(wrong, desk.who, desk.now(), "重复")
    # the transfer promised by Thu 5 Nov is completed Mon 9 Nov: late
    complete(late, "已办妥", "李文书", dt.datetime(2026, 11, 9, 10, 0))
    record_feedback(late, "电话", "已办妥", "李文书", dt.datetime(2026, 11, 9, 11, 0), satisfaction="不满意")
    clock.set(dt.datetime(2026, 12, 2, 9, 0))
    return desk


def test_p08_monthly_statistics_figures(month_of_visits):
    from dutydesk.reports.ledgers.monthly_stats import month_figures

    desk = month_of_visits
    figures = month_figures(NOV, desk.calendar(), desk.today())
    assert figures.total == 3
    assert len(figures.completed) == 2
    assert figures.completion_rate == pytest.approx(2 / 3)
    assert figures.on_time_rate == pytest.approx(1 / 2)
    assert figures.overdue == 2  # completed late + open past its deadline at month end
    # done on the spot: 0 days; the late one: Tue 3 -> Mon 9 Nov = 4 working days
    assert figures.average_days(desk.calendar()) == pytest.approx(2.0)
    assert figures.satisfaction_rate == pytest.approx(0.0)


def test_v08_monthly_statistics_ledger_tables_comparison_and_charts(month_of_visits, tmp_path):
    desk = month_of_visits
    ledger = LEDGERS["monthly"].build(desk, NOV)
    headings = [t.heading for t in ledger.tables]
    assert any("按事项类别" in h for h in headings) and any("按来访方式" in h for h in headings)
    assert any("按处理方式" in h for h in headings) and any("服务事项" in h for h in headings)
    assert any("工作人员" in h for h in headings) and any("前10位" in h for h in headings)
    assert [c.kind for c in ledger.charts] == ["bar", "line"]
    line = ledger.charts[1]
    assert len(line.labels) == 12 and line.labels[-1] == "26年11月"
    assert line.series[0][1][-2:] == [1, 3]  # October 1, November 3 received
    write_ledger(ledger, tmp_path / "m.xlsx", "xlsx")
    rows = rows_of(tmp_path / "m.xlsx", "月度统计")
    key = {r[0]: r for r in rows if r[0]}
    assert key["受理总数（件）"][1:4] == ("3", "1", "+2")
    assert key["办结率"][1] == "66.7%"
    category = {r[0]: r for r in rows if r[0] in rules.CATEGORIES}
    assert category["求助"][1] == 1 and category["求助"][3] == 1  # this month, last month
    assert len(openpyxl.load_workbook(tmp_path / "m.xlsx")["图表"]._charts) == 2
    write_ledger(ledger, tmp_path / "m.pdf", "pdf")
    text = pdf_text(tmp_path / "m.pdf")
    assert "月度便民服务统计报表" in text and "近12个月受理与办结件数" in text and "按期办结率" in text
