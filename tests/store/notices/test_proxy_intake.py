"""A 代办 in one pass, in the books: the suggested item, the default agent and one promised date."""

from __future__ import annotations

import datetime as dt
import sys
import types

from dutydesk.store import audit
from dutydesk.store.duty.staff import StaffInput, add_staff
from dutydesk.store.notices import proxy_intake
from dutydesk.store.visits.visit import Visit
from tests.notice_helpers import new_case, proxy_visit, seed


def on_duty(monkeypatch, names: list[str]) -> None:
    fake = types.ModuleType("dutydesk.store.duty.attendance")
    fake.on_duty_now = lambda now: names
    monkeypatch.setitem(sys.modules, "dutydesk.store.duty.attendance", fake)


def test_n01_a_visit_suggests_the_item_its_request_names(desk):
    seed(desk)
    visit = proxy_visit(desk, request="办低保")
    assert proxy_intake.suggested_version(visit).code == "SJ-01"
    assert proxy_intake.suggested_version(proxy_visit(desk, request="dbao")).code == "SJ-01"
    assert proxy_intake.suggested_version(proxy_visit(desk, request="问一下天气")) is None


def test_p05_agent_defaults_to_the_first_responder(desk, monkeypatch):
    on_duty(monkeypatch, ["赵委员"])
    assert proxy_intake.default_agent("李文书", "管理员", desk.now()) == "李文书"


def test_p05_agent_is_never_the_administrator_account(desk, monkeypatch):
    on_duty(monkeypatch, ["赵委员"])
    assert proxy_intake.default_agent("管理员", "管理员", desk.now()) == "赵委员"
    on_duty(monkeypatch, [])
    assert proxy_intake.default_agent("管理员", "李文书", desk.now()) == "李文书"
    assert proxy_intake.default_agent("管理员", "管理员", desk.now()) == ""


def test_p05_a_staff_member_named_like_an_account_is_a_person(desk, monkeypatch):
    on_duty(monkeypatch, [])
    add_staff(StaffInput("王书记", "书记", "13900000001", active_from=dt.date(2026, 1, 1)), desk.who, desk.now())
    assert proxy_intake.default_agent("王书记", "管理员", desk.now()) == "王书记"


def test_v04_accepting_the_case_gives_the_visit_the_slips_promised_date_with_history(desk):
    seed(desk)
    visit = proxy_visit(desk, request="办低保")  # needs review: 2 working days -> 11-26
    assert visit.deadline == dt.date(2026, 11, 26)
    case = new_case(desk, code="SJ-01", visit=visit)  # 15 working days
    visit = Visit.get_by_id(visit.id)
    assert case.promised_date == dt.date(2026, 12, 15)
    assert visit.deadline == case.promised_date and visit.deadline_days == 15
    changed = [e for e in audit.history(visit) if e.field == "deadline"]
    assert [(e.old_value, e.new_value) for e in changed] == [("2026-11-26", "2026-12-15")]
    assert case.slip_no in changed[0].reason
