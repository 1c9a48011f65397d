"""Inquiry letters from another place or unit (外来函件, V13).

Seed 001: "对外地、外单位来访来函的调查，值班人员要实事求是，不弄虚作假，经核实了解清楚后由负责人
签字，并加盖公章方可发函答复。" A reply goes registered → drafted → checked against the facts →
signed by the responsible person → sealed → sent, one step at a time; nothing is sent unsigned
or unsealed.
"""

from __future__ import annotations

REGISTERED = "registered"
DRAFTED = "drafted"
CHECKED = "checked"
SIGNED = "signed"
SEALED = "sealed"
SENT = "sent"

STATE_LABELS = {REGISTERED: "已登记", DRAFTED: "已拟复", CHECKED: "已核实", SIGNED: "已签字",
                SEALED: "已盖章", SENT: "已发函"}
ORDER = (REGISTERED, DRAFTED, CHECKED, SIGNED, SEALED, SENT)
SEND_METHODS = ("邮寄", "专人送达", "传真", "电子邮件")

# What must have happened before each step, in the words staff see when it has not.
_BEFORE = {
    DRAFTED: "须先登记来函",
    CHECKED: "须先拟写复函，再核实",
    SIGNED: "复函须经核实后才能由负责人签字",
    SEALED: "复函须由负责人签字后才能盖章",
    SENT: "复函须负责人签字并加盖公章后才能发出",
}


def step_error(state: str, target: str) -> str:
    """V13: "" when a letter in ``state`` may move to ``target``, otherwise why not (Chinese).

    A drafted reply may be redrafted while it is unchecked; every other step follows the one before.
    """
    if state == SENT:
        return "复函已发出，不能再更改"
    if target == DRAFTED and state in (REGISTERED, DRAFTED):
        return ""
    if target not in _BEFORE:
        return "未知的办理步骤"
    if ORDER.index(state) + 1 == ORDER.index(target):
        return ""
    if ORDER.index(state) >= ORDER.index(target):
        return f"该来函已{STATE_LABELS[state]}"
    return _BEFORE[target]
