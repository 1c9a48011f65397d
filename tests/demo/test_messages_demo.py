"""The demo step for issue 18's visit side covers every point: messages (V10), letters (V13),
appointments (V14), a sent-up matter (V04), a leadership request and a police report (V06)."""

from __future__ import annotations

from dutydesk.demo.generate import DemoPlan
from dutydesk.demo.messages_demo import messages_step
from dutydesk.store.messages.appointments import Appointment, appointments_on
from dutydesk.store.messages.inquiry_letters import InquiryLetter
from dutydesk.store.messages.message import Message, undelivered
from dutydesk.store.open_matters import open_matters
from dutydesk.store.visits.incident_reports import IncidentReport
from dutydesk.store.visits.leadership_requests import LeadershipRequest
from dutydesk.store.visits.sent_up import SentUp


def test_demo_covers_messages_letters_appointments_sent_up_and_police(desk):
    messages_step(DemoPlan(desk, days=30, scale=0.2))
    assert Message.select().count() == 5 and len(undelivered()) == 2
    matters = open_matters(desk.today(), desk.calendar(), desk.now())
    assert sorted(m.status for m in matters if m.kind == "message") == ["ok", "overdue"]
    assert {x.state for x in InquiryLetter.select()} == {"sent", "checked", "registered"}
    assert len(appointments_on(desk.today())) == 3
    assert {a.state for a in Appointment.select()} >= {"booked", "arrived", "missed"}
    assert SentUp.select().count() == 1 and LeadershipRequest.select().count() == 1
    assert IncidentReport.select().where(IncidentReport.recipient == "公安派出所").count() == 1
