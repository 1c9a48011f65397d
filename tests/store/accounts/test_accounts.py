"""V09/A02: an account without a password or PIN approves nothing. ``accounts.can_approve`` is the
one rule, and every approval path (archive lookups, unmasked exports, leave) goes through it."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.retention import PRINCIPAL
from dutydesk.store.accounts.account import (
    Account,
    ApproverRefused,
    accounts_without_secret,
    approver_accounts,
    can_approve,
    set_principal,
    verify_approver,
)
from dutydesk.store.accounts.login import LoginAttempt, set_password
from dutydesk.store.archive.lookup_register import ApprovalRefused, approve, approvers, needs_password
from dutydesk.store.datafolder import DeskError
from dutydesk.store.duty.leave import LeaveInput, NotAllowed, approve_leave, request_leave
from dutydesk.store.privacy import ExportRefused, authorize_unmasked_export
from tests.duty_helpers import make_staff


def _acc(name: str) -> Account:
    return Account.get(Account.name == name)


def test_v09_can_approve_needs_a_director_with_a_password(desk):
    assert not can_approve(_acc("王书记"))  # director, no password
    assert not can_approve(_acc("管理员"))
    assert not can_approve(None)
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    set_password(_acc("李文书"), "2468", desk.who, desk.now())
    assert can_approve(_acc("王书记"))
    assert not can_approve(_acc("李文书"))  # a password, but an operator
    assert [a.name for a in approver_accounts()] == ["王书记"]
    assert [a.name for a in accounts_without_secret()] == ["管理员"]


def test_v09_verify_approver_refuses_an_empty_password_account_with_a_chinese_message(desk):
    with pytest.raises(ApproverRefused) as exc:
        verify_approver("王书记", "", desk.now())
    assert "王书记尚未设置密码，不能批准" in exc.value.errors["director"]
    assert isinstance(exc.value, DeskError)  # the command line prints it as one line
    assert not LoginAttempt.select().exists()


def test_v09_verify_approver_checks_the_password_and_logs_the_attempt(desk):
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    with pytest.raises(ApproverRefused) as exc:
        verify_approver("王书记", "0000", desk.now())
    assert "密码不正确" in exc.value.errors["password"]
    assert verify_approver("王书记", "1357", desk.now()).name == "王书记"
    assert [(a.ok, a.purpose) for a in LoginAttempt.select().order_by(LoginAttempt.id)] == [
        (False, "approve"), (True, "approve")]
    with pytest.raises(ApproverRefused) as exc:
        verify_approver("李文书", "", desk.now())
    assert "不是主任或书记" in exc.value.errors["director"]


def test_a02_passwordless_secretary_cannot_open_a_long_term_file(desk):
    """A02: choosing 王书记 with an empty password used to open a long-term file."""
    set_principal(_acc("王书记"), True, desk.who, desk.now())
    operator = _acc("李文书")
    assert approvers(PRINCIPAL) == []
    with pytest.raises(ApprovalRefused) as exc:
        approve(operator, "宅基地", "核对", desk.now(), director_name="王书记", password="", needed=PRINCIPAL)
    assert "没有设置了密码的主要领导" in exc.value.errors["director"]
    # logged in as the passwordless secretary: no self-approval either
    secretary = _acc("王书记")
    assert needs_password(secretary, desk.today(), PRINCIPAL)
    with pytest.raises(ApprovalRefused):
        approve(secretary, "宅基地", "核对", desk.now(), needed=PRINCIPAL)


def test_a02_a_passwordless_director_is_refused_by_name_when_another_can_approve(desk):
    set_password(_acc("管理员"), "9753", desk.who, desk.now())
    with pytest.raises(ApprovalRefused) as exc:
        approve(_acc("李文书"), "低保", "核对", desk.now(), director_name="王书记", password="")
    assert "王书记尚未设置密码" in exc.value.errors["director"]
    assert [a.name for a in approvers("director")] == ["管理员"]


def test_v09_unmasked_export_refused_for_passwordless_director(desk):
    with pytest.raises(ExportRefused) as exc:
        authorize_unmasked_export(_acc("王书记"), "来访登记簿", "存档", desk.now())
    assert "尚未设置密码" in exc.value.errors["director"]


def test_d07_leave_approval_refused_for_passwordless_director(desk):
    make_staff(desk)
    day = dt.date(2026, 11, 25)
    leave = request_leave(LeaveInput("王委员", day, day, "事假", "家中有事", "赵文书"), desk.who, desk.now())
    with pytest.raises(NotAllowed, match="王书记尚未设置密码"):
        approve_leave(leave, _acc("王书记"), desk.now())
    assert not leave.approved
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    assert approve_leave(leave, _acc("王书记"), desk.now()).approved_by == "王书记"
