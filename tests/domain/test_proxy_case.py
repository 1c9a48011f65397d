"""The proxy slip's steps (P02, P03, P05, P09): no skipping, no repeating, and the slip number."""

import datetime as dt

import pytest

from dutydesk.domain.proxy_case import (
    CaseRules,
    CaseState,
    StepError,
    StepKind,
    allowed_steps,
    due_status,
    format_slip_no,
    next_state,
    normalize_slip_no,
    replay,
    validate_step,
)

S = StepKind
FULL = [S.SUBMIT, S.APPROVE, S.FETCH, S.NOTIFY, S.COLLECT, S.CLOSE]


def test_p02_p03_full_path_from_accepted_to_closed():
    state = CaseState.ACCEPTED
    for kind in FULL:
        state = next_state(state, kind)
    assert state is CaseState.CLOSED
    assert replay([(k, False) for k in FULL]) is CaseState.CLOSED


def test_p03_returned_for_more_materials_is_resubmitted():
    kinds = [S.SUBMIT, S.RETURN, S.SUBMIT, S.APPROVE]
    assert replay([(k, False) for k in kinds]) is CaseState.APPROVED


def test_p03_refused_matter_is_still_explained_and_closed():
    kinds = [S.SUBMIT, S.REFUSE, S.NOTIFY, S.CLOSE]
    assert replay([(k, False) for k in kinds]) is CaseState.CLOSED


def test_p05_step_cannot_be_skipped():
    with pytest.raises(StepError, match="下一步应为“上级已办结”或“退回补件”或“不予办理”"):
        next_state(CaseState.SUBMITTED, S.NOTIFY)
    with pytest.raises(StepError, match="不能登记“群众领取”"):
        next_state(CaseState.ACCEPTED, S.COLLECT)


def test_p05_step_cannot_be_done_twice():
    with pytest.raises(StepError, match="已经登记过"):
        next_state(CaseState.SUBMITTED, S.SUBMIT)


def test_closed_case_takes_no_more_steps():
    assert allowed_steps(CaseState.CLOSED) == []
    with pytest.raises(StepError, match="已办结"):
        next_state(CaseState.CLOSED, S.NOTIFY)


def test_p09_item_with_public_notice_cannot_be_submitted_before_notice():
    rules = CaseRules(public_notice_days=7)
    assert allowed_steps(CaseState.ACCEPTED, rules) == [S.PUBLICIZE]
    with pytest.raises(StepError):
        next_state(CaseState.ACCEPTED, S.SUBMIT, rules)
    assert next_state(CaseState.ACCEPTED, S.PUBLICIZE, rules) is CaseState.PUBLICIZED
    assert allowed_steps(CaseState.PUBLICIZED, rules, objection=False) == [S.SUBMIT]


def test_p09_objection_stops_the_matter():
    rules = CaseRules(public_notice_days=7)
    assert allowed_steps(CaseState.PUBLICIZED, rules, objection=True) == [S.REFUSE]
    with pytest.raises(StepError):
        replay([(S.PUBLICIZE, True), (S.SUBMIT, False)], rules)


def test_p09_notice_period_must_be_long_enough_and_over():
    rules = CaseRules(public_notice_days=7)
    today = dt.date(2026, 11, 24)
    short = {"start": dt.date(2026, 11, 16), "end": dt.date(2026, 11, 20), "objection": False}
    assert "不少于7天" in validate_step(S.PUBLICIZE, short, rules, today)["end"]
    future = {"start": dt.date(2026, 11, 20), "end": dt.date(2026, 11, 27), "objection": False}
    assert "尚未结束" in validate_step(S.PUBLICIZE, future, rules, today)["end"]
    ok = {"start": dt.date(2026, 11, 14), "end": dt.date(2026, 11, 20), "objection": False}
    assert validate_step(S.PUBLICIZE, ok, rules, today) == {}


def test_step_details_are_required():
    today = dt.date(2026, 11, 24)
    errors = validate_step(S.SUBMIT, {"unit": " ", "date": today}, CaseRules(), today)
    assert errors == {"unit": "请填写送交单位", "carrier": "请填写送交人"}
    assert "通知方式" in validate_step(S.NOTIFY, {"method": "飞鸽", "at": "x"}, CaseRules(), today)["method"]
    assert set(validate_step(S.RETURN, {}, CaseRules(), today)) == {"reason", "missing", "told"}


def test_slip_number_format_and_scanner_input():
    assert format_slip_no("DB", 2026, 123) == "DB2026-000123"
    assert normalize_slip_no(" db2026-000123 ") == "DB2026-000123"
    assert normalize_slip_no("DB2026-123") is None


def test_due_status():
    today = dt.date(2026, 11, 24)
    assert due_status(dt.date(2026, 11, 23), today, -1, 1) == "overdue"
    assert due_status(dt.date(2026, 11, 25), today, 1, 1) == "due_soon"
    assert due_status(dt.date(2026, 11, 30), today, 4, 1) == "ok"
