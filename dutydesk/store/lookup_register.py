"""The lookup register (查阅登记, A02): opening an archive record needs a reason and a director's
approval, and every record opened is written down: who, when, what (query and record), why,
approved by whom. The register is append-only: a guard refuses any update or void of it.

Approval is configurable (``archive.approval_mode``):
- ``either`` (default): a director logged in approves by themselves; an operator needs a director
  to type their password on the spot;
- ``logged_in``: only a logged-in director may open records (operators are refused);
- ``password``: a director's password is typed for every lookup, even when one is logged in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import CharField, DateTimeField, IntegerField, Model, TextField

from dutydesk.domain.settings import declare
from dutydesk.store import audit
from dutydesk.store.accounts import Account
from dutydesk.store.base import BaseModel
from dutydesk.store.search_index import Hit
from dutydesk.store.settings import get_setting

APPROVAL_MODE = declare("archive.approval_mode", "either", "查阅档案的批准方式（either / logged_in / password）", "A02")
MODES = {
    "either": "主任登录或当场输入主任密码",
    "logged_in": "仅限主任登录后查阅",
    "password": "每次由主任当场输入密码",
}
# How long one approval covers further records opened for the same query (minutes).
SESSION_MINUTES = declare("archive.approval_minutes", 30, "一次批准在同一查询中有效的时长（分钟）", "A02")


class LookupEntry(BaseModel):
    opened_at = DateTimeField()
    opened_by = CharField()
    query = TextField()
    ref_table = CharField()
    ref_id = IntegerField()
    kind = CharField()
    title = TextField()
    reason = TextField()
    approved_by = CharField()
    approval = CharField()  # logged_in / password


def _append_only(instance: Model, action: str) -> None:
    if isinstance(instance, LookupEntry) and action != "create":
        raise audit.RecordLocked("查阅登记不能修改或作废（A02）")


if _append_only not in audit.BEFORE_WRITE:
    audit.BEFORE_WRITE.append(_append_only)


class ApprovalRefused(ValueError):
    """Why a lookup was not approved, per form field (Chinese)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class Approval:
    account: str
    approved_by: str
    method: str  # logged_in / password
    reason: str
    query: str
    at: dt.datetime

    def covers(self, account: Account | None, query: str, now: dt.datetime, minutes: int) -> bool:
        """A further record opened for the same query soon after needs no new approval."""
        return (account is not None and account.name == self.account and query == self.query
                and now - self.at <= dt.timedelta(minutes=minutes))


def approval_mode(on: dt.date) -> str:
    mode = get_setting(APPROVAL_MODE, on)
    return mode if mode in MODES else "either"


def needs_password(account: Account | None, on: dt.date) -> bool:
    """Whether the approval dialog must ask for a director's password."""
    mode = approval_mode(on)
    if mode == "password":
        return True
    return not (account is not None and account.is_director)


def approve(account: Account | None, query: str, reason: str, now: dt.datetime,
            director_name: str = "", password: str | None = None) -> Approval:
    """Check the reason and the approval; raise ApprovalRefused with messages per field."""
    from dutydesk.store.login import LoginError, check_password

    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = "请填写查阅原因"
    mode = approval_mode(now.date())
    if not needs_password(account, now.date()):
        if errors:
            raise ApprovalRefused(errors)
        return Approval(account.name, account.name, "logged_in", reason.strip(), query, now)
    if mode == "logged_in":
        errors["director"] = "按本中心规定，查阅档案须由主任登录后进行"
        raise ApprovalRefused(errors)
    approver = Account.get_or_none((Account.name == director_name) & (Account.active == True))  # noqa: E712
    if approver is None or not approver.is_director:
        errors["director"] = "请选择批准查阅的主任"
    if errors:
        raise ApprovalRefused(errors)
    try:
        check_password(approver, password or "", now, purpose="approve")
    except LoginError as exc:
        raise ApprovalRefused({"password": str(exc)}) from None
    return Approval(account.name if account else "系统", approver.name, "password", reason.strip(), query, now)


def record_lookup(approval: Approval, hit: Hit, now: dt.datetime) -> LookupEntry:
    """Write the register entry for one record opened under an approval."""
    return audit.create(
        LookupEntry, approval.account, now, opened_at=now, opened_by=approval.account, query=approval.query,
        ref_table=hit.ref_table, ref_id=hit.ref_id, kind=hit.kind, title=hit.title,
        reason=approval.reason, approved_by=approval.approved_by, approval=approval.method,
    )


def register_page(offset: int, limit: int, start: dt.date | None = None,
                  end: dt.date | None = None) -> list[LookupEntry]:
    """Newest first; only directors are shown this (the UI checks the role)."""
    query = LookupEntry.select()
    if start:
        query = query.where(LookupEntry.opened_at >= dt.datetime.combine(start, dt.time()))
    if end:
        query = query.where(LookupEntry.opened_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
    return list(query.order_by(LookupEntry.id.desc()).offset(offset).limit(limit))


def register_rows(start: dt.date | None = None, end: dt.date | None = None):
    """All entries oldest first, in chunks (exports, yearly filing)."""
    last = 0
    while True:
        query = LookupEntry.select().where(LookupEntry.id > last)
        if start:
            query = query.where(LookupEntry.opened_at >= dt.datetime.combine(start, dt.time()))
        if end:
            query = query.where(LookupEntry.opened_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()))
        rows = list(query.order_by(LookupEntry.id).limit(500))
        if not rows:
            return
        yield rows
        last = rows[-1].id
