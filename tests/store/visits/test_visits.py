"""The visit register: V01 registration, V02 first responder and referral, V04 deadlines,
V05 complaints followed up, V06 disputes and incidents, A03 corrections keep history."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.incident import IncidentReportDraft
from dutydesk.store.audit import history
from dutydesk.store.settings import set_setting
from dutydesk.store.visits.visit import (
    Visit,
    VisitFeedback,
    VisitInvalid,
    correct_visit,
    pending_proxy_visits,
    register_visit,
    void_visit,
)
from tests.store.conftest import draft


def test_v01_registration_records_who_what_how_result(desk, zhang):
    visit = register_visit(draft(resident_id=zhang.id, channel="来电"), desk.who, desk.now(), desk.calendar())
    visit = Visit.get_by_id(visit.id)
    assert (visit.person_name, visit.contact, visit.request, visit.outcome, visit.result) == (
        "张三", "13812345678", "咨询低保续办材料", "即办", "已告知所需材料")
    assert visit.resident_id == zhang.id
    assert visit.ref == f"2026-{visit.id:06d}"
    assert visit.created_by == "管理员"
    # Done on the spot: the answer given there is the feedback (V03), by phone for a call.
    assert visit.status == rules.FED_BACK
    [fb] = VisitFeedback.select().where(VisitFeedback.visit == visit)
    assert fb.method == "电话" and fb.content == "已告知所需材料"


def test_v01_missing_fields_are_reported_per_field(desk):
    with pytest.raises(VisitInvalid) as exc:
        register_visit(draft(person_name=" ", request="", contact="123", result=""),
                       desk.who, desk.now(), desk.calendar())
    assert set(exc.value.errors) == {"person_name", "request", "contact", "result"}
    assert Visit.select().count() == 0


def test_v02_first_responder_is_required(desk):
    with pytest.raises(VisitInvalid) as exc:
        register_visit(draft(responder_name=""), desk.who, desk.now(), desk.calendar())
    assert "responder_name" in exc.value.errors


def test_v02_out_of_scope_records_where_to_go(desk):
    visit = register_visit(
        draft(outcome="不属职责", result="", outside_unit="县不动产登记中心",
              outside_address="县府路8号", outside_phone="0571-63000000"),
        desk.who, desk.now(), desk.calendar())
    [fb] = visit.feedbacks
    assert "县不动产登记中心" in fb.content and "0571-63000000" in fb.content
    assert visit.status == rules.FED_BACK


def test_v04_transfer_gets_promised_deadline_in_working_days(desk):
    # Tue 24 Nov 2026 + 2 working days (review) = Thu 26 Nov.
    visit = register_visit(draft(outcome="转办", result="", transfer_to="镇民政办",
                                 transfer_contact="0571-63280000", deadline_kind="review"),
                           desk.who, desk.now(), desk.calendar())
    assert visit.deadline == dt.date(2026, 11, 26) and visit.deadline_days == 2
    assert visit.status == rules.IN_PROGRESS


def test_v04_deadline_days_follow_the_setting(desk):
    set_setting(rules.WRITTEN_DAYS, 5, dt.date(2026, 1, 1), "王书记", desk.now())
    visit = register_visit(draft(channel="来信", outcome="上报", result="", escalate_level="镇",
                                 deadline_kind="written"), desk.who, desk.now(), desk.calendar())
    assert visit.deadline_days == 5 and visit.deadline == dt.date(2026, 12, 1)


def test_v04_deadline_beyond_maximum_is_refused(desk):
    with pytest.raises(VisitInvalid) as exc:
        register_visit(draft(outcome="上报", result="", escalate_level="县", deadline_kind="special",
                             deadline_days=20), desk.who, desk.now(), desk.calendar())
    assert "15" in exc.value.errors["deadline_days"]


def test_v04_review_matter_promises_2_days_and_never_more_than_5(desk):
    """V04: 需审核 defaults to 2 working days; asking 6, or a review setting of 8, stays within 5."""
    cal = desk.calendar()
    with pytest.raises(VisitInvalid) as exc:
        register_visit(draft(outcome="上报", result="", escalate_level="镇", deadline_kind="review",
                             deadline_days=6), desk.who, desk.now(), cal)
    assert exc.value.errors["deadline_days"] == "需审核事项最长5个工作日办结"
    asked = register_visit(draft(outcome="上报", result="", escalate_level="镇", deadline_kind="review",
                                 deadline_days=5), desk.who, desk.now(), cal)
    assert asked.deadline == dt.date(2026, 12, 1)  # Tue 24 Nov + 5 working days
    set_setting(rules.REVIEW_DAYS, 8, dt.date(2026, 1, 1), "王书记", desk.now())
    capped = register_visit(draft(outcome="上报", result="", escalate_level="镇", deadline_kind="review"),
                            desk.who, desk.now(), cal)
    assert capped.deadline_days == 5 and capped.deadline == dt.date(2026, 12, 1)


def test_proxy_outcome_is_pending_for_the_proxy_flow(desk):
    visit = register_visit(draft(category="代办", outcome="代办", result="", deadline_kind="complex"),
                           desk.who, desk.now(), desk.calendar())
    assert visit.status == rules.PENDING
    assert [v.id for v in pending_proxy_visits()] == [visit.id]


def test_v06_dispute_needs_parties(desk):
    with pytest.raises(VisitInvalid) as exc:
        register_visit(draft(category="矛盾纠纷"), desk.who, desk.now(), desk.calendar())
    assert "dispute_parties" in exc.value.errors
    visit = register_visit(draft(category="矛盾纠纷", dispute_parties="张三与李四（宅基地边界）",
                                 mediation_result="调解成功"), desk.who, desk.now(), desk.calendar())
    assert visit.mediation_result == "调解成功"


def test_v06_incident_asks_when_and_to_whom_it_was_reported(desk):
    with pytest.raises(VisitInvalid) as exc:
        register_visit(draft(category="突发事件"), desk.who, desk.now(), desk.calendar())
    assert {"incident_occurred_at", "incident_committee_told", "incident_township_told"} <= set(exc.value.errors)
    reports = [IncidentReportDraft(r, "值班领导", "电话", desk.now()) for r in rules.INCIDENT_RECIPIENTS]
    visit = register_visit(draft(category="突发事件", incident_occurred_at=desk.now(), incident_reports=reports),
                           desk.who, desk.now(), desk.calendar())
    assert visit.incident_reported_to == "两委负责人、镇党委" and visit.incident_reported_at == desk.now()


def test_a03_correction_keeps_old_value_and_void_keeps_record(desk):
    visit = register_visit(draft(), desk.who, desk.now(), desk.calendar())
    with pytest.raises(ValueError):
        correct_visit(visit, desk.who, desk.now(), "", request="x")
    correct_visit(visit, "王书记", desk.now(), "群众补充说明", request="咨询低保年审材料")
    change = next(e for e in history(visit) if e.action == "update")
    assert (change.old_value, change.new_value, change.account) == (
        "咨询低保续办材料", "咨询低保年审材料", "王书记")
    void_visit(visit, desk.who, desk.now(), "重复登记")
    visit = Visit.get_by_id(visit.id)
    assert visit.void_reason == "重复登记" and Visit.select().count() == 1
