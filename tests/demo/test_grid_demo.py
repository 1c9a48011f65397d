"""The grid demo step: areas, households from the demo residents, pairings, visits with some
cadres behind, needs in 来访登记 and a major diary entry overdue (G01-G05)."""

from __future__ import annotations

from dutydesk.demo.duty_demo import duty_step
from dutydesk.demo.generate import DemoPlan
from dutydesk.demo.grid_demo import grid_step
from dutydesk.demo.visits_demo import residents_step
from dutydesk.store.grid.area import Area
from dutydesk.store.grid.household import Household, HouseholdMember
from dutydesk.store.grid.household_visit import HouseholdVisit
from dutydesk.store.grid.pairing import Pairing
from dutydesk.store.grid.quota import board
from dutydesk.store.open_matters import open_matters
from dutydesk.store.visits.residents import Resident
from dutydesk.store.visits.visit import Visit


def test_g01_g05_demo_fills_the_grid(desk):
    plan = DemoPlan(desk, days=60, scale=0.1)
    duty_step(plan)
    residents_step(plan)
    grid_step(plan)
    assert Area.select().count() == 4 and all(a.partner_id for a in Area.select())
    assert HouseholdMember.select().count() == Resident.select().count()  # everyone in one household
    assert Household.select().where(Household.tags != "").count() > 0
    assert Pairing.select().count() >= 6
    days = {v.day for v in HouseholdVisit.select()}
    assert min(days) == plan.start and max(days) <= desk.today()
    assert Visit.select().where(Visit.channel == "入户走访").count() == 3
    statuses = {p.staff.name: p.status for p in board("month", desk.today(), desk.calendar())}
    assert statuses["李秀英"] != "ok" and statuses["刘梓涵"] == "far_behind"  # behind / not paired
    diary = [m for m in open_matters(desk.today(), desk.calendar()) if m.kind == "diary"]
    assert [m.status for m in diary].count("overdue") == 1 and len(diary) == 2


def test_g06_demo_has_the_months_spot_check_scored(desk):
    from dutydesk.domain.grid.spot_check import EXPOSED
    from dutydesk.store.grid.spot_check import month_key, results

    plan = DemoPlan(desk, days=60, scale=0.1)
    duty_step(plan)
    residents_step(plan)
    grid_step(plan)
    found = results(month_key(desk.today()))
    assert len(found) == Area.select().count()  # one cadre per area, all checked
    assert all(r.check.checker == "镇组织办 周干事" and r.households > 0 for r in found)
    assert any(r.rating == EXPOSED for r in found) and any(r.rate == 1.0 for r in found)
