"""Results for villages' 代办单 handled at the township (上级已办结 / 退回补件, by slip number).
Append-only (A03); the package back down carries them to the village (``proxy_results_since``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import CharField, DateTimeField, ForeignKeyField, TextField

from dutydesk.domain.text_input import normalize_compact, normalize_text
from dutydesk.store import audit
from dutydesk.store.datafolder import DeskError
from dutydesk.township.township_database import TownshipModel
from dutydesk.township.village import Village, village_by_code
from dutydesk.township.village_record import VillageRecord

DONE, RETURNED = "done", "returned"
RESULT_LABELS = {DONE: "已办结", RETURNED: "退回补件"}


class ProxyResult(TownshipModel):
    village = ForeignKeyField(Village)
    slip_no = CharField()
    result = CharField()  # DONE / RETURNED
    reason = TextField(default="")
    recorded_at = DateTimeField()
    recorded_by = CharField()


@dataclass(frozen=True)
class ProxyResultLine:
    id: int
    code: str
    name: str
    slip_no: str
    result: str
    reason: str
    at: dt.datetime
    by: str

    @property
    def label(self) -> str:
        return RESULT_LABELS[self.result]


def result_code(text: str) -> str:
    """A result as typed (已办结 / 退回补件, or its code)."""
    text = normalize_compact(text or "")
    for code, label in RESULT_LABELS.items():
        if text in (code, label, "上级" + label):
            return code
    raise DeskError("办理结果只能是“已办结”或“退回补件”")


def _slip_imported(village: Village, slip_no: str) -> bool:
    """Whether the slip is among the village's imported proxy cases (its number is in the row)."""
    needle = f'"slip_no":"{slip_no}"'
    return (VillageRecord.select().where((VillageRecord.village == village.id)
                                         & (VillageRecord.table_name == "proxy_case")
                                         & VillageRecord.data.contains(needle)).exists())


def record_result(code: str, slip_no: str, result: str, reason: str, who: str, at: dt.datetime) -> ProxyResult:
    village = village_by_code(code)
    if village is None:
        raise DeskError(f"没有登记统计用区划代码为 {code} 的村（社区）")
    slip_no = normalize_compact(slip_no or "").upper()
    if not slip_no:
        raise DeskError("请填写代办单号")
    if not _slip_imported(village, slip_no):
        raise DeskError(f"{village.name}报送的数据中没有代办单 {slip_no}，请核对单号")
    if result not in RESULT_LABELS:
        raise ValueError(result)
    reason = normalize_text(reason or "", multiline=True)
    if result == RETURNED and not reason:
        raise DeskError("退回补件须写明原因（缺哪些材料）")
    latest = (ProxyResult.select().where((ProxyResult.village == village.id) & (ProxyResult.slip_no == slip_no))
              .order_by(ProxyResult.id.desc()).first())
    if latest is not None and (latest.result, latest.reason) == (result, reason):
        raise DeskError(f"代办单 {slip_no} 已登记为“{RESULT_LABELS[result]}”，无需重复登记")
    return audit.create(ProxyResult, who, at, village=village, slip_no=slip_no, result=result, reason=reason,
                        recorded_at=at, recorded_by=who)


def proxy_results_since(after: int = 0) -> list[ProxyResultLine]:
    """Every result with an id above ``after`` (the last one a package carried), oldest first."""
    query = (ProxyResult.select(ProxyResult, Village).join(Village).where(ProxyResult.id > after)
             .order_by(ProxyResult.id))
    return [ProxyResultLine(r.id, r.village.code, r.village.name, r.slip_no, r.result, r.reason, r.recorded_at,
                            r.recorded_by) for r in query]
