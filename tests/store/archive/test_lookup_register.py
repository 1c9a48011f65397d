"""A02: opening archive records needs a reason and a director's approval; every lookup is in the
register with its approver, and the register cannot be edited."""

from __future__ import annotations

import pytest

from dutydesk.store import audit
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.store.archive.lookup_register import (
    APPROVAL_MODE,
    ApprovalRefused,
    LookupEntry,
    approve,
    record_lookup,
    register_page,
)
from dutydesk.store.search_index import search
from dutydesk.store.settings import set_setting
from dutydesk.store.visits.visit import register_visit
from tests.store.conftest import draft


def _acc(name: str) -> Account:
    return Account.get(Account.name == name)


@pytest.fixture
def hit(desk):
    register_visit(draft(), desk.who, desk.now(), desk.calendar())
    [found] = search("低保")
    return found


def test_a02_operator_needs_director_password(desk, hit):
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    operator = _acc("李文书")
    with pytest.raises(ApprovalRefused) as exc:
        approve(operator, "低保", "", desk.now())
    assert set(exc.value.errors) == {"reason", "director"}
    with pytest.raises(ApprovalRefused) as exc:
        approve(operator, "低保", "核对低保续办", desk.now(), director_name="王书记", password="0000")
    assert "密码不正确" in exc.value.errors["password"]
    with pytest.raises(ApprovalRefused) as exc:  # an operator cannot approve
        approve(operator, "低保", "核对低保续办", desk.now(), director_name="李文书", password="")
    assert "director" in exc.value.errors
    approval = approve(operator, "低保", "核对低保续办", desk.now(), director_name="王书记", password="1357")
    entry = record_lookup(approval, hit, desk.now())
    assert (entry.opened_by, entry.approved_by, entry.approval, entry.reason, entry.query, entry.title) == (
        "李文书", "王书记", "password", "核对低保续办", "低保", hit.title)


def test_a02_logged_in_director_approves_by_themselves(desk, hit):
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    approval = approve(_acc("王书记"), "低保", "年终核查", desk.now())
    assert (approval.approved_by, approval.method) == ("王书记", "logged_in")


def test_a02_mode_logged_in_refuses_operators(desk, hit):
    set_setting(APPROVAL_MODE, "logged_in", desk.today(), desk.who, desk.now())
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    with pytest.raises(ApprovalRefused, match="主任登录后"):
        approve(_acc("李文书"), "低保", "核对", desk.now(), director_name="王书记", password="1357")


def test_a02_mode_password_asks_even_a_logged_in_director(desk, hit):
    set_setting(APPROVAL_MODE, "password", desk.today(), desk.who, desk.now())
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    with pytest.raises(ApprovalRefused):
        approve(_acc("王书记"), "低保", "核对", desk.now())
    assert approve(_acc("王书记"), "低保", "核对", desk.now(), "王书记", "1357").method == "password"


def test_a02_register_cannot_be_edited_or_voided(desk, hit):
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    entry = record_lookup(approve(_acc("王书记"), "低保", "核对", desk.now()), hit, desk.now())
    with pytest.raises(audit.RecordLocked):
        audit.update(entry, "王书记", desk.now(), reason="x", title="改过的标题")
    with pytest.raises(audit.RecordLocked):
        audit.void(entry, "王书记", desk.now(), "删掉")
    assert LookupEntry.get_by_id(entry.id).reason == "核对"
    assert [e.id for e in register_page(0, 10)] == [entry.id]


def test_approval_covers_the_same_query_for_a_while(desk, clock, hit):
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    approval = approve(_acc("王书记"), "低保", "核对", clock.now())
    assert approval.covers(_acc("王书记"), "低保", clock.now(), 30)
    assert not approval.covers(_acc("王书记"), "宅基地", clock.now(), 30)
    assert not approval.covers(_acc("李文书"), "低保", clock.now(), 30)
    clock.advance(minutes=31)
    assert not approval.covers(_acc("王书记"), "低保", clock.now(), 30)
