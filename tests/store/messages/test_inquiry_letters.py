"""V13: an outside inquiry letter's reply is drafted, checked, signed by the responsible person and
sealed before it is sent; the register keeps letter, reply and signer."""

from __future__ import annotations

import datetime as dt

import pytest

from dutydesk.domain import inquiry_letter as rules
from dutydesk.store.messages import inquiry_letters as letters
from dutydesk.store.messages.inquiry_letters import LetterDraft, LetterInvalid
from tests.approvers import SECRET, approver


def _letter(desk):
    draft = LetterDraft(desk.today(), "邻县公安局", "核实张三户籍及居住情况", "邻公函〔2026〕12号")
    return letters.register_letter(draft, desk.who, desk.now())


def test_v13_states_in_order(desk):
    approver()
    letter = _letter(desk)
    assert letter.state_label == "已登记"
    with pytest.raises(LetterInvalid, match="签字并加盖公章后才能发出"):
        letters.send_reply(letter, "邮寄", desk.who, desk.now())
    with pytest.raises(LetterInvalid, match="须先拟写复函"):
        letters.check_reply(letter, "李文书", "入户核实", desk.who, desk.now())
    letter = letters.draft_reply(letter, "经核实，张三户籍在本村三组，常住本村。", desk.who, desk.now())
    with pytest.raises(LetterInvalid, match="核实后才能由负责人签字"):
        letters.sign_reply(letter, "王书记", SECRET, desk.who, desk.now())
    letter = letters.check_reply(letter, "李文书", "查户籍底册并入户走访", desk.who, desk.now())
    with pytest.raises(LetterInvalid, match="签字后才能盖章"):
        letters.seal_reply(letter, desk.who, desk.now())
    with pytest.raises(LetterInvalid) as exc:
        letters.sign_reply(letter, "王书记", "wrong", desk.who, desk.now())
    assert "signer" in exc.value.errors
    letter = letters.sign_reply(letter, "王书记", SECRET, desk.who, desk.now())
    letter = letters.seal_reply(letter, desk.who, desk.now())
    letter = letters.send_reply(letter, "邮寄", desk.who, desk.now())
    kept = letters.letter_by_id(letter.id)
    assert (kept.state, kept.subject, kept.reply, kept.signed_by, kept.sent_on) == (
        rules.SENT, "核实张三户籍及居住情况", "经核实，张三户籍在本村三组，常住本村。", "王书记", desk.today())
    with pytest.raises(LetterInvalid, match="已发出"):
        letters.draft_reply(kept, "改", desk.who, desk.now())


def test_v13_signer_must_be_a_director(desk):
    letter = letters.draft_reply(_letter(desk), "复函", desk.who, desk.now())
    letter = letters.check_reply(letter, "李文书", "电话核实", desk.who, desk.now())
    with pytest.raises(LetterInvalid) as exc:
        letters.sign_reply(letter, "李文书", "x", desk.who, desk.now())
    assert "signer" in exc.value.errors


def test_v13_register_checks_fields(desk):
    with pytest.raises(LetterInvalid) as exc:
        letters.register_letter(LetterDraft(desk.today() + dt.timedelta(days=1), " ", ""), desk.who, desk.now())
    assert set(exc.value.errors) == {"sender", "subject", "received_on"}


def test_v13_step_rule_is_pure():
    assert rules.step_error(rules.DRAFTED, rules.DRAFTED) == ""  # redraft before checking
    assert rules.step_error(rules.SIGNED, rules.SEALED) == ""
    assert rules.step_error(rules.CHECKED, rules.SENT) == "复函须负责人签字并加盖公章后才能发出"
