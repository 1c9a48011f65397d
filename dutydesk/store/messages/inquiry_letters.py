"""The register of inquiry letters from another place or unit (外来函件登记簿, V13).

A letter is registered when it arrives; its reply is drafted, checked against the facts, signed by
the responsible person (a director: ``accounts.verify_approver``), sealed and sent. Each step is an
audited update allowed only from the step before it (``domain.inquiry_letter.step_error``), so the
register always keeps the letter, the reply and the signer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import CharField, DateField, DateTimeField, TextField

from dutydesk.domain import inquiry_letter as rules
from dutydesk.domain.field_errors import FieldErrors
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.accounts.account import ApproverRefused, verify_approver
from dutydesk.store.audit import VoidableMixin
from dutydesk.store.base import BaseModel


class InquiryLetter(BaseModel, VoidableMixin):
    received_on = DateField()
    sender = CharField()  # the place or unit that wrote
    sender_contact = CharField(default="")
    letter_no = CharField(default="")  # the sender's reference (文号)
    subject = TextField()
    state = CharField()  # rules.ORDER
    reply = TextField(default="")
    drafted_by = CharField(default="")
    checked_by = CharField(default="")
    check_note = TextField(default="")
    signed_by = CharField(default="")
    signed_at = DateTimeField(null=True)
    sealed_at = DateTimeField(null=True)
    sent_on = DateField(null=True)
    sent_method = CharField(default="")
    created_at = DateTimeField()
    created_by = CharField()

    @property
    def ref(self) -> str:
        return f"来函{self.received_on:%Y}-{self.id:04d}"

    @property
    def state_label(self) -> str:
        return "已作废" if self.voided_at is not None else rules.STATE_LABELS.get(self.state, self.state)


class LetterInvalid(FieldErrors):
    """Field -> Chinese message."""


@dataclass
class LetterDraft:
    received_on: dt.date
    sender: str
    subject: str
    letter_no: str = ""
    sender_contact: str = ""


def register_letter(draft: LetterDraft, who: str, at: dt.datetime) -> InquiryLetter:
    """V13: a letter from another place or unit is registered the day it arrives."""
    sender, subject = normalize_text(draft.sender), normalize_text(draft.subject, multiline=True)
    errors: dict[str, str] = {}
    if not sender:
        errors["sender"] = "请填写来函单位或地方"
    if not subject:
        errors["subject"] = "请填写来函事由"
    if draft.received_on > at.date():
        errors["received_on"] = "收函日期不能晚于今天"
    if errors:
        raise LetterInvalid(errors)
    return audit.create(InquiryLetter, who, at, received_on=draft.received_on, sender=sender,
                        sender_contact=normalize_text(draft.sender_contact), letter_no=normalize_text(draft.letter_no),
                        subject=subject, state=rules.REGISTERED, created_at=at, created_by=who)


def _step(letter: InquiryLetter, target: str, who: str, at: dt.datetime, **changes: object) -> InquiryLetter:
    if letter.voided_at is not None:
        raise LetterInvalid({"state": "该来函已作废"})
    problem = rules.step_error(letter.state, target)
    if problem:
        raise LetterInvalid({"state": problem})
    return audit.update(letter, who, at, state=target, **changes)


def draft_reply(letter: InquiryLetter, reply: str, who: str, at: dt.datetime) -> InquiryLetter:
    text = normalize_text(reply, multiline=True)
    if not text:
        raise LetterInvalid({"reply": "请填写复函内容"})
    return _step(letter, rules.DRAFTED, who, at, reply=text, drafted_by=who)


def check_reply(letter: InquiryLetter, checked_by: str, note: str, who: str, at: dt.datetime) -> InquiryLetter:
    """V13: the reply was checked against the facts (实事求是), by whom and how."""
    errors: dict[str, str] = {}
    if not normalize_text(checked_by):
        errors["checked_by"] = "请填写核实人"
    if not normalize_text(note, multiline=True):
        errors["check_note"] = "请填写核实情况（如何核实、结果）"
    if errors:
        raise LetterInvalid(errors)
    return _step(letter, rules.CHECKED, who, at, checked_by=normalize_text(checked_by),
                 check_note=normalize_text(note, multiline=True))


def sign_reply(letter: InquiryLetter, signer: str, password: str, who: str, at: dt.datetime) -> InquiryLetter:
    """V13: signed by the responsible person — a director who confirms with their password."""
    try:
        verify_approver(signer, password, at)
    except ApproverRefused as exc:
        raise LetterInvalid({"signer": str(exc)}) from None
    return _step(letter, rules.SIGNED, who, at, signed_by=signer, signed_at=at)


def seal_reply(letter: InquiryLetter, who: str, at: dt.datetime) -> InquiryLetter:
    return _step(letter, rules.SEALED, who, at, sealed_at=at)


def send_reply(letter: InquiryLetter, method: str, who: str, at: dt.datetime) -> InquiryLetter:
    if method not in rules.SEND_METHODS:
        raise LetterInvalid({"sent_method": "请选择发函方式：" + " / ".join(rules.SEND_METHODS)})
    return _step(letter, rules.SENT, who, at, sent_on=at.date(), sent_method=method)


def void_letter(letter: InquiryLetter, reason: str, who: str, at: dt.datetime) -> InquiryLetter:
    if not reason.strip():
        raise LetterInvalid({"reason": "作废须填写原因"})
    return audit.void(letter, who, at, reason)


def letters_between(first: dt.date, last: dt.date) -> list[InquiryLetter]:
    return list(InquiryLetter.select()
                .where((InquiryLetter.received_on >= first) & (InquiryLetter.received_on <= last))
                .order_by(InquiryLetter.received_on, InquiryLetter.id))


def recent_letters(limit: int = 200) -> list[InquiryLetter]:
    """Letters still in hand first, then the newest sent ones."""
    live = InquiryLetter.voided_at.is_null()
    open_ = list(InquiryLetter.select().where(live & (InquiryLetter.state != rules.SENT))
                 .order_by(InquiryLetter.received_on, InquiryLetter.id))
    sent = list(InquiryLetter.select().where(live & (InquiryLetter.state == rules.SENT))
                .order_by(InquiryLetter.received_on.desc()).limit(max(0, limit - len(open_))))
    return open_ + sent


def letter_by_id(letter_id: int) -> InquiryLetter | None:
    return InquiryLetter.get_or_none(InquiryLetter.id == letter_id)
