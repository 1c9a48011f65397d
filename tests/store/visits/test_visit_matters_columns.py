"""Open visits in the shared feeds, read as plain columns (issue 17): the same matters as working
them out from each full visit with ``visit_progress`` (V04 urgency and pauses, D09 handover)."""

from __future__ import annotations

import datetime as dt

from dutydesk.domain import visit_rules as rules
from dutydesk.store.visits import visit_progress as progress
from dutydesk.store.visits.visit import Visit, register_visit, void_visit
from dutydesk.store.visits.visit_feeds import _short, open_visits, visit_matters
from tests.store.conftest import draft

OPEN = dict(outcome="转办", result="", transfer_to="镇民政办", transfer_contact="0571-63280000",
            deadline_kind="review")


def _visit(desk, day: int, **changes) -> Visit:
    return register_visit(draft(received_at=dt.datetime(2026, 11, day, 9), **{**OPEN, **changes}),
                          desk.who, desk.now(), desk.calendar())


def _expected(visit: Visit, desk) -> tuple:
    calendar, today = desk.calendar(), desk.today()
    summary = f"{visit.person_name}｜{visit.category}｜{_short(visit.request)}"
    if visit.status == rules.DONE:
        return visit.ref, "待反馈：" + summary, visit.deadline, "ok", visit.id
    status = progress.urgency_of(visit, calendar, today)
    if status == rules.URGENCY_PAUSED:
        status, summary = "ok", "暂停计时：" + summary
    return visit.ref, summary, progress.effective_deadline_of(visit, calendar, today), status, visit.id


def test_v04_visit_matters_read_as_columns_match_the_full_visits(desk, clock):
    _visit(desk, 10, person_name="超期")  # overdue by the 24th
    _visit(desk, 19, person_name="将到期")
    paused = _visit(desk, 16, person_name="暂停")
    progress.start_pause(paused, next(iter(rules.PAUSE_CAUSES)), dt.date(2026, 11, 17), desk.who, desk.now())
    resumed = _visit(desk, 12, person_name="恢复")
    progress.start_pause(resumed, next(iter(rules.PAUSE_CAUSES)), dt.date(2026, 11, 13), desk.who, desk.now())
    progress.end_pause(resumed, dt.date(2026, 11, 18), desk.who, desk.now())
    done = _visit(desk, 20, person_name="已办")
    progress.complete(done, "已办好", desk.who, desk.now())
    _visit(desk, 23, request="身份证 330102199001011234 低保续办材料说明很长很长很长很长很长很长")
    void_visit(_visit(desk, 21), desk.who, desk.now(), "登记错了")
    register_visit(draft(), desk.who, desk.now(), desk.calendar())  # done on the spot: not open

    matters = visit_matters(desk.today(), desk.calendar())

    assert [(m.ref, m.summary, m.due, m.status, m.record_id) for m in matters] == [
        _expected(Visit.get_by_id(v.id), desk) for v in open_visits()]
    assert len(matters) == 6
    assert {m.status for m in matters} >= {"overdue", "due_soon", "ok"}
    assert any(m.summary.startswith("暂停计时：") for m in matters)
    assert any(m.summary.startswith("待反馈：") for m in matters)
    assert all("330102199001011234" not in m.summary for m in matters)  # V09
