"""Privacy of the people served (V09, A05): phones and ID numbers are masked unless the role may
see them, and an unmasked export needs a director, a reason and leaves a trace.

Helpers for every feature that shows or exports personal data::

    from dutydesk.store.privacy import mask_for, mask_text, export_masker

    mask_for(desk.account, "phone", visit.contact)      # in lists: 138****5678 for an operator
    mask_text(desk.account, free_text)                  # numbers inside free text
    masker = export_masker(grant)                       # exports: masked unless a grant is given
    text = export_text_masker(grant)                    # free text in exports, the same way
    masker("id_number", resident.id_number)

``grant`` comes from ``authorize_unmasked_export`` (director logged in, or their password typed on
the spot, plus a reason); every export is written to ``export_log`` with ``log_export``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from peewee import BooleanField, CharField, DateTimeField, TextField

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.domain.phone import mask_phone
from dutydesk.domain.settings import declare
from dutydesk.store import audit
from dutydesk.store.accounts.account import (
    Account,
    ApproverRefused,
    approval_refusal,
    approver_accounts,
    can_approve,
    verify_approver,
)
from dutydesk.store.base import BaseModel
from dutydesk.store.settings import get_setting

UNMASKED_ROLES = declare(
    "privacy.unmasked_roles", ["director", "admin"], "可在列表中查看完整电话和身份证号的角色", "V09"
)
KINDS = ("phone", "id_number")



class ExportLog(BaseModel):
    exported_at = DateTimeField()
    exported_by = CharField()
    what = TextField()
    unmasked = BooleanField()
    approved_by = CharField(default="")
    reason = TextField(default="")
    path = TextField(default="")


def mask_id_number(value: str) -> str:
    """``110105********123X``: region prefix and the last four stay, as on a receipt."""
    value = value.strip()
    if len(value) < 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_value(value_kind: str, value: str | None) -> str:
    """Always masked (slips for third parties, default exports)."""
    if not value:
        return ""
    if value_kind == "phone":
        masked = mask_personal_numbers(value)  # a contact typed as 139-1234-5678 or +86…
        return masked if masked != value else mask_phone(value.strip())
    if value_kind == "id_number":
        return mask_id_number(value)
    raise ValueError(f"unknown value kind {value_kind!r}")


def may_see_unmasked(account: Account | None, on: dt.date | None = None) -> bool:
    """Whether the role is in the setting; the newest value applies when no day is given."""
    if account is None:
        return False
    roles = get_setting(UNMASKED_ROLES, on or dt.date.max)
    return account.role in roles


def mask_for(account: Account | None, value_kind: str, value: str | None, on: dt.date | None = None) -> str:
    """What ``account`` sees of a phone or ID number in lists and on screen."""
    if not value:
        return ""
    return value if may_see_unmasked(account, on) else mask_value(value_kind, value)


def mask_numbers(text: str) -> str:
    """Mask every ID number, mobile and landline inside free text, however it is written
    (spaces, dashes, +86, full-width digits): ``domain.personal_numbers`` recognises them."""
    return mask_personal_numbers(text or "")


def mask_text(account: Account | None, text: str, on: dt.date | None = None) -> str:
    return text if may_see_unmasked(account, on) else mask_numbers(text)


def text_masker(account: Account | None, on: dt.date | None = None) -> Callable[[str], str]:
    """``mask_text`` for many texts (a page of results): the setting is read once, not per text."""
    if may_see_unmasked(account, on):
        return lambda text: text
    return mask_numbers


class ExportRefused(FieldErrors):
    """Why an unmasked export was refused, per form field (Chinese)."""


@dataclass(frozen=True)
class ExportGrant:
    """Permission for one unmasked export: who asked, which director approved, why."""

    account: str
    approved_by: str
    reason: str
    what: str


def authorize_unmasked_export(account: Account | None, what: str, reason: str, now: dt.datetime,
                              director_name: str = "", password: str | None = None) -> ExportGrant:
    """A director logged in approves by themselves; anyone else needs a director's password.
    Either way the approver must be able to approve (``accounts.can_approve``: a password set)."""
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = "导出完整信息必须填写原因"
    approver: Account | None = None
    if account is not None and account.is_director and not director_name:
        refusal = approval_refusal(account)
        if refusal is None:
            approver = account
        else:
            errors["director"] = refusal
    else:
        chosen = Account.get_or_none((Account.name == director_name) & (Account.active == True))  # noqa: E712
        if chosen is None and not approver_accounts():
            errors["director"] = "没有设置了密码的主任，无法批准：请管理员在“工具 → 账户与权限”中设置密码"
        elif chosen is None or not chosen.is_director:
            errors["director"] = "请选择批准的主任"
        elif not errors:
            try:
                approver = verify_approver(chosen.name, password or "", now)
            except ApproverRefused as exc:
                errors.update(exc.errors)
        elif not can_approve(chosen):
            errors["director"] = approval_refusal(chosen) or ""
    if errors:
        raise ExportRefused(errors)
    assert approver is not None
    return ExportGrant(account.name if account else "系统", approver.name, reason.strip(), what)


def export_masker(grant: ExportGrant | None) -> Callable[[str, str | None], str]:
    """The function an export uses for personal values: masked unless a grant was given."""
    if grant is not None:
        return lambda kind, value: value or ""
    return mask_value


def export_text_masker(grant: ExportGrant | None) -> Callable[[str], str]:
    """For free text in an export (requests, results): numbers inside masked unless granted."""
    if grant is not None:
        return lambda text: text
    return mask_numbers


def log_export(who: str, at: dt.datetime, what: str, grant: ExportGrant | None = None,
               path: str = "") -> ExportLog:
    """Every export of personal data is logged (A01); unmasked ones with approver and reason."""
    return audit.create(
        ExportLog, who, at, exported_at=at, exported_by=who, what=what, unmasked=grant is not None,
        approved_by=grant.approved_by if grant else "", reason=grant.reason if grant else "", path=path,
    )


REVEAL_PREFIX = "显示完整号码："


class RevealRefused(PermissionError):
    """The account's role may not see full numbers (Chinese message)."""


def log_reveal(account: Account | None, at: dt.datetime, what: str) -> ExportLog:
    """A director showing one record's full phone and ID numbers on screen (V09, A01).

    Screens show numbers masked to everyone; showing one in full is a logged act of an allowed
    role, written to the export log (who, when, which record) beside the exports.
    """
    if not may_see_unmasked(account, at.date()):
        raise RevealRefused("只有主任等经授权的人员可以查看完整号码")
    assert account is not None
    grant = ExportGrant(account.name, account.name, "当面查看完整号码", what)
    return log_export(account.name, at, REVEAL_PREFIX + what, grant)


def reveals() -> list[ExportLog]:
    """Every reveal of full numbers on screen, oldest first."""
    return list(ExportLog.select().where(ExportLog.what.startswith(REVEAL_PREFIX)).order_by(ExportLog.id))

