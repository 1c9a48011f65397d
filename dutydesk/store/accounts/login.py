"""Logging in: passwords, wrong-password lockout and the idle lock's settings.

The desk PC is shared, so each person logs in with their own account and every write records
who did it. Five wrong tries in a row lock the account for a while (settings), which makes
guessing a PIN at the desk impractical. Login attempts are kept (never deleted) as a record of
who tried to get in when.
"""

from __future__ import annotations

import datetime as dt

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField

from dutydesk.domain.settings import declare
from dutydesk.store.accounts.account import ROLES, Account
from dutydesk.store.audit import AuditEntry
from dutydesk.store.base import BaseModel, database
from dutydesk.store.settings import get_setting

MAX_FAILED = declare("accounts.max_failed_logins", 5, "连续输错密码几次后锁定账户")
LOCK_MINUTES = declare("accounts.lock_minutes", 15, "账户锁定时长（分钟）")
IDLE_LOCK_MINUTES = declare("accounts.idle_lock_minutes", 10, "无人操作多久后锁定窗口（分钟，0 为不锁定）")

HIDDEN = "（已隐藏）"


class LoginAttempt(BaseModel):
    account = ForeignKeyField(Account, backref="login_attempts")
    at = DateTimeField()
    ok = BooleanField()
    purpose = CharField(default="login")  # login / unlock / approve


class LoginError(ValueError):
    """A refused login, with the message to show under the password field."""


def accounts_for_login() -> list[Account]:
    return list(Account.select().where(Account.active == True).order_by(Account.id))  # noqa: E712


def login_required() -> bool:
    """The login dialog appears once any active account has a password; until then the desk opens
    as before (a new installation, or the tests' accounts, have none)."""
    return (
        Account.select()
        .where((Account.active == True) & Account.password_hash.is_null(False))  # noqa: E712
        .exists()
    )


def set_password(account: Account, password: str, who: str, at: dt.datetime) -> None:
    """Store a new password hash; the audit trail notes the change without the hash itself."""
    from dutydesk.domain.passwords import check_new_password, hash_password  # not at start (issue 17)

    check_new_password(password)
    with database.atomic():
        Account.update(password_hash=hash_password(password)).where(Account.id == account.id).execute()
        AuditEntry.create(
            at=at, account=who, table_name=Account._meta.table_name, record_id=account.id,
            action="update", field="password_hash", old_value=HIDDEN, new_value=HIDDEN,
        )
    account.password_hash = Account.get_by_id(account.id).password_hash


def set_role(account: Account, role: str, who: str, at: dt.datetime) -> Account:
    from dutydesk.store import audit

    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    return audit.update(account, who, at, role=role)


def locked_until(account: Account, now: dt.datetime) -> dt.datetime | None:
    """When the account unlocks again, or None if it is not locked now.

    Counted from the attempts themselves: the last ``max`` attempts all failed and the newest of
    them is within the lock period.
    """
    limit = int(get_setting(MAX_FAILED, now.date()))
    minutes = int(get_setting(LOCK_MINUTES, now.date()))
    recent = list(
        LoginAttempt.select()
        .where(LoginAttempt.account == account.id)
        .order_by(LoginAttempt.id.desc())
        .limit(limit)
    )
    if len(recent) < limit or any(a.ok for a in recent):
        return None
    until = recent[0].at + dt.timedelta(minutes=minutes)
    return until if until > now else None


def _record(account: Account, ok: bool, now: dt.datetime, purpose: str) -> None:
    LoginAttempt.create(account=account.id, at=now, ok=ok, purpose=purpose)


def check_password(account: Account, password: str, now: dt.datetime, purpose: str = "login") -> Account:
    """Verify a password (login, unlocking the window, a director approving on the spot).

    Raises LoginError with the Chinese message; every attempt is recorded and counts towards
    the lockout, whatever it was for.
    """
    account = Account.get_by_id(account.id)
    if not account.active:
        raise LoginError("该账户已停用")
    until = locked_until(account, now)
    if until is not None:
        raise LoginError(f"密码错误次数过多，账户已锁定，请于 {until:%H:%M} 后再试")
    if account.password_hash is None:
        # An account without a password may only be used while nobody has set one (fresh install).
        if login_required():
            raise LoginError("该账户尚未设置密码，请管理员先设置密码")
        _record(account, True, now, purpose)
        return account
    from dutydesk.domain.passwords import verify_password  # not on the start path (issue 17)

    ok = verify_password(password, account.password_hash)
    _record(account, ok, now, purpose)
    if ok:
        return account
    until = locked_until(account, now)
    if until is not None:
        raise LoginError(f"密码错误次数过多，账户已锁定，请于 {until:%H:%M} 后再试")
    limit = int(get_setting(MAX_FAILED, now.date()))
    failures = 0
    for attempt in LoginAttempt.select().where(LoginAttempt.account == account.id).order_by(
        LoginAttempt.id.desc()
    ).limit(limit):
        if attempt.ok:
            break
        failures += 1
    return_left = limit - failures
    raise LoginError(f"密码不正确，再错 {return_left} 次账户将被锁定")


def login(name: str, password: str, now: dt.datetime, purpose: str = "login") -> Account:
    account = Account.get_or_none((Account.name == name) & (Account.active == True))  # noqa: E712
    if account is None:
        raise LoginError("请选择账户")
    return check_password(account, password, now, purpose)


def idle_lock_minutes(on: dt.date) -> int:
    return int(get_setting(IDLE_LOCK_MINUTES, on))
