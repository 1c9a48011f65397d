"""A record's fields as label/value text for the read-only archive view, for any indexed model."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import ForeignKeyField, Model

from dutydesk.store.search_index import Hit, record_for

# Chinese labels for field names used across features; unknown fields show their name.
LABELS = {
    "id": "编号", "name": "姓名", "person_name": "姓名", "contact": "联系电话", "person_phone": "联系电话",
    "phone": "电话", "id_number": "身份证号", "gender": "性别", "birth_date": "出生日期",
    "village_group": "村民小组", "address": "住址", "tags": "标签", "note": "备注",
    "received_at": "受理时间", "channel": "方式", "category": "类别", "request": "诉求内容",
    "responder_name": "首问责任人", "responder_account": "登记账户", "outcome": "办理方式", "result": "办理结果",
    "transfer_to": "转办单位", "transfer_contact": "转办联系方式", "escalate_level": "上报层级",
    "outside_unit": "承办单位", "outside_address": "承办单位地址", "outside_phone": "承办单位电话",
    "deadline_kind": "时限类别", "deadline_days": "承诺工作日", "deadline": "承诺期限", "status": "状态",
    "closed_at": "办结时间", "close_reason": "办结说明", "satisfaction": "满意度",
    "dispute_parties": "纠纷当事人", "mediation_result": "调解结果", "incident_reported_at": "上报时间",
    "incident_reported_to": "上报对象", "created_at": "登记时间", "created_by": "登记人",
    "incident_occurred_at": "事发时间",
    "voided_at": "作废时间", "voided_by": "作废人", "void_reason": "作废原因", "slip_no": "代办单号",
    "ref": "编号", "accepted_at": "受理时间", "promised_date": "承诺日期", "agent": "代办员", "state": "状态",
    "fee_amount": "收费", "told_at": "告知时间", "told_by": "告知人", "reason": "原因", "missing": "缺少材料",
    "received": "已收材料", "materials": "材料", "day": "日期", "session_key": "班次", "from_staff": "交班人",
    "open_matters": "待办事项", "written_at": "填写时间", "acknowledged_by": "接班人",
    "acknowledged_at": "接班时间", "noted_at": "记录时间", "kind": "类别", "text": "内容",
    "recorded_by": "记录人", "found_at": "发现时间", "staff": "人员", "inspector": "督查人",
    "by_county": "县委组织部查实", "detail": "详情", "recorded_at": "记录时间", "name_initials": "拼音首字母",
    "item_version": "办理事项", "visit": "来访记录", "resident": "居民", "notice": "告知单",
    "merged_into": "已合并到",
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _related(instance: Model, field: ForeignKeyField) -> str:
    raw = instance.__data__.get(field.name)
    if raw is None:
        return ""
    try:
        target = getattr(instance, field.name)
    except Exception:  # the related row is missing: show the raw id
        return str(raw)
    for attr in ("label", "name", "person_name", "slip_no", "ref"):
        value = getattr(target, attr, None)
        if isinstance(value, str) and value:
            return value
    return str(raw)


def record_fields(hit: Hit) -> list[tuple[str, str]]:
    """(label, value) of every field of the record behind a search hit, empty ones left out."""
    instance = record_for(hit)
    if instance is None:
        return [("记录", "（原记录不存在）")]
    out: list[tuple[str, str]] = []
    for field in instance._meta.sorted_fields:
        related = isinstance(field, ForeignKeyField)
        text = _related(instance, field) if related else _text(getattr(instance, field.name))
        if text and field.name not in ("name_initials",):
            out.append((LABELS.get(field.name, field.name), text))
    return out
