"""V02: the first responder defaults to who is signed in on duty now, else the logged-in account."""

from __future__ import annotations

import sys
import types

from dutydesk.store.visits.first_responder import default_responder


def test_v02_defaults_to_staff_on_duty(monkeypatch, clock):
    fake = types.ModuleType("dutydesk.store.duty.attendance")
    fake.on_duty_now = lambda now: ["赵委员", "李文书"]
    monkeypatch.setitem(sys.modules, "dutydesk.store.duty.attendance", fake)
    assert default_responder("管理员", clock.now()) == "赵委员"
    assert default_responder("李文书", clock.now()) == "李文书"


def test_v02_falls_back_to_logged_in_account(monkeypatch, clock):
    fake = types.ModuleType("dutydesk.store.duty.attendance")
    fake.on_duty_now = lambda now: []
    monkeypatch.setitem(sys.modules, "dutydesk.store.duty.attendance", fake)
    assert default_responder("管理员", clock.now()) == "管理员"
