"""行政问责 (V12): which facts in the books are suspected breaches, and what the director decides.

The desk never judges a person: it lists what the books already show (a repeat trip for the same
item after a notice, N06; a deadline missed without extension, V04; a request refused or not
referred, V02) for the director, who records the outcome with its evidence. Pure vocabulary and
checks; the store finds the facts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# The kinds of breach the books can show, with the words the director reads (no rule numbers).
REPEAT_TRIP = "N06"
DEADLINE_MISSED = "V04"
NOT_REFERRED = "V02"
BREACH_LABELS = {
    REPEAT_TRIP: "一次性告知后群众重复往返",
    DEADLINE_MISSED: "超过承诺时限且未办理延期",
    NOT_REFERRED: "推诿或未告知承办单位",
}

# Seed 003 (行政问责种类, 首问责任人处理): the outcomes the director records; "不予问责" closes a
# suspicion that the check did not confirm, so the list does not show it again.
WRITTEN_SELF_CRITICISM = "书面检查"
ADMONITION = "诫勉谈话"
WARNING = "警告"
PENALTY = "经济处罚"
NO_ACTION = "经查不予问责"
OUTCOMES = (WRITTEN_SELF_CRITICISM, ADMONITION, WARNING, PENALTY, NO_ACTION)
EVIDENCE_KINDS = ("群众投诉", "意见箱", "举报电话", "台账记录", "当事人说明")


@dataclass(frozen=True)
class SuspectedBreach:
    """One fact the director is asked to look at; ``key`` is stable so a decided one drops off."""

    key: str
    rule: str  # REPEAT_TRIP / DEADLINE_MISSED / NOT_REFERRED
    staff: str
    day: dt.date
    description: str

    @property
    def label(self) -> str:
        return BREACH_LABELS[self.rule]


def check_outcome(outcome: str, penalty: str, evidence: str) -> dict[str, str]:
    """V12: an outcome from the list, its evidence, and an amount for an economic penalty."""
    errors: dict[str, str] = {}
    if outcome not in OUTCOMES:
        errors["outcome"] = "请选择处理结果：" + "、".join(OUTCOMES)
    if not evidence.strip():
        errors["evidence"] = "请写明依据（群众投诉、意见箱、台账记录等）"
    if outcome == PENALTY:
        try:
            amount = Decimal(penalty.strip() or "x")
        except InvalidOperation:
            amount = Decimal(0)
        if not amount.is_finite() or amount <= 0:
            errors["penalty"] = "经济处罚须填写金额（元）"
    elif penalty.strip():
        errors["penalty"] = "只有经济处罚才填写金额"
    return errors
