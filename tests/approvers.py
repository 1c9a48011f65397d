"""Approvers for tests: an approval needs an account with a password (V09, A02,
``store.accounts.account.can_approve``), while the shared ``desk`` fixture's accounts have none."""

from __future__ import annotations

import datetime as dt

from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password

SECRET = "2468"


def approver(name: str = "王书记", password: str = SECRET) -> Account:
    """The account ``name`` with a password set (once), ready to approve."""
    account = Account.get(Account.name == name)
    if not account.password_hash:
        set_password(account, password, "测试", dt.datetime(2026, 1, 1, 8, 0))
    return Account.get_by_id(account.id)
