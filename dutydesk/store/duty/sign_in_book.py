"""The sign-in book's exceptions (签到簿, D05; seed 004): signing in for someone else (代签) on the
principal leader's authority, and a director accepting the reason for a sign-in after the cutoff.

Seed 004: "签到必须本人，特殊情况须向主要领导请示，主要领导安排办公室代签" and "如因开会、公事出差,
必须有会议通知和领导安排方能记为出勤。病(事)假条和领导批示的视为出勤". Both are recorded on the
sign-in row itself (through the audit trail), so the book, the Today tab and the tally show them.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain import attendance as rules
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.sign_in_book import EXCUSE_TYPES
from dutydesk.store import audit
from dutydesk.store.accounts.account import Account, approval_refusal
from dutydesk.store.duty.attendance import DutyAssignment, SignIn, SignInError, assignments_on, slot_to_sign
from dutydesk.store.duty.sign_in_identity import IdentityRefused, verify_principal
from dutydesk.store.duty.staff import Staff


class SignInBookError(FieldErrors):
    """A 代签 or an accepted reason that cannot be recorded, per form field."""


def proxy_sign_in(staff: Staff, principal: str, password: str, reason: str, who: str,
                  now: dt.datetime) -> SignIn:
    """D05: the office signs in for ``staff`` because the principal leader, typing their password on
    the spot, authorised it. The row is marked 代签 with the leader's name and the reason."""
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = "请填写代签原因"
    try:
        slot = slot_to_sign(staff, now)
    except SignInError as exc:
        errors["staff"] = str(exc)
    if errors:
        raise SignInBookError(errors)
    try:
        leader = verify_principal(principal, password, now)
    except IdentityRefused as exc:
        raise SignInBookError({exc.field: str(exc)}) from None
    return audit.create(SignIn, who, now, staff=staff, day=now.date(), session_key=slot.session.key,
                        signed_in_at=now, recorded_by=who, proof="proxy", proxy_by=leader.name,
                        proxy_reason=reason.strip())


def after_cutoff_today(day: dt.date) -> list[DutyAssignment]:
    """Today's slots signed after the cutoff and not yet accepted (the ones a director may excuse)."""
    return [a for a in assignments_on(day)
            if a.sign_in is not None and rules.is_after_cutoff(a.facts()) and a.sign_in.excused_at is None]


def accept_reason(row: SignIn, excuse_type: str, note: str, account: Account | None,
                  now: dt.datetime) -> SignIn:
    """D05: a director accepts why ``row`` was signed after the cutoff: a meeting notice or an
    assignment (公出), a sick or personal leave note (病假/事假). It then counts as present."""
    if account is None or not account.is_director:
        raise SignInBookError({"account": "只有主任或书记可以认定停签后签到的理由"})
    refusal = approval_refusal(account)  # the one approval rule: a director with a password
    if refusal is not None:
        raise SignInBookError({"account": refusal})
    errors: dict[str, str] = {}
    if excuse_type not in EXCUSE_TYPES:
        errors["excuse_type"] = "请选择理由类型（公出、病假或事假）"
    if not note.strip():
        errors["note"] = ("请填写会议通知或领导安排" if excuse_type == "公出" else "请填写假条或领导批示")
    if row.excused_at is not None:
        errors["excuse_type"] = f"已认定为{row.excuse_type}"
    if row.voided_at is not None:
        errors["excuse_type"] = "该签到已作废"
    if errors:
        raise SignInBookError(errors)
    return audit.update(row, account.name, now, reason="认定停签后签到理由", excuse_type=excuse_type,
                        excuse_note=note.strip(), excused_by=account.name, excused_at=now)
