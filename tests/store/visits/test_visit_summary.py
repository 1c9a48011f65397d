"""V08: the periodic summary of requests and hot issues; V09: personal data masked in lists."""

from __future__ import annotations

import datetime as dt

from dutydesk.store.visits.resident_lookup import lookup
from dutydesk.store.visits.visit import register_visit, void_visit
from dutydesk.store.visits.visit_summary import visit_summary
from dutydesk.ui.visits.resident_lookup_box import describe
from tests.store.conftest import draft


def test_v08_summary_counts_and_hot_issues(desk):
    cal = desk.calendar()
    for _ in range(3):
        register_visit(draft(category="投诉举报", request="反映村道路灯不亮", result="已报修"),
                       desk.who, desk.now(), cal)
    register_visit(draft(channel="来电", outcome="转办", result="", transfer_to="镇民政办",
                         transfer_contact="0571-63280000", deadline_kind="review"), desk.who, desk.now(), cal)
    wrong = register_visit(draft(), desk.who, desk.now(), cal)
    void_visit(wrong, desk.who, desk.now(), "重复登记")
    register_visit(draft(received_at=dt.datetime(2026, 10, 30, 9, 0)), desk.who, desk.now(), cal)
    summary = visit_summary(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert summary.total == 4
    assert summary.by_category == {"投诉举报": 3, "政策咨询": 1}
    assert summary.by_channel == {"来访": 3, "来电": 1}
    assert (summary.answered, summary.still_open) == (3, 1)
    assert summary.hot_issues == [("投诉举报", "反映村道路灯不亮", 3)]
    text = summary.text()
    assert "共受理 4 件" in text and "反映村道路灯不亮（投诉举报，3 次）" in text


def test_v09_lookup_list_masks_the_id_number(desk, zhang):
    [match] = lookup("110105")
    shown = describe(match)
    assert "110105********002X" in shown
    assert "11010519491231002X" not in shown

