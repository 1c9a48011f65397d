"""Roster board (D04) and Monday review (D13) as files (the tally is the 月度考勤统计表 ledger)."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from dutydesk.reports.roster_board import board_data, write_board_pdf
from dutydesk.reports.weekly_review import last_week, review_data, write_review_pdf
from dutydesk.store.duty.attendance import sign_in, sign_out
from tests.duty_helpers import count_after_cutoff_as_late, make_staff, put_on
from tests.reports.test_fonts import embedded_fonts

MONDAY = dt.date(2026, 11, 23)


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_d04_roster_board_lists_names_phones_sessions_duties_and_supervision_phone(desk, tmp_path):
    s = make_staff(desk)
    put_on(desk, MONDAY, "am", s["王委员"])
    put_on(desk, MONDAY, "pm", s["赵文书"])
    data = board_data(MONDAY, MONDAY + dt.timedelta(days=6), desk.calendar(), desk.now())
    assert data.rows[0][:4] == ["11月23日", "星期一", "王委员", "赵文书"]
    path = write_board_pdf(data, tmp_path / "board.pdf")
    text = pdf_text(path)
    for expected in ("青石村党群服务中心值班安排公示", "王委员", "13800000003", "两委委员职责", "0571-63285678",
                     "08:30-12:00"):
        assert expected in text, expected
    assert embedded_fonts(PdfReader(str(path)))  # the CJK font travels inside the file


def test_d13_monday_review_covers_last_week(desk, clock, tmp_path):
    s = make_staff(desk)
    count_after_cutoff_as_late(desk)
    put_on(desk, MONDAY, "am", s["王委员"])
    put_on(desk, MONDAY, "pm", s["赵文书"])
    sign_in(s["王委员"], "测试", dt.datetime(2026, 11, 23, 8, 50))
    sign_out(s["王委员"], "三组材料待补", "", "测试", dt.datetime(2026, 11, 23, 12, 0))
    clock.set(dt.datetime(2026, 11, 30, 9, 0))
    assert last_week(dt.date(2026, 11, 30)) == (MONDAY, dt.date(2026, 11, 29))
    data = review_data(dt.date(2026, 11, 30), desk.calendar(), desk.now())
    assert (data.sessions_scheduled, data.sessions_covered) == (2, 1)
    assert ["11-23", "上午", "王委员", "迟到（08:50签到）"] in data.faults
    assert ["11-23", "下午", "赵文书", "缺勤"] in data.faults
    assert data.handovers[0][1:3] == ["王委员", "三组材料待补"]
    text = pdf_text(write_review_pdf(data, tmp_path / "review.pdf"))
    assert "周例会值班情况回顾" in text and "迟到（08:50签到）" in text and "三组材料待补" in text



def test_d05_monday_review_names_a_sign_in_after_the_cutoff_as_absence(desk, clock):
    s = make_staff(desk)
    put_on(desk, MONDAY, "am", s["王委员"])
    sign_in(s["王委员"], "测试", dt.datetime(2026, 11, 23, 8, 50))
    data = review_data(dt.date(2026, 11, 30), desk.calendar(), dt.datetime(2026, 11, 30, 9, 0))
    assert ["11-23", "上午", "王委员", "缺勤（停签后08:50签到）"] in data.faults
    assert data.sessions_covered == 0
