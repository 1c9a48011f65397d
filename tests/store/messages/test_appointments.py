"""V14: a booking shows on its day, becomes a visit when the person comes, and is marked 未到 when
nobody came."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.store.messages import appointments as appts
from dutydesk.store.messages.appointments import AppointmentDraft, AppointmentInvalid
from dutydesk.store.visits.visit import VisitDraft, register_visit


def _book(desk, hours: float = 1, **changes):
    values = dict(slot_at=desk.now() + dt.timedelta(hours=hours), person_name="钱阿姨", service="办理高龄津贴",
                  contact="13912345678")
    values.update(changes)
    return appts.book(AppointmentDraft(**values), desk.who, desk.now())


def test_v14_booking_shows_on_its_day(desk):
    a = _book(desk)
    _book(desk, hours=24, person_name="孙大伯")
    assert [x.person_name for x in appts.appointments_on(desk.today())] == ["钱阿姨"]
    assert appts.line_text(a) == "10:00 钱阿姨｜办理高龄津贴｜已预约"
    with pytest.raises(AppointmentInvalid) as exc:
        _book(desk, hours=-2, person_name="", service="", booked_via="托梦")
    assert set(exc.value.errors) == {"slot_at", "person_name", "service", "booked_via"}


def test_v14_appointment_becomes_a_visit(desk, clock):
    a = _book(desk)
    clock.advance(hours=1)
    fields = appts.visit_fields_for(a)
    visit = register_visit(VisitDraft(category="政策咨询", responder_name="李文书", outcome="即办",
                                      result="已受理", **fields), desk.who, desk.now(), desk.calendar())
    done = appts.mark_arrived(a, visit, desk.who, desk.now())
    assert (done.state_label, done.visit_id, visit.person_name, visit.request) == (
        "已到场", visit.id, "钱阿姨", "办理高龄津贴")
    with pytest.raises(AppointmentInvalid, match="已到场"):
        appts.mark_missed(done, desk.who, desk.now())


def test_v14_missed_booking_is_marked_only_after_its_time(desk, clock):
    a = _book(desk)
    with pytest.raises(AppointmentInvalid, match="30分钟仍未到"):
        appts.mark_missed(a, desk.who, desk.now())
    clock.advance(hours=1, minutes=30)
    missed = appts.mark_missed(a, desk.who, desk.now())
    assert missed.state_label == "未到" and missed.marked_by == "管理员"
    assert appts.line_text(missed).endswith("未到")
