"""V06: incidents may name the police as a third recipient; a request spanning several offices or
without a clear basis is marked as asked of the leadership, with the steps told to the person."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.incident import IncidentReportDraft
from dutydesk.store.visits.incident_reports import report_major_matter, reports_of
from dutydesk.store.visits.leadership_requests import LeadershipRequestInvalid, ask_leadership, requests_of
from dutydesk.store.visits.visit import VisitInvalid, register_visit
from tests.store.conftest import draft

NOW = dt.datetime(2026, 11, 24, 9, 0)


def _reports(police: str = "", method: str = "电话") -> list[IncidentReportDraft]:
    reports = [IncidentReportDraft("两委负责人", "张书记", "电话", NOW),
               IncidentReportDraft("镇党委", "王主任", "电话", NOW)]
    if police:
        reports.append(IncidentReportDraft("公安派出所", police, method, NOW))
    return reports


def _incident(desk, reports):
    return register_visit(draft(category="突发事件", request="三组有人打架", result="已劝开",
                                incident_occurred_at=NOW - dt.timedelta(minutes=20), incident_reports=reports),
                          desk.who, desk.now(), desk.calendar())


def test_v06_police_is_an_optional_third_recipient(desk):
    without = _incident(desk, _reports())
    assert [x.report.recipient for x in reports_of(without)] == ["两委负责人", "镇党委"]
    with_police = _incident(desk, _reports("青石派出所刘警官"))
    assert [x.report.recipient for x in reports_of(with_police)] == ["两委负责人", "镇党委", "公安派出所"]
    assert with_police.incident_reported_to == "两委负责人、镇党委、公安派出所"
    with pytest.raises(VisitInvalid) as exc:
        _incident(desk, _reports("刘警官", method=""))
    assert exc.value.errors == {"incident_police_method": "请选择报告方式：电话 / 当面 / 书面 / 短信"}
    later = report_major_matter(with_police, "一人受伤送医", NOW, _reports("刘警官"), desk.who, desk.now())
    assert [r.recipient for r in later] == ["两委负责人", "镇党委", "公安派出所"]


def test_v06_request_marked_asked_of_leadership_with_steps_told(desk):
    visit = register_visit(draft(outcome="上报", escalate_level="镇", result="", deadline_kind="review",
                                 request="土地流转纠纷涉及多个部门"), desk.who, desk.now(), desk.calendar())
    with pytest.raises(LeadershipRequestInvalid) as exc:
        ask_leadership(visit, "隔壁", "不知道", " ", desk.who, desk.now())
    assert set(exc.value.errors) == {"asked_of", "reason", "steps_told"}
    row = ask_leadership(visit, "村两委领导", "涉及多个科室", "先到镇农业办登记，带土地承包合同", desk.who, desk.now())
    assert [r.id for r in requests_of(visit)] == [row.id]
    assert "已请示村两委领导（涉及多个科室）" in visit.followups.get().text
