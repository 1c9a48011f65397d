"""V04: a promised date in a year whose holidays are unknown is printed 待核实 on the slips."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.workday_calendar import official_years
from dutydesk.reports.notice_docs import render_receipt, render_slip
from dutydesk.reports.notice_records import slip_doc
from dutydesk.store.calendar_days import enter_day
from tests.conftest import TEST_CENTER
from tests.notice_helpers import new_case, proxy_visit, seed
from tests.reports.test_notice_docs import text_of

NEXT = max(official_years()) + 1


def test_v04_slip_and_receipt_mark_a_promised_date_in_an_unknown_year(desk, clock, tmp_path):
    seed(desk)
    clock.set(dt.datetime(NEXT - 1, 12, 28, 9, 0))  # a few working days run into the next year
    case = new_case(desk, visit=proxy_visit(desk))
    assert case.promised_date.year == NEXT
    doc = slip_doc(case, TEST_CENTER)
    assert doc.promised_unverified
    day = f"{NEXT}年{case.promised_date.month}月{case.promised_date.day}日"
    assert f"{day}（待核实）" in text_of(render_receipt(doc, tmp_path / "r.pdf"))
    assert f"{day}（待核实）" in text_of(render_slip(doc, tmp_path / "s.pdf"))

    enter_day(dt.date(NEXT, 1, 1), False, "元旦", desk.who, desk.now())  # the year is now known
    doc = slip_doc(case, TEST_CENTER)
    assert not doc.promised_unverified
    assert "待核实" not in text_of(render_receipt(doc, tmp_path / "r2.pdf"))


def test_v04_a_known_year_prints_no_mark(desk, tmp_path):
    seed(desk)
    case = new_case(desk, visit=proxy_visit(desk))  # 2026-11-24: due within 2026
    assert "待核实" not in text_of(render_receipt(slip_doc(case, TEST_CENTER), tmp_path / "r.pdf"))
