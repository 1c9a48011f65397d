"""Issue 16 point 5: 报送情况, return and approve, results for proxy slips, and what the readers
get (``township_books``), on SQLite and PostgreSQL. A03: decisions and results are append-only."""

from __future__ import annotations

import pytest

from dutydesk.store.datafolder import DeskError
from dutydesk.township.importing import import_bundles
from dutydesk.township.month_review import MonthReview, decide, decisions_since
from dutydesk.township.proxy_result import DONE, ProxyResult, proxy_results_since, record_result
from dutydesk.township.proxy_result import RETURNED as PROXY_RETURNED
from dutydesk.township.township_books import month_statuses, village_months, villages
from dutydesk.township.village_month import APPROVED, NOT_SUBMITTED, RETURNED, SUBMITTED
from tests.township.books.conftest import A, B, C


def yes(_question: str) -> bool:
    return True


@pytest.fixture
def october(township, hand_offs):
    import_bundles(township, hand_offs.of((A, "2026-10"), (B, "2026-10"), (C, "2026-10"), (A, "2026-11")), yes)
    return township


def test_every_registered_village_is_listed_and_a_month_without_bundle_is_not_submitted(october):
    november = {s.code: s for s in month_statuses("2026-11")}
    assert set(november) == {A, B, C}
    assert (november[A].status, november[B].status, november[C].status) == (SUBMITTED, NOT_SUBMITTED, NOT_SUBMITTED)
    assert november[A].submitted_at == october.now() and november[B].submitted_at is None
    empty = {m.code: m for m in village_months("2026-11")}[B]
    assert empty.status == NOT_SUBMITTED and empty.rows("visit") == ()
    assert [v.code for v in villages()] == [A, B, C]


def test_return_needs_a_reason_and_shows_as_returned_with_it(october):
    with pytest.raises(DeskError, match="原因"):
        decide(B, "2026-10", RETURNED, "  ", october.who, october.now())
    decide(B, "2026-10", RETURNED, "超期事项缺说明", october.who, october.now())
    line = {s.code: s for s in month_statuses("2026-10")}[B]
    assert (line.label, line.reasons, line.reviewed_by) == ("已退回", "超期事项缺说明", "管理员")
    assert {m.code: m.status for m in village_months("2026-10")}[B] == RETURNED


def test_approve_and_the_later_decision_counts(october):
    decide(C, "2026-10", RETURNED, "缺考勤", october.who, october.now())
    october.clock.advance(hours=1)
    decide(C, "2026-10", APPROVED, "", october.who, october.now())
    assert {s.code: s.label for s in month_statuses("2026-10")}[C] == "已审核"
    with pytest.raises(DeskError, match="已经是"):
        decide(C, "2026-10", APPROVED, "", october.who, october.now())


def test_a_month_not_handed_in_cannot_be_decided(october):
    with pytest.raises(DeskError, match="尚未报送"):
        decide(B, "2026-12", APPROVED, "", october.who, october.now())
    with pytest.raises(DeskError, match="没有登记"):
        decide("350425100299", "2026-10", APPROVED, "", october.who, october.now())


def test_a03_decisions_are_append_only_and_carried_since_an_id(october):
    first = decide(A, "2026-10", APPROVED, "", october.who, october.now())
    decide(B, "2026-10", RETURNED, "请补交十月考勤", october.who, october.now())
    assert [(d.code, d.label) for d in decisions_since()] == [(A, "已审核"), (B, "已退回")]
    assert [(d.code, d.reasons) for d in decisions_since(first.id)] == [(B, "请补交十月考勤")]
    with pytest.raises(Exception, match="只能追加"):
        MonthReview.update(reasons="改过").execute()


def test_proxy_result_for_an_imported_slip_is_recorded_and_carried(october, hand_offs):
    with pytest.raises(DeskError, match="没有代办单"):
        record_result(A, "DB2026-999999", DONE, "", october.who, october.now())
    with pytest.raises(DeskError, match="原因"):
        record_result(A, hand_offs.slip, PROXY_RETURNED, "", october.who, october.now())
    with pytest.raises(DeskError, match="没有代办单"):
        record_result(B, hand_offs.slip, DONE, "", october.who, october.now())  # another village's slip
    record_result(A, hand_offs.slip, DONE, "", october.who, october.now())
    with pytest.raises(DeskError, match="无需重复登记"):
        record_result(A, hand_offs.slip, DONE, "", october.who, october.now())
    [line] = proxy_results_since()
    assert (line.code, line.slip_no, line.label) == (A, hand_offs.slip, "已办结")
    assert proxy_results_since(line.id) == []
    with pytest.raises(Exception, match="只能追加"):
        ProxyResult.delete().execute()


def test_a_month_with_nothing_wrong_has_no_flags(october):
    flags = {s.code: s.flags for s in month_statuses("2026-10")}
    assert all(not any("超期偏多" in f for f in found) for found in flags.values())  # no visit has a deadline here
    assert flags[A] == []  # nothing late, nothing closed without feedback


def test_a_bad_month_is_said_in_chinese(october):
    with pytest.raises(ValueError, match="YYYY-MM"):
        month_statuses("2026-13")


def test_a_month_handed_in_again_after_a_return_is_up_for_review_again(october, hand_offs):
    decide(A, "2026-10", RETURNED, "请补充十月的回访", october.who, october.now())
    import_bundles(october, hand_offs.of((A, "2026-12"), (A, "2026-10 again")), yes)
    line = {s.code: s for s in month_statuses("2026-10")}[A]
    assert (line.status, line.bundles, line.reasons) == (SUBMITTED, 2, "")
    decide(A, "2026-10", APPROVED, "", october.who, october.now())
    assert {s.code: s.label for s in month_statuses("2026-10")}[A] == "已审核"
