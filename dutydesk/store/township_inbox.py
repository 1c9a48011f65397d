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
from dutydesk.store.archive import record_view
from dutydesk.store.base import BaseModel

RETURNED, APPROVED = "returned", "approved"  # as ``township.package`` writes them
DECISION_LABELS = {RETURNED: "镇级退回", APPROVED: "镇级已审核"}
KIND_LABELS = {"catalogue": "办事指南目录", "holidays": "节假日", "setting": "设置", "decision": "审核结果",
               "proxy_result": "代办结果"}


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


record_view.TABLE_NAMES.update({
    "township_key": "镇（街道）密钥", "township_package": "镇（街道）数据包导入",
    "township_package_item": "镇（街道）数据包导入明细", "township_decision": "镇（街道）审核结果",
})
record_view.TABLE_LABELS.update({
    ("township_key", "township"): "镇（街道）", ("township_key", "township_code"): "区划代码",
    ("township_key", "fingerprint"): "密钥指纹", ("township_key", "public_key"): "公钥",
    ("township_key", "confirmed_at"): "确认时间", ("township_key", "confirmed_by"): "确认人",
    ("township_key", "approved_by"): "批准的主任",
    ("township_package", "sha256"): "数据包校验值", ("township_package", "township"): "镇（街道）",
    ("township_package", "township_code"): "区划代码", ("township_package", "fingerprint"): "密钥指纹",
    ("township_package", "written_at"): "生成时间", ("township_package", "folder"): "导入位置",
    ("township_package", "applied_at"): "导入时间", ("township_package", "applied_by"): "导入人",
    ("township_package", "summary"): "导入内容",
    ("township_package_item", "package"): "数据包", ("township_package_item", "kind"): "类别",
    ("township_package_item", "item_key"): "明细标识", ("township_package_item", "description"): "内容",
    ("township_decision", "package"): "数据包", ("township_decision", "township"): "镇（街道）",
    ("township_decision", "period"): "月份", ("township_decision", "decision"): "审核结果",
    ("township_decision", "reasons"): "退回原因", ("township_decision", "decided_at"): "审核时间",
    ("township_decision", "decided_by"): "审核人",
})
record_view.HIDDEN_FIELDS.add("item_key")  # an internal key: the description says it in words
labels.FAMILIES["township_decision"] = DECISION_LABELS
labels.FAMILIES["package_item_kind"] = KIND_LABELS
labels.COLUMN_FAMILIES[("township_decision", "decision")] = "township_decision"
labels.COLUMN_FAMILIES[("township_package_item", "kind")] = "package_item_kind"
