"""The duty demo step: staff, a roster over the demo period, sign-ins with some faults."""

from __future__ import annotations

from dutydesk.demo.generate import DemoPlan, center_step
from dutydesk.store.duty.attendance import SignIn
from dutydesk.store.duty.handover import Handover
from dutydesk.store.duty.inspections import DutyFinding
from dutydesk.store.duty.leave import LeaveRequest
from dutydesk.store.duty.roster import RosterSlot
from dutydesk.store.duty.staff import Staff
from dutydesk.store.duty.tally import month_tally


def test_duty_demo_step_fills_every_part(desk):
    from dutydesk.demo.duty_demo import duty_step

    plan = DemoPlan(desk, days=20)
    center_step(plan)
    duty_step(plan)
    assert Staff.select().count() == 10
    assert RosterSlot.select().where(RosterSlot.voided_at.is_null()).count() >= 2 * 45
    assert SignIn.select().count() > 20
    assert Handover.select().count() > 10
    assert LeaveRequest.select().where(LeaveRequest.approved_at.is_null()).count() == 1
    assert LeaveRequest.select().where(LeaveRequest.approved_at.is_null(False)).count() == 2
    assert DutyFinding.select().count() >= 2
    rows = month_tally(desk.today().year, desk.today().month, desk.now())
    assert sum(r.worked for r in rows) > 0
    assert sum(r.late for r in rows) + sum(r.absent for r in rows) > 0


def test_duty_demo_step_works_for_a_very_short_period(desk):
    from dutydesk.demo.duty_demo import duty_step

    plan = DemoPlan(desk, days=3)
    center_step(plan)
    duty_step(plan)
    assert LeaveRequest.select().count() >= 1
