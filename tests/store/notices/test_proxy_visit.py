"""A proxy case opened from a visit moves the visit along: accepted = a follow-up (V03), and the
days at the township waiting for approval stop the visit's deadline clock (V04)."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.proxy_case import StepKind, approval_wait_change
from dutydesk.store.notices import proxy_cases
from dutydesk.store.visits.visit import Visit, VisitFollowup, VisitPause
from dutydesk.store.visits.visit_progress import effective_deadline_of, open_pause, pauses_of
from tests.notice_helpers import new_case, proxy_visit, seed

SUBMIT = {"unit": "桃源镇便民服务中心", "date": dt.date(2026, 11, 25), "carrier": "李文书"}


def _at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, 0)


def test_v04_waiting_steps_are_the_ones_between_submitting_and_the_answer():
    assert approval_wait_change(StepKind.SUBMIT) == "start"
    assert {k for k in StepKind if approval_wait_change(k) == "end"} == {
        StepKind.APPROVE, StepKind.RETURN, StepKind.REFUSE}
    assert approval_wait_change(StepKind.NOTIFY) is None


def test_v03_accepting_a_proxy_case_is_a_follow_up_of_its_visit(desk):
    seed(desk)
    visit = proxy_visit(desk)
    assert visit.status == rules.PENDING
    case = new_case(desk, visit=visit)
    visit = Visit.get_by_id(visit.id)
    assert visit.status == rules.IN_PROGRESS
    followup = VisitFollowup.get(VisitFollowup.visit == visit)
    assert case.slip_no in followup.text and "李文书" in followup.text


def test_v04_time_at_the_township_does_not_count_against_the_visit_deadline(desk, clock):
    seed(desk)
    visit = proxy_visit(desk)  # 2026-11-24, needs review: 2 working days
    case = new_case(desk, visit=visit)
    before = effective_deadline_of(Visit.get_by_id(visit.id), desk.calendar(), dt.date(2026, 11, 24))
    proxy_cases.record_step(case, StepKind.SUBMIT, SUBMIT, "李文书", _at(25))
    pause = open_pause(Visit.get_by_id(visit.id))
    assert pause is not None and pause.cause == "approval" and pause.start == dt.date(2026, 11, 25)
    assert case.slip_no in pause.note
    proxy_cases.record_step(case, StepKind.APPROVE, {"result": "已参保"}, "李文书", _at(30))
    visit = Visit.get_by_id(visit.id)
    assert open_pause(visit) is None
    assert pauses_of(visit) == [rules.Pause(dt.date(2026, 11, 25), dt.date(2026, 11, 30))]
    after = effective_deadline_of(visit, desk.calendar(), dt.date(2026, 11, 30))
    assert after > before  # four working days (25th–27th, 30th) were spent waiting


def test_v04_returned_for_materials_ends_the_wait_and_resubmitting_starts_another(desk):
    seed(desk)
    visit = proxy_visit(desk)
    case = new_case(desk, visit=visit)
    proxy_cases.record_step(case, StepKind.SUBMIT, SUBMIT, "李文书", _at(25))
    proxy_cases.record_step(case, StepKind.RETURN, {"reason": "缺户口本", "missing": "户口本", "told": "电话"},
                            "李文书", _at(26))
    assert open_pause(Visit.get_by_id(visit.id)) is None
    proxy_cases.record_step(case, StepKind.SUBMIT, {**SUBMIT, "date": dt.date(2026, 11, 27)}, "李文书", _at(27))
    assert [(p.start, p.end) for p in pauses_of(Visit.get_by_id(visit.id))] == [
        (dt.date(2026, 11, 25), dt.date(2026, 11, 26)), (dt.date(2026, 11, 27), None)]


def test_v04_reversing_a_step_undoes_its_effect_on_the_visit_with_history(desk):
    seed(desk)
    visit = proxy_visit(desk)
    case = new_case(desk, visit=visit)
    proxy_cases.record_step(case, StepKind.SUBMIT, SUBMIT, "李文书", _at(25))
    proxy_cases.record_step(case, StepKind.APPROVE, {"result": "已参保"}, "李文书", _at(27))
    proxy_cases.reverse_last_step(case, "点错了，上级还没办结", "李文书", _at(27, 11))
    pause = open_pause(Visit.get_by_id(visit.id))
    assert pause is not None and pause.end is None  # waiting again
    proxy_cases.reverse_last_step(case, "其实还没送出", "李文书", _at(27, 12))
    assert open_pause(Visit.get_by_id(visit.id)) is None
    voided = VisitPause.get(VisitPause.visit == visit.id)
    assert voided.voided_at is not None and "其实还没送出" in voided.void_reason  # kept, not deleted (A03)
    assert pauses_of(Visit.get_by_id(visit.id)) == []


def test_case_without_a_visit_touches_no_visit(desk):
    seed(desk)
    case = new_case(desk)
    proxy_cases.record_step(case, StepKind.SUBMIT, SUBMIT, "李文书", _at(25))
    assert VisitPause.select().count() == 0 and VisitFollowup.select().count() == 0
