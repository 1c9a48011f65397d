"""V06: an incident is reported to both the committee leaders and the township party committee
(who was told, when, how); a report more than 1 hour after the matter arose is flagged late; each
major matter is reported on its own."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain import incident
from dutydesk.domain.incident import IncidentReportDraft
from dutydesk.store.settings import set_setting
from dutydesk.store.visits.incident_reports import is_reported_late, report_major_matter, reports_of
from dutydesk.store.visits.visit import IncidentReport, Visit, VisitInvalid, register_visit
from tests.store.conftest import draft

NOW = dt.datetime(2026, 11, 24, 9, 0)


def both(committee_at: dt.datetime, township_at: dt.datetime) -> list[IncidentReportDraft]:
    return [IncidentReportDraft("两委负责人", "张书记", "电话", committee_at),
            IncidentReportDraft("镇党委", "镇党委值班室王主任", "电话", township_at)]


def incident_visit(desk, occurred: dt.datetime, reports: list[IncidentReportDraft]) -> Visit:
    return register_visit(draft(category="突发事件", request="三组山体滑坡，一户房屋受损", result="已组织疏散",
                                incident_occurred_at=occurred, incident_reports=reports),
                          desk.who, desk.now(), desk.calendar())


def test_v06_one_hour_default_pinned():
    assert incident.REPORT_HOURS.default == 1
    assert not incident.is_late(NOW, NOW + dt.timedelta(hours=1), 1)
    assert incident.is_late(NOW, NOW + dt.timedelta(hours=1, minutes=1), 1)


def test_v06_both_recipients_are_required_with_who_when_how(desk):
    only_township = [IncidentReportDraft("镇党委", "王主任", "电话", NOW)]
    with pytest.raises(VisitInvalid) as exc:
        incident_visit(desk, NOW - dt.timedelta(minutes=30), only_township)
    assert exc.value.errors == {
        "incident_committee_told": "突发事件须同时报告两委负责人和镇党委：请填写告知的两委负责人"}
    bad = [IncidentReportDraft("两委负责人", "张书记", "", NOW - dt.timedelta(hours=2)),
           IncidentReportDraft("镇党委", "王主任", "电话", NOW + dt.timedelta(minutes=5))]
    with pytest.raises(VisitInvalid) as exc:
        incident_visit(desk, NOW - dt.timedelta(hours=1), bad)
    assert exc.value.errors == {"incident_committee_method": "请选择报告方式：电话 / 当面 / 书面 / 短信",
                                "incident_committee_at": "报告时间不能早于事发时间",
                                "incident_township_at": "报告时间不能晚于现在"}
    assert Visit.select().count() == 0 and IncidentReport.select().count() == 0


def test_v06_reports_recorded_per_recipient_and_late_one_flagged(desk):
    occurred = NOW - dt.timedelta(hours=3)
    visit = incident_visit(desk, occurred, both(occurred + dt.timedelta(minutes=20), NOW))
    lines = reports_of(visit)
    assert [(x.report.recipient, x.report.told, x.report.method) for x in lines] == [
        ("两委负责人", "张书记", "电话"), ("镇党委", "镇党委值班室王主任", "电话")]
    assert [x.late for x in lines] == ["", "事发后超过1小时才报告，迟报"]
    assert is_reported_late(visit)
    assert Visit.get_by_id(visit.id).incident_occurred_at == occurred


def test_v06_late_hours_are_a_setting(desk):
    set_setting(incident.REPORT_HOURS, 4, dt.date(2026, 1, 1), "王书记", NOW)
    occurred = NOW - dt.timedelta(hours=3)
    visit = incident_visit(desk, occurred, both(NOW, NOW))
    assert not is_reported_late(visit)


def test_v06_each_major_matter_is_reported_on_its_own(desk):
    visit = incident_visit(desk, NOW - dt.timedelta(minutes=30), both(NOW, NOW))
    with pytest.raises(VisitInvalid) as exc:
        report_major_matter(visit, " ", NOW, both(NOW, NOW), desk.who, NOW)
    assert exc.value.errors == {"matter": "请填写要报告的重大事项（一事一报）"}
    with pytest.raises(VisitInvalid) as exc:
        report_major_matter(visit, "一人受伤送医", NOW, both(NOW, NOW)[1:], desk.who, NOW)
    assert "incident_committee_told" in exc.value.errors
    report_major_matter(visit, "一人受伤送医", NOW - dt.timedelta(minutes=10), both(NOW, NOW), desk.who, NOW)
    report_major_matter(visit, "县道中断", NOW - dt.timedelta(hours=2), both(NOW, NOW), desk.who, NOW)
    lines = reports_of(visit)
    assert [(x.report.matter, x.report.recipient) for x in lines] == [
        ("三组山体滑坡，一户房屋受损", "两委负责人"), ("三组山体滑坡，一户房屋受损", "镇党委"),
        ("一人受伤送医", "两委负责人"), ("一人受伤送医", "镇党委"), ("县道中断", "两委负责人"), ("县道中断", "镇党委")]
    assert [x.late for x in lines[-2:]] == ["事发后超过1小时才报告，迟报"] * 2


def test_v06_only_an_incident_takes_major_matters(desk):
    visit = register_visit(draft(), desk.who, desk.now(), desk.calendar())
    with pytest.raises(VisitInvalid) as exc:
        report_major_matter(visit, "某事", NOW, both(NOW, NOW), desk.who, NOW)
    assert exc.value.errors["matter"] == "只有登记为突发事件的记录才能逐件上报"
