"""The lookup register (查阅登记, A02): opening an archive record needs a reason and approval, and
every record opened is written down: who, when, what (query and record), its retention class,
why, approved by whom and at which level. The register is append-only: a guard refuses any
update or void of it.

Who approves follows the record's retention class (``domain.retention``): a director (主任, the
leader in charge) for short-term files, the principal leader (主要领导) for permanent and
long-term files. The principal leader approves every class.

Approval is configurable (``archive.approval_mode``):
- ``either`` (default): a director logged in approves by themselves; an operator needs a director
  to type their password on the spot;
- ``logged_in``: only a logged-in director may open records (operators are refused);
- ``password``: a director's password is typed for every lookup, even when one is logged in.
"Director" above reads "principal leader" for permanent and long-term files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import CharField, DateTimeField, IntegerField, Model, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.retention import (
    APPROVER_LABELS,
    DIRECTOR,
    PRINCIPAL,
    RETENTION_LABELS,
    approval_level,
    covers,
)
from dutydesk.domain.settings import declare
from dutydesk.store import audit
from dutydesk.store.accounts.account import (
    Account,
    ApproverRefused,
    approval_refusal,
    can_approve,
    has_secret,
    principal_leaders,
    verify_approver,
)
from dutydesk.store.archive.retention import approver_for, retention_for
from dutydesk.store.base import BaseModel
from dutydesk.store.day_range import within_days
from dutydesk.store.search_index import Hit
from dutydesk.store.settings import get_setting

APPROVAL_MODE = declare(
    "archive.approval_mode", "either",
    "查阅档案的批准方式（当场输密码或已登录主任均可、须已登录、须当场输密码）", "A02")
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
    retention = CharField(default="")  # domain.retention class of the record when opened
    approval_level = CharField(default=DIRECTOR)  # director / principal (A02)


def _append_only(instance: Model, action: str) -> None:
    if isinstance(instance, LookupEntry) and action != "create":
        raise audit.RecordLocked("查阅登记不能修改或作废")


if _append_only not in audit.BEFORE_WRITE:
    audit.BEFORE_WRITE.append(_append_only)


class ApprovalRefused(FieldErrors):
    """Why a lookup was not approved, per form field (Chinese)."""


@dataclass(frozen=True)
class Approval:
    account: str
    approved_by: str
    method: str  # logged_in / password
    reason: str
    query: str
    at: dt.datetime
    level: str = DIRECTOR  # what the approver may approve: director / principal (domain.retention)

    def covers(self, account: Account | None, query: str, now: dt.datetime, minutes: int,
               needed: str = DIRECTOR) -> bool:
        """A further record opened for the same query soon after needs no new approval, unless
        it needs a higher approver (a long-term file after a director approved short-term ones)."""
        return (account is not None and account.name == self.account and query == self.query
                and now - self.at <= dt.timedelta(minutes=minutes) and covers(self.level, needed))


def level_of(account: Account | None) -> str | None:
    """What ``account`` may approve; None for an account that cannot approve at all (not a
    director, or without a password: ``accounts.can_approve``)."""
    if not can_approve(account):
        return None
    return approval_level(account.is_director, account.is_principal)


def approvers(needed: str) -> list[Account]:
    """Active accounts whose approval is enough for ``needed`` (the approval dialog's list)."""
    if needed == PRINCIPAL:
        return [a for a in principal_leaders() if can_approve(a)]
    return [a for a in Account.select().where(Account.active == True).order_by(Account.id)  # noqa: E712
            if covers(level_of(a), needed)]


def approval_mode(on: dt.date) -> str:
    mode = get_setting(APPROVAL_MODE, on)
    return mode if mode in MODES else "either"


def needed_for(hit: Hit) -> str:
    """Who must approve opening this record (A02): by its retention class on its filing day."""
    return approver_for(hit.kind, hit.day)


def needs_password(account: Account | None, on: dt.date, needed: str = DIRECTOR) -> bool:
    """Whether the approval dialog must ask for an approver's password."""
    mode = approval_mode(on)
    if mode == "password":
        return True
    return not covers(level_of(account), needed)


def approve(account: Account | None, query: str, reason: str, now: dt.datetime,
            director_name: str = "", password: str | None = None, needed: str = DIRECTOR) -> Approval:
    """Check the reason and the approval for a lookup that needs ``needed`` (director or
    principal, A02); raise ApprovalRefused with messages per field."""
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = "请填写查阅原因"
    mode = approval_mode(now.date())
    who = "主要领导" if needed == PRINCIPAL else "主任"
    if not needs_password(account, now.date(), needed):
        if errors:
            raise ApprovalRefused(errors)
        return Approval(account.name, account.name, "logged_in", reason.strip(), query, now, level_of(account))
    if mode == "logged_in":
        lacking = account is not None and account.is_director and not has_secret(account)
        errors["director"] = ((approval_refusal(account) or "") if lacking
                              else f"按本中心规定，查阅此档案须由{who}登录后进行")
        raise ApprovalRefused(errors)
    if needed == PRINCIPAL and not principal_leaders():
        errors["director"] = "尚未指定主要领导：请管理员在“账户与权限”中指定"
        raise ApprovalRefused(errors)
    if not approvers(needed):
        errors["director"] = f"没有设置了密码的{who}，无法批准：请管理员在“工具 → 账户与权限”中为{who}设置密码"
        raise ApprovalRefused(errors)
    approver = Account.get_or_none((Account.name == director_name) & (Account.active == True))  # noqa: E712
    if approver is None or not covers(approval_level(approver.is_director, approver.is_principal), needed):
        errors["director"] = f"请选择批准查阅的{who}"
    elif not has_secret(approver):
        errors["director"] = approval_refusal(approver) or ""
    if errors:
        raise ApprovalRefused(errors)
    try:
        approver = verify_approver(approver.name, password or "", now)
    except ApproverRefused as exc:
        raise ApprovalRefused(exc.errors) from None
    return Approval(account.name if account else "系统", approver.name, "password", reason.strip(), query, now,
                    level_of(approver))


def record_lookup(approval: Approval, hit: Hit, now: dt.datetime) -> LookupEntry:
    """Write the register entry for one record opened under an approval; refuse an approval not
    enough for the record's retention class (A02), whatever the screen let through."""
    retention = retention_for(hit.kind, hit.day)
    needed = needed_for(hit)
    if not covers(approval.level, needed):
        raise ApprovalRefused({"director": f"此档案保管期限为{RETENTION_LABELS[retention]}，"
                                           f"须经{APPROVER_LABELS[needed]}批准"})
    return audit.create(
        LookupEntry, approval.account, now, opened_at=now, opened_by=approval.account, query=approval.query,
        ref_table=hit.ref_table, ref_id=hit.ref_id, kind=hit.kind, title=hit.title,
        reason=approval.reason, approved_by=approval.approved_by, approval=approval.method,
        retention=retention, approval_level=approval.level,
    )


def register_page(offset: int, limit: int, start: dt.date | None = None,
                  end: dt.date | None = None) -> list[LookupEntry]:
    """Newest first; only directors are shown this (the UI checks the role)."""
    query = within_days(LookupEntry.select(), LookupEntry.opened_at, start, end)
    return list(query.order_by(LookupEntry.id.desc()).offset(offset).limit(limit))


def register_rows(start: dt.date | None = None, end: dt.date | None = None):
    """All entries oldest first, in chunks (exports, yearly filing)."""
    last = 0
    while True:
        query = within_days(LookupEntry.select().where(LookupEntry.id > last), LookupEntry.opened_at, start, end)
        rows = list(query.order_by(LookupEntry.id).limit(500))
        if not rows:
            return
        yield rows
        last = rows[-1].id
