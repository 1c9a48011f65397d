"""The township's review of a village's month (报送情况): returned with reasons (退回) or approved
(审核通过). Append-only (A03): a later decision adds a row, never changes one; each decision names
the bundle it was made on, so a month handed in again after a return counts as 已报送 again.
The package back down carries them (``decisions_since``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.datafolder import DeskError
from dutydesk.township.bundle_import import BundleImport
from dutydesk.township.township_database import TownshipModel
from dutydesk.township.village import Village, village_by_code
from dutydesk.township.village_month import APPROVED, RETURNED, STATUS_LABELS

DECISIONS = {RETURNED: STATUS_LABELS[RETURNED], APPROVED: STATUS_LABELS[APPROVED]}


class MonthReview(TownshipModel):
    village = ForeignKeyField(Village)
    period = CharField()
    bundle_import = ForeignKeyField(BundleImport)  # the newest bundle of the month when decided
    decision = CharField()  # returned / approved
    reasons = TextField(default="")
    decided_at = DateTimeField()
    decided_by = CharField()


@dataclass(frozen=True)
class Decision:
    """A decision as the package back down carries it."""

    id: int
    code: str
    name: str
    period: str
    decision: str  # RETURNED / APPROVED
    reasons: str
    at: dt.datetime
    by: str

    @property
    def label(self) -> str:
        return DECISIONS[self.decision]


def _month_bundle(code: str, period: str) -> tuple[Village, BundleImport]:
    village = village_by_code(code)
    if village is None:
        raise DeskError(f"没有登记统计用区划代码为 {code} 的村（社区）")
    bundle = (BundleImport.select().where((BundleImport.village == village.id) & (BundleImport.period == period))
              .order_by(BundleImport.id.desc()).first())
    if bundle is None:
        raise DeskError(f"{village.name}尚未报送{period}的数据，不能退回或审核")
    return village, bundle


def decide(code: str, period: str, decision: str, reasons: str, who: str, at: dt.datetime) -> MonthReview:
    """Return (with reasons) or approve a village's month as handed in."""
    if decision not in DECISIONS:
        raise ValueError(decision)
    reasons = normalize_text(reasons or "", multiline=True)
    if decision == RETURNED and not reasons:
        raise DeskError("退回须写明原因")
    village, bundle = _month_bundle(code, period)
    latest = latest_review(village, period)
    if latest is not None and latest.bundle_import_id == bundle.id and latest.decision == decision:
        raise DeskError(f"{village.name}{period}已经是“{DECISIONS[decision]}”")
    return audit.create(MonthReview, who, at, village=village, period=period, bundle_import=bundle,
                        decision=decision, reasons=reasons, decided_at=at, decided_by=who)


def latest_review(village: Village, period: str) -> MonthReview | None:
    return (MonthReview.select().where((MonthReview.village == village.id) & (MonthReview.period == period))
            .order_by(MonthReview.id.desc()).first())


def decisions_since(after: int = 0) -> list[Decision]:
    """Every decision with an id above ``after`` (the last one a package carried), oldest first."""
    query = (MonthReview.select(MonthReview, Village).join(Village).where(MonthReview.id > after)
             .order_by(MonthReview.id))
    return [Decision(r.id, r.village.code, r.village.name, r.period, r.decision, r.reasons, r.decided_at,
                     r.decided_by) for r in query]
