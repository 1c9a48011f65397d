"""Who is signing in (签到必须本人, D05; seed 004): each staff member's own sign-in PIN, and the
principal leader's password that authorises signing in for someone else (代签).

Staff on the roster need not have an app account, so the PIN is kept per staff member (only its
slow, salted hash, ``domain.passwords``). Every check goes through ``verify_identity``, so an
ID-card reader can replace the PIN later in one place. As with logging in, the PIN is required
once any staff member has one; a new installation signs in as before until PINs are handed out.
"""

from __future__ import annotations

import datetime as dt

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField

from dutydesk.store import audit
from dutydesk.store.accounts.account import Account, principal_leaders
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel, database
from dutydesk.store.duty.staff import Staff
from dutydesk.store.settings import get_setting

HIDDEN = "（已隐藏）"


class StaffPin(BaseModel, VoidableMixin):
    """One staff member's sign-in PIN; a new PIN voids the old row (kept, with who changed it)."""

    staff = ForeignKeyField(Staff)
    pin_hash = CharField()
    set_at = DateTimeField()
    set_by = CharField()


class SignInAttempt(BaseModel):
    """Every PIN tried at the desk, kept: wrong tries in a row lock that person's PIN for a while
    (the login's own settings: 连续输错次数 and 锁定时长), so a 4-digit PIN cannot be guessed there."""

    staff = ForeignKeyField(Staff)
    at = DateTimeField()
    ok = BooleanField()


class IdentityRefused(ValueError):
    """The PIN or the authorisation was not accepted; ``field`` names the input to mark."""

    def __init__(self, message: str, field: str = "pin") -> None:
        super().__init__(message)
        self.field = field


def _live_pin(staff: Staff) -> StaffPin | None:
    return (StaffPin.select().where((StaffPin.staff == staff) & StaffPin.voided_at.is_null())
            .order_by(StaffPin.id.desc()).first())


def has_pin(staff: Staff) -> bool:
    return _live_pin(staff) is not None


def pins_in_use() -> bool:
    """Once any staff member has a PIN, everyone must sign in with their own."""
    return StaffPin.select().where(StaffPin.voided_at.is_null()).exists()


def set_pin(staff: Staff, pin: str, account: Account | None, at: dt.datetime, old_pin: str = "") -> StaffPin:
    """Give ``staff`` a new sign-in PIN. A director or administrator sets it (the person types it
    in front of them); otherwise the person's current PIN is needed. The hash never enters the
    audit trail's values."""
    from dutydesk.domain.passwords import PasswordError, check_new_password, hash_password, verify_password

    current = _live_pin(staff)
    is_director = account is not None and account.is_director
    if not is_director and (current is None or not verify_password(old_pin, current.pin_hash)):
        raise IdentityRefused("须由主任或书记登录后设置，或输入原签到密码", "old_pin")
    try:
        check_new_password(pin)
    except PasswordError as exc:
        raise IdentityRefused(str(exc), "pin") from None
    who = account.name if account is not None else staff.name
    with database.atomic():
        if current is not None:
            audit.void(current, who, at, "更换签到密码")
        return audit.create(StaffPin, who, at, staff=staff, pin_hash=hash_password(pin), set_at=at, set_by=who)


def pin_locked_until(staff: Staff, now: dt.datetime) -> dt.datetime | None:
    """When ``staff`` may try their PIN again, or None: the last tries all failed, the newest
    within the lock period."""
    from dutydesk.store.accounts.login import LOCK_MINUTES, MAX_FAILED

    limit = int(get_setting(MAX_FAILED, now.date()))
    recent = list(SignInAttempt.select().where(SignInAttempt.staff == staff)
                  .order_by(SignInAttempt.id.desc()).limit(limit))
    if len(recent) < limit or any(a.ok for a in recent):
        return None
    until = recent[0].at + dt.timedelta(minutes=int(get_setting(LOCK_MINUTES, now.date())))
    return until if until > now else None


def verify_identity(staff: Staff, pin: str | None, now: dt.datetime) -> str:
    """D05: check that ``staff`` is the person signing in; return how (``"pin"`` or ``""`` while no
    PINs are in use). The one place an ID-card reader would plug in."""
    row = _live_pin(staff)
    if row is None:
        if pins_in_use():
            raise IdentityRefused(f"{staff.name}尚未设置签到密码，请主任先为其设置，或由主要领导授权代签")
        return ""
    if not pin:
        raise IdentityRefused("请输入本人签到密码（签到必须本人）")
    until = pin_locked_until(staff, now)
    if until is not None:
        raise IdentityRefused(f"签到密码输错次数过多，请于 {until:%H:%M} 后再试，或由主要领导授权代签")
    from dutydesk.domain.passwords import verify_password  # hmac, secrets: not on the start path (issue 17)

    ok = verify_password(pin, row.pin_hash)
    SignInAttempt.create(staff=staff, at=now, ok=ok)
    if not ok:
        raise IdentityRefused("签到密码不正确，请本人重新输入")
    return "pin"


def verify_principal(name: str, password: str, now: dt.datetime) -> Account:
    """D05 (seed 004): signing in for someone else needs the principal leader's (主要领导) password,
    typed on the spot. A leader without a password cannot authorise: anyone could pick them."""
    from dutydesk.store.accounts.login import LoginError, check_password

    leaders = principal_leaders()
    if not leaders:
        raise IdentityRefused("尚未指定主要领导：请管理员在“账户与权限”中指定", "principal")
    leader = next((a for a in leaders if a.name == name), None)
    if leader is None:
        raise IdentityRefused("请选择授权代签的主要领导", "principal")
    from dutydesk.store.accounts.account import approval_refusal

    refusal = approval_refusal(leader)  # the one approval rule: a director with a password
    if refusal is not None:
        raise IdentityRefused(refusal, "principal")
    try:
        return check_password(leader, password or "", now, purpose="approve")
    except LoginError as exc:
        raise IdentityRefused(str(exc), "principal_password") from None
