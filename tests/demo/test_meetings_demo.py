"""The rule books' duty-side demo step: meetings with attendance and minutes, 销假 on time, late and
not at all, and the 上传下达 register with notices still to relay (D17, D07, D18)."""

from __future__ import annotations

from dutydesk.demo.generate import DemoPlan, center_step
from dutydesk.domain import meeting_rules as rules
from dutydesk.store.duty.leave import LeaveRequest
from dutydesk.store.duty.leave_return import LeaveReturn, return_text
from dutydesk.store.duty.meetings import MeetingAttendance, MeetingSession, month_table
from dutydesk.store.duty.relay import RelayEntry
from dutydesk.store.open_matters import open_matters


def test_d17_d07_d18_meetings_demo_step_covers_every_point(desk):
    from dutydesk.demo.duty_demo import duty_step
    from dutydesk.demo.meetings_demo import meetings_step

    plan = DemoPlan(desk, days=40)
    center_step(plan)
    duty_step(plan)
    meetings_step(plan)
    sessions = MeetingSession.select()
    assert {s.kind for s in sessions} == {rules.STUDY, rules.REVIEW}
    assert MeetingAttendance.select().count() > 30
    assert any(s.minutes for s in sessions)
    today = desk.today()
    people, _detail = month_table(today.year, today.month, desk.now())
    assert sum(r.present for r in people) > 0
    texts = {return_text(lv, today, desk.calendar()) for lv in LeaveRequest.select()}
    assert "未销假" in texts and any(t.startswith("超假") for t in texts)
    assert LeaveReturn.select().count() == 2
    assert RelayEntry.select().where(RelayEntry.direction == "上报").count() >= 1
    assert [m.kind for m in open_matters(today, desk.calendar()) if m.kind == "relay"]


def test_meetings_demo_step_works_for_a_very_short_period(desk):
    from dutydesk.demo.duty_demo import duty_step
    from dutydesk.demo.meetings_demo import meetings_step

    plan = DemoPlan(desk, days=3)
    center_step(plan)
    duty_step(plan)
    meetings_step(plan)
    assert RelayEntry.select().count() >= 1
