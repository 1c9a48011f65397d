"""The demo names its party secretary principal leader, so permanent files open in the demo (A02)."""

from __future__ import annotations

from dutydesk.demo.archive_demo import index_step
from dutydesk.demo.generate import DemoPlan, center_step
from dutydesk.store.accounts.account import principal_leaders


def test_a02_demo_secretary_is_the_principal_leader(desk):
    plan = DemoPlan(desk, seed=1, days=3, scale=0.1)
    center_step(plan)
    index_step(plan)
    assert [a.name for a in principal_leaders()] == ["王书记"]
