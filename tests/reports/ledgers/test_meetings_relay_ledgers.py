"""会议学习考勤表 and 上传下达登记簿 over the real books, in both formats (D17, D07, D18, V09)."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain import meeting_rules as rules
from dutydesk.reports.ledger import write_ledger
from dutydesk.reports.ledgers import LEDGERS, Period
from dutydesk.store.duty.leave import LeaveInput, approve_leave, request_leave
from dutydesk.store.duty.meetings import add_session, record_minutes, sign_meeting
from dutydesk.store.duty.relay import DOWN, UP, RelayDraft, mark_relayed, record_entry
from tests.approvers import approver
from tests.duty_helpers import make_staff
from tests.reports.ledgers.test_declarations import data_rows, pdf_text, rows_of

NOV = Period.month(2026, 11)


def at(day: int, h: int = 9, m: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, h, m)


def test_d17_d07_meeting_table_in_both_formats(desk, tmp_path):
    s = make_staff(desk)
    session = add_session(rules.STUDY, dt.date(2026, 11, 16), "14:30", "学习党章", "测试", at(1))
    leave = request_leave(LeaveInput("李主任", dt.date(2026, 11, 16), dt.date(2026, 11, 16), "病假", "住院",
                                     "周协管"), "测试", at(13))
    approve_leave(leave, approver("王书记"), at(13, 10))
    sign_meeting(session, s["张书记"], "李文书", at(16, 14, 25))
    record_minutes(session, "张书记", "学习党章第三章", "李文书", at(16, 16))
    desk.clock.set(at(30, 18))
    ledger = LEDGERS["meetings"].make(desk, NOV)
    write_ledger(ledger, tmp_path / "m.xlsx", "xlsx")
    people = {r[0]: r for r in data_rows(tmp_path / "m.xlsx", "会议学习考勤", "姓名")}
    assert people["张书记"][2:6] == (1, 1, 0, 0)
    assert people["李主任"][2:6] == (1, 0, 1, 0)
    assert people["王委员"][2:6] == (1, 0, 0, 1)
    sessions = data_rows(tmp_path / "m.xlsx", "会议学习考勤", "日期")
    assert len(sessions) == 1 and sessions[0][2:5] == ("集中学习", "学习党章", "张书记")
    assert sessions[0][5] == "张书记" and sessions[0][6] == "李主任（病假）"
    assert "王委员" in sessions[0][7] and sessions[0][8] == "已记录"
    write_ledger(ledger, tmp_path / "m.pdf", "pdf")
    text = pdf_text(tmp_path / "m.pdf")
    assert "会议学习考勤表" in text and "李主任（病假）" in text and "D17" not in text


def test_d18_relay_register_in_both_formats_with_numbers_masked(desk, tmp_path):
    entry = record_entry(RelayDraft(DOWN, dt.date(2026, 11, 20), "桃源镇党政办", "关于冬季防火检查的通知",
                                    "联系人王干事 13812345678"), "李文书", at(20, 10))
    mark_relayed(entry, "各村民小组长", "微信群", "李文书", at(20, 11))
    record_entry(RelayDraft(DOWN, dt.date(2026, 11, 23), "桃源镇民政办", "医保缴费通知"), "李文书", at(23, 10))
    record_entry(RelayDraft(UP, dt.date(2026, 11, 23), "桃源镇民政办", "报送低保名单"), "李文书", at(23, 15))
    record_entry(RelayDraft(DOWN, dt.date(2026, 10, 30), "桃源镇党政办", "十月的通知"), "李文书", at(23, 16))
    ledger = LEDGERS["relay"].make(desk, NOV)
    write_ledger(ledger, tmp_path / "r.xlsx", "xlsx")
    rows = data_rows(tmp_path / "r.xlsx", "上传下达", "日期")
    assert [(r[1], r[3]) for r in rows] == [("收到上级通知", "关于冬季防火检查的通知"),
                                            ("收到上级通知", "医保缴费通知"), ("向上级报送", "报送低保名单")]
    assert rows[0][4] == "联系人王干事 138****5678"  # V09
    assert rows[0][5:8] == ("各村民小组长", dt.datetime(2026, 11, 20, 11, 0), "微信群")
    assert rows[1][5] == "（未传达）"
    assert any("尚未传达1件" in str(r[0]) for r in rows_of(tmp_path / "r.xlsx", "上传下达") if r[0])
    write_ledger(ledger, tmp_path / "r.pdf", "pdf")
    text = pdf_text(tmp_path / "r.pdf")
    assert "上传下达登记簿" in text and "关于冬季防火检查的通知" in text and "13812345678" not in text


def test_d17_d18_usb_hand_off_carries_both_new_ledgers(desk, tmp_path):
    from dutydesk.reports.handoff import hand_off, verify_folder

    make_staff(desk)
    add_session(rules.STUDY, dt.date(2026, 11, 16), "14:30", "", "测试", at(1))
    record_entry(RelayDraft(DOWN, dt.date(2026, 11, 20), "桃源镇党政办", "防火通知"), "李文书", at(20, 10))
    stick = tmp_path / "stick"
    stick.mkdir()
    result = hand_off(desk, stick, NOV, [("meetings", "xlsx"), ("meetings", "pdf"), ("relay", "xlsx"),
                                         ("relay", "pdf")])
    center = "青石村党群服务中心"
    assert [f["name"] for f in result.files] == [
        f"{center}会议学习考勤表_2026-11.xlsx", f"{center}会议学习考勤表_2026-11.pdf",
        f"{center}上传下达登记簿_2026-11.xlsx", f"{center}上传下达登记簿_2026-11.pdf"]
    assert verify_folder(result.folder) == []


def test_a04_the_years_minutes_are_filed_with_the_year_archive(desk, tmp_path):
    from dutydesk.reports.meeting_minutes import minutes_ledger
    from dutydesk.reports.year_archive import YEARLY_LEDGERS
    from dutydesk.store.duty.review_meeting import record_meeting

    s = make_staff(desk)
    assert minutes_ledger in YEARLY_LEDGERS
    assert minutes_ledger(desk, 2026) is None  # nothing held: no empty file
    study = add_session(rules.STUDY, dt.date(2026, 11, 16), "14:30", "学习党章", "测试", at(1))
    review = add_session(rules.REVIEW, dt.date(2026, 11, 23), "08:30", "", "测试", at(1))
    sign_meeting(study, s["王委员"], "李文书", at(16, 14, 20))
    sign_meeting(review, s["张书记"], "李文书", at(23, 8, 20))
    record_minutes(study, "张书记", "学习党章第三章，联系人13812345678", "李文书", at(16, 16))
    record_meeting(dt.date(2026, 11, 23), "张书记", "张书记", "回顾上周值班", "李文书", at(23, 10))
    write_ledger(minutes_ledger(desk, 2026), tmp_path / "y.xlsx", "xlsx")
    rows = data_rows(tmp_path / "y.xlsx", "会议学习记录", "日期")
    assert [(r[2], r[4], r[5], r[6]) for r in rows] == [
        ("集中学习", "张书记", "王委员", "学习党章第三章，联系人13812345678"),
        ("周例会", "张书记", "张书记", "回顾上周值班")]


def test_d07_duty_tally_ledger_says_why_an_absence_after_leave(desk, tmp_path):
    from dutydesk.reports.ledgers.attendance_tally import COLUMNS
    from dutydesk.store.duty.leave_return import report_back
    from tests.duty_helpers import put_on

    s = make_staff(desk)
    late = request_leave(LeaveInput("孙干部", dt.date(2026, 11, 9), dt.date(2026, 11, 13), "事假", "探亲", "周协管"),
                         "测试", at(6))
    approve_leave(late, approver("王书记"), at(6, 10))
    gone = request_leave(LeaveInput("钱村官", dt.date(2026, 11, 2), dt.date(2026, 11, 6), "病假", "住院", "周协管"),
                         "测试", at(1))
    approve_leave(gone, approver("王书记"), at(1, 10))
    put_on(desk, dt.date(2026, 11, 16), "am", s["孙干部"])
    put_on(desk, dt.date(2026, 11, 17), "am", s["钱村官"])
    report_back(late, dt.date(2026, 11, 18), "", "李文书", at(18, 8))
    desk.clock.set(at(30, 18))
    write_ledger(LEDGERS["attendance"].make(desk, NOV), tmp_path / "a.xlsx", "xlsx")
    rows = {r[0]: r for r in data_rows(tmp_path / "a.xlsx", "考勤统计", "姓名")}
    col = {c.header: i for i, c in enumerate(COLUMNS)}
    assert [rows["孙干部"][col[h]] for h in ("缺勤", "超假", "未销假")] == [1, 1, 0]
    assert [rows["钱村官"][col[h]] for h in ("缺勤", "超假", "未销假")] == [1, 0, 1]
