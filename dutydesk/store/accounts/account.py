"""Accounts of the people who use the app (not the same as staff on the roster).

Roles decide what an account may do: 值班员 operator, 主任 director (approves), 管理员 admin.
"""

from __future__ import annotations

import datetime as dt

from peewee import BooleanField, CharField, DateTimeField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.labels import ACCOUNT_ROLES, label
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.base import BaseModel
from dutydesk.store.datafolder import DeskError

ROLES = ACCOUNT_ROLES


class Account(BaseModel):
    name = CharField(unique=True)
    role = CharField()
    password_hash = CharField(null=True)
    active = BooleanField(default=True)
    created_at = DateTimeField()
    # 主要领导 (A02): approves lookups of permanent and long-term files; set by the administrator.
    principal = BooleanField(default=False)

    @property
    def role_label(self) -> str:
        return label("account_role", self.role)

    @property
    def is_director(self) -> bool:
        """Directors approve; administrators may do everything a director may."""
        return self.role in ("director", "admin")

    @property
    def is_principal(self) -> bool:
        return bool(self.principal)


def create_account(name: str, role: str, who: str, at: dt.datetime) -> Account:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    name = normalize_text(name)  # a name typed with a zero-width space is the same account
    if not name:
        raise ValueError("请填写账户名")
    if Account.select().where(Account.name == name).exists():
        raise ValueError(f"账户“{name}”已存在")
    return audit.create(Account, who, at, name=name, role=role, created_at=at)


def first_admin() -> Account | None:
    return (
        Account.select()
        .where((Account.role == "admin") & (Account.active == True))  # noqa: E712
        .order_by(Account.id)
        .first()
    )


def set_principal(account: Account, principal: bool, who: str, at: dt.datetime) -> Account:
    """Name or un-name a principal leader (主要领导, A02); kept in the audit trail like a role."""
    return audit.update(account, who, at, principal=bool(principal))


def principal_leaders() -> list[Account]:
    return list(Account.select().where((Account.principal == True) & (Account.active == True))  # noqa: E712
                .order_by(Account.id))


# -- who may approve (lookups, unmasked exports, leave, signing in for someone else) ------------

NO_SECRET = "{name}尚未设置密码，不能批准：请管理员在“工具 → 账户与权限”中为其设置密码"


class ApproverRefused(FieldErrors, DeskError):
    """Why an approver was refused, per form field (``director`` / ``password``), in Chinese.

    A FieldErrors for forms and a DeskError for the command line (one line, exit 1).
    """


def has_secret(account: Account | None) -> bool:
    return bool(account is not None and account.password_hash)


def can_approve(account: Account | None) -> bool:
    """The one rule for every approval path: an active director (or administrator) who has a
    password or PIN. An approval stands for a person's word; an account anyone can choose without
    a secret proves nothing, so it approves nothing."""
    return bool(account is not None and account.active and account.is_director and has_secret(account))


def approval_refusal(account: Account | None) -> str | None:
    """Why ``account`` cannot approve (Chinese), or None when it can."""
    if account is None or not account.active:
        return "请选择批准人"
    if not account.is_director:
        return f"{account.name}不是主任或书记，不能批准"
    if not has_secret(account):
        return NO_SECRET.format(name=account.name)
    return None


def approver_accounts() -> list[Account]:
    """Active accounts that can approve, directors before administrators (approval lists)."""
    found = [a for a in Account.select().where(Account.active == True).order_by(Account.id)  # noqa: E712
             if can_approve(a)]
    return sorted(found, key=lambda a: (a.role != "director", a.id))


def accounts_without_secret() -> list[Account]:
    """Active accounts with no password or PIN (the accounts dialog warns about them)."""
    return list(Account.select().where((Account.active == True) & Account.password_hash.is_null())  # noqa: E712
                .order_by(Account.id))


def verify_approver(name: str, password: str, now: dt.datetime, purpose: str = "approve") -> Account:
    """The approver ``name`` after their password was typed on the spot, or ApproverRefused.

    The attempt is recorded and counts towards the wrong-password lockout, like a login.
    """
    from dutydesk.store.accounts.login import LoginError, check_password

    account = Account.get_or_none((Account.name == name.strip()) & (Account.active == True))  # noqa: E712
    refusal = approval_refusal(account)
    if refusal is not None:
        raise ApproverRefused({"director": refusal})
    assert account is not None
    try:
        return check_password(account, password, now, purpose=purpose)
    except LoginError as exc:
        raise ApproverRefused({"password": str(exc)}) from None
