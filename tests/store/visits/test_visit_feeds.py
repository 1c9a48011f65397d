"""Visits in the shared feeds: open matters (D09 handover, 待跟进) and the duty log (D10)."""

from __future__ import annotations

import datetime as dt

from dutydesk.store.duty_log_feed import entries_for
from dutydesk.store.open_matters import open_matters
from dutydesk.store.visits.visit import register_visit
from tests.store.conftest import draft


def test_d10_day_visits_appear_in_duty_log(desk):
    register_visit(draft(), desk.who, desk.now(), desk.calendar())
    register_visit(draft(category="矛盾纠纷", dispute_parties="张三与李四", mediation_result="调解成功",
                         received_at=dt.datetime(2026, 11, 24, 10, 0)), desk.who, desk.now(), desk.calendar())
    entries = entries_for(dt.date(2026, 11, 24))
    assert [e.kind for e in entries] == ["来访", "纠纷"]
    assert "李文书" in entries[0].text and entries[0].result == "即办：已告知所需材料"
    assert entries_for(dt.date(2026, 11, 23)) == []


def test_open_matters_show_overdue_with_controlled_clock(desk, clock):
    visit = register_visit(draft(outcome="转办", result="", transfer_to="镇民政办",
                                 transfer_contact="0571-63280000", deadline_kind="review"),
                           desk.who, desk.now(), desk.calendar())
    register_visit(draft(), desk.who, desk.now(), desk.calendar())  # done now: not open
    [matter] = open_matters(desk.today(), desk.calendar())
    assert (matter.kind, matter.record_id, matter.status) == ("visit", visit.id, "ok")
    clock.set(dt.datetime(2026, 11, 27, 9, 0))
    assert open_matters(desk.today(), desk.calendar())[0].status == "overdue"


def test_d10_the_log_reads_times_deadlines_and_states_as_the_visit_has_them(desk):
    """Read as plain columns (issue 17), the duty log says what the visit's model says."""
    visit = register_visit(draft(outcome="转办", result="", transfer_to="镇民政办", transfer_contact="0571-63280000",
                                 deadline_kind="review", received_at=dt.datetime(2026, 11, 24, 8, 5, 7, 250)),
                           desk.who, desk.now(), desk.calendar())
    [entry] = entries_for(dt.date(2026, 11, 24))
    assert entry.at == visit.received_at == dt.datetime(2026, 11, 24, 8, 5, 7, 250)
    assert entry.result == f"转办镇民政办，承诺{visit.deadline:%m月%d日}前办结（{visit.status_label}）"
    assert entry.text == f"{visit.person_name}（{visit.category}）：{visit.request}；首问责任人{visit.responder_name}"
