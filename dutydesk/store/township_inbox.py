"""What the village keeps of the township's packages (issue 16, the channel back down): the
township key it confirmed, every package applied (by hash, so none applies twice), each change a
package made, and the township's decisions on the village's months (镇级退回 / 已审核).

All append-only (m0045) and written through the audit trail (A01, A03). A later decision on the
same month supersedes an earlier one; nothing is rewritten.
"""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain import labels
from dutydesk.store.base import BaseModel

RETURNED, APPROVED = "returned", "approved"  # as ``township.package`` writes them
DECISION_LABELS = labels.TOWNSHIP_DECISIONS
KIND_LABELS = labels.PACKAGE_ITEM_KINDS


class TownshipKey(BaseModel):
    """A township signing key the village confirmed (the newest row is the one trusted)."""

    township = CharField()
    township_code = CharField()
    fingerprint = CharField()
    public_key = CharField()
    confirmed_at = DateTimeField()
    confirmed_by = CharField()
    approved_by = CharField(default="")  # the director who confirmed a changed key

    class Meta:
        table_name = "township_key"


class TownshipPackage(BaseModel):
    """One package applied: its hash is what makes a second import change nothing."""

    sha256 = CharField(unique=True)
    township = CharField()
    township_code = CharField()
    fingerprint = CharField()
    written_at = CharField()
    folder = CharField(default="")
    applied_at = DateTimeField()
    applied_by = CharField()
    summary = TextField(default="")

    class Meta:
        table_name = "township_package"


class TownshipPackageItem(BaseModel):
    """One change a package made; ``item_key`` says which decision or result it was."""

    package = ForeignKeyField(TownshipPackage, backref="items")
    kind = CharField()  # catalogue / holidays / setting / decision / proxy_result
    item_key = CharField()
    description = TextField(default="")

    class Meta:
        table_name = "township_package_item"


class TownshipDecision(BaseModel):
    """The township's 退回 (with reasons) or 审核通过 of one of the village's months."""

    package = ForeignKeyField(TownshipPackage, backref="decisions")
    township = CharField()
    period = CharField()  # "YYYY-MM"
    decision = CharField()
    reasons = TextField(default="")
    decided_at = CharField()
    decided_by = CharField(default="")

    class Meta:
        table_name = "township_decision"

    @property
    def label(self) -> str:
        return DECISION_LABELS.get(self.decision, "")


def trusted_key() -> TownshipKey | None:
    return TownshipKey.select().order_by(TownshipKey.id.desc()).first()


def applied_package(sha256: str) -> TownshipPackage | None:
    return TownshipPackage.get_or_none(TownshipPackage.sha256 == sha256)


def applied_items(keys: list[str]) -> set[str]:
    """Which of ``keys`` an earlier package already applied."""
    if not keys:
        return set()
    query = TownshipPackageItem.select(TownshipPackageItem.item_key).where(TownshipPackageItem.item_key.in_(keys))
    return {row.item_key for row in query}


def latest_decision(period: str) -> TownshipDecision | None:
    """The township's last word on a month (a later decision supersedes an earlier one)."""
    return (TownshipDecision.select().where(TownshipDecision.period == period)
            .order_by(TownshipDecision.decided_at.desc(), TownshipDecision.id.desc()).first())


def recent_decision(today: dt.date, months: int = 3) -> TownshipDecision | None:
    """The newest decision on one of the last ``months`` months (the status bar's note)."""
    year, month = today.year, today.month - months + 1
    while month < 1:
        year, month = year - 1, month + 12
    row = (TownshipDecision.select().where(TownshipDecision.period >= f"{year:04d}-{month:02d}")
           .order_by(TownshipDecision.period.desc()).first())
    return latest_decision(row.period) if row else None


def decision_text(decision: TownshipDecision) -> str:
    """How a user reads a decision: 镇级退回 2026年10月报送：原因."""
    year, month = decision.period.split("-")
    text = f"{decision.township}{'退回' if decision.decision == RETURNED else '已审核'}{year}年{int(month)}月报送"
    return f"{text}：{decision.reasons}" if decision.decision == RETURNED and decision.reasons else text

