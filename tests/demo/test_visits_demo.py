"""The visits demo step: residents and visits over plan.days, with open and closed matters."""

from __future__ import annotations

import datetime as dt

from dutydesk.demo.generate import DemoPlan
from dutydesk.demo.visits_demo import residents_step, visits_step
from dutydesk.domain import visit_rules as rules
from dutydesk.store.open_matters import open_matters
from dutydesk.store.visits.resident_lookup import lookup
from dutydesk.store.visits.residents import Resident
from dutydesk.store.visits.visit import Visit, VisitFeedback


def test_demo_visits_fill_the_register(desk):
    plan = DemoPlan(desk, days=30, scale=0.2)
    residents_step(plan)
    visits_step(plan)
    assert Resident.select().count() == 160
    visits = Visit.select()
    assert visits.count() > 100
    days = {v.received_at.date() for v in visits}
    assert desk.today() - dt.timedelta(days=30) <= min(days) < desk.today() - dt.timedelta(days=25)
    assert max(days) <= desk.today()
    fed_back = Visit.select().where(Visit.status == rules.FED_BACK).count()
    assert VisitFeedback.select().count() == fed_back > 0
    assert any(m.kind == "visit" for m in open_matters(desk.today(), desk.calendar()))
    someone = Resident.get_by_id(1)
    usual = someone.name_initials.split()[0]  # other readings follow the usual one
    assert lookup(usual)[0].resident.name_initials.startswith(usual)


def test_v08_demo_matters_take_working_days_so_monthly_figures_mean_something(desk):
    """Demo feedback comes on a working day after the visit, mostly within the deadline: the
    monthly statistics show a real average and an on-time rate below 100 %."""
    from dutydesk.reports.ledgers import Period
    from dutydesk.reports.ledgers.monthly_stats import month_figures

    plan = DemoPlan(desk, days=60, scale=0.5)
    residents_step(plan)
    visits_step(plan)
    figures = month_figures(Period.month(2026, 10), desk.calendar(), desk.today())
    assert figures.completed
    assert 0.5 < figures.average_days(desk.calendar()) < 10
    assert 0.7 < figures.on_time_rate < 1.0
