"""Accounts of the people who use the app (not the same as staff on the roster).

Roles decide what an account may do: 值班员 operator, 主任 director (approves), 管理员 admin.
"""

from __future__ import annotations

import datetime as dt

from peewee import BooleanField, CharField, DateTimeField

from dutydesk.domain.labels import ACCOUNT_ROLES, label
from dutydesk.store import audit
from dutydesk.store.base import BaseModel

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
    name = name.strip()
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
