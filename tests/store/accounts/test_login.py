"""Accounts: passwords are hashed, wrong passwords lock the account, every attempt is kept."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain.passwords import PasswordError, verify_password
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import (
    LoginAttempt,
    LoginError,
    locked_until,
    login,
    login_required,
    set_password,
)
from dutydesk.store.audit import AuditEntry


def _account(name: str) -> Account:
    return Account.get(Account.name == name)


def test_password_is_stored_as_salted_scrypt_hash(desk):
    set_password(_account("李文书"), "2468", desk.who, desk.now())
    stored = _account("李文书").password_hash
    assert stored.startswith("scrypt$") and "2468" not in stored
    assert verify_password("2468", stored)
    assert not verify_password("2469", stored)
    # the audit trail records that the password changed, never the hash
    entry = AuditEntry.get(AuditEntry.field == "password_hash")
    assert entry.old_value == entry.new_value == "（已隐藏）"


def test_short_password_is_refused(desk):
    with pytest.raises(PasswordError, match="至少4位"):
        set_password(_account("李文书"), "12", desk.who, desk.now())


def test_login_required_only_once_a_password_exists(desk):
    assert not login_required()
    assert login("李文书", "", desk.now()).name == "李文书"  # fresh install: no passwords yet
    set_password(_account("王书记"), "1234", desk.who, desk.now())
    assert login_required()
    with pytest.raises(LoginError, match="尚未设置密码"):
        login("李文书", "", desk.now())


def test_five_wrong_passwords_lock_the_account(desk, clock):
    set_password(_account("李文书"), "2468", desk.who, desk.now())
    for left in (4, 3, 2, 1):
        with pytest.raises(LoginError, match=f"再错 {left} 次"):
            login("李文书", "0000", clock.now())
    with pytest.raises(LoginError, match="已锁定"):
        login("李文书", "0000", clock.now())
    # even the right password is refused while locked
    with pytest.raises(LoginError, match="已锁定，请于 09:15 后再试"):
        login("李文书", "2468", clock.now())
    assert locked_until(_account("李文书"), clock.now()) == dt.datetime(2026, 11, 24, 9, 15)
    clock.advance(minutes=16)
    assert login("李文书", "2468", clock.now()).name == "李文书"
    assert LoginAttempt.select().where(LoginAttempt.ok == False).count() == 5  # noqa: E712


def test_a_good_login_resets_the_count(desk, clock):
    set_password(_account("李文书"), "2468", desk.who, desk.now())
    for _ in range(4):
        with pytest.raises(LoginError):
            login("李文书", "0000", clock.now())
    login("李文书", "2468", clock.now())
    with pytest.raises(LoginError, match="再错 4 次"):
        login("李文书", "0000", clock.now())


def test_inactive_account_cannot_log_in(desk):
    from dutydesk.store import audit

    audit.update(_account("李文书"), desk.who, desk.now(), active=False)
    with pytest.raises(LoginError):
        login("李文书", "", desk.now())
