"""V04: a matter sent up for approval records the date it went up and the usual time the higher
level takes, tells the person, and pauses the deadline."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain import higher_approval
from dutydesk.store.visits import visit_progress
from dutydesk.store.visits.sent_up import SentUpInvalid, record_sent_up, sent_ups_of, told_text, usual_days_for
from dutydesk.store.visits.visit import register_visit
from tests.store.conftest import draft


def _escalated(desk):
    return register_visit(draft(outcome="上报", escalate_level="镇", result="", deadline_kind="review",
                                request="宅基地审批"), desk.who, desk.now(), desk.calendar())


def test_v04_sent_up_records_date_usual_time_and_telling(desk):
    visit = _escalated(desk)
    assert usual_days_for(visit, desk.today()) == higher_approval.USUAL_DAYS.default
    row = record_sent_up(visit, desk.today(), "镇", "镇自然资源所", 20, "电话", desk.who, desk.now(), desk.calendar())
    assert [r.id for r in sent_ups_of(visit)] == [row.id]
    assert (row.sent_on, row.usual_days, row.told_method, row.told_by) == (desk.today(), 20, "电话", "管理员")
    pause = visit_progress.open_pause(visit)
    assert pause is not None and pause.cause == "approval" and pause.start == desk.today()
    text = told_text(row, desk.calendar())
    assert "2026年11月24日报送镇镇自然资源所审批" in text and "通常需要20个工作日" in text
    assert visit.followups.count() == 1 and "已告知群众（电话）" in visit.followups.get().text


def test_v04_must_go_up_before_the_promise_runs_out(desk):
    visit = _escalated(desk)
    late = visit.deadline + dt.timedelta(days=1)
    with pytest.raises(SentUpInvalid) as exc:
        record_sent_up(visit, late, "乡", "", 0, "", desk.who, desk.now(), desk.calendar())
    assert set(exc.value.errors) == {"sent_on", "level", "usual_days", "told_method"}
    assert exc.value.errors["sent_on"] == "上报日期不能晚于今天"
    assert higher_approval.sent_up_errors(dt.date(2026, 11, 30), dt.date(2026, 11, 26), dt.date(2026, 12, 1),
                                          "镇", 20, "电话") == {"sent_on": "须在承诺期限（2026年11月26日）届满前上报"}


def test_v04_proxy_case_uses_the_items_time_limit_and_keeps_its_own_pause(desk):
    """V04: a proxy case sent to the township tells the person the item's own time limit; the wait
    already paused by the case is not paused twice."""
    from dutydesk.domain.proxy_case import StepKind
    from dutydesk.store.notices import proxy_cases
    from tests.notice_helpers import new_case, proxy_visit, seed, version

    seed(desk)
    visit = proxy_visit(desk)
    case = new_case(desk, visit=visit)
    proxy_cases.record_step(case, StepKind.SUBMIT, {"unit": "镇社保所", "date": desk.today(), "carrier": "李文书"},
                            desk.who, desk.now())
    pause = visit_progress.open_pause(visit)
    assert pause is not None
    assert usual_days_for(visit, desk.today()) == version("SB-01").item.time_limit_days
    record_sent_up(visit, desk.today(), "镇", "镇社保所", usual_days_for(visit, desk.today()), "当面",
                   desk.who, desk.now(), desk.calendar())
    assert visit_progress.open_pause(visit).id == pause.id
