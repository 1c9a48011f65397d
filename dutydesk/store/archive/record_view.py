"""A record's fields as label/value text for the read-only archive view, for any indexed model."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from peewee import ForeignKeyField, Model

from dutydesk.domain.labels import value_label
from dutydesk.store.search_index import SOURCES, Hit, record_for

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
    "merged_into": "已合并到", "mobile": "手机号", "role": "职务", "duties": "职责", "rotation": "轮值方式",
    "active": "在用", "active_from": "起始日期", "active_to": "截止日期", "principal": "主要领导",
    "password_hash": "密码", "cause": "原因", "start": "开始日期", "end": "结束日期", "method": "方式",
    "content": "内容", "staff_name": "人员", "given_at": "反馈时间", "done_at": "办理时间",
    "old_deadline": "原期限", "new_deadline": "新期限", "case": "代办事项", "details": "登记内容",
    "reversed_at": "撤销时间", "reversed_by": "撤销人", "reverse_reason": "撤销原因", "item": "办理事项",
    "person_id_number": "身份证号", "channel_note": "方式说明", "version": "版本",
}
# The books' tables as the audit viewer names them.
TABLE_NAMES = {
    "account": "账户", "calendar_day": "节假日调整", "catalogue_version": "办事指南", "center_profile": "中心信息",
    "correction": "更正说明", "duty_finding": "督查记录", "duty_note": "值班记录", "duty_review_meeting": "值班例会",
    "duty_swap": "对调", "export_log": "导出记录", "handover": "交接班", "incident_report": "突发事件报告",
    "leave_request": "请假", "lookup_entry": "查阅登记", "notice_record": "一次性告知", "proxy_case": "代办事项",
    "proxy_step": "代办环节", "resident": "居民档案", "resident_phone": "居民电话", "roster_slot": "值班安排",
    "satisfaction_survey": "满意度测评", "setting_value": "设置", "sign_in": "签到", "special_period": "特殊时期",
    "staff": "值班人员", "staff_phone": "人员电话", "visit": "来访记录", "visit_extension": "延期",
    "visit_feedback": "反馈", "visit_followup": "跟进记录", "visit_pause": "暂停计时", "whereabouts": "去向",
    "year_closure": "年度归档", "slip_counter": "单号", "login_attempt": "登录记录", "audit_entry": "审计记录",
    "search_doc": "检索索引",
    "township_key": "镇（街道）密钥", "township_package": "镇（街道）数据包导入",
    "township_package_item": "镇（街道）数据包导入明细", "township_decision": "镇（街道）审核结果",
    "bundle_record": "交镇数据包",
}


def table_label(table: str) -> str:
    return TABLE_NAMES.get(table, "其他记录")


def record_number(table: str, record_id: int) -> str:
    """The number staff quote for a record: a visit's 2026-002682, a slip's DB2026-000123; other
    records keep their row number."""
    source = SOURCES.get(table)
    if source is not None:
        row = source.model.get_or_none(source.model._meta.primary_key == record_id)
        for attr in ("ref", "slip_no"):
            value = getattr(row, attr, None)
            if isinstance(value, str) and value:
                return value
    return str(record_id)


# Columns never shown in the record view (internal keys, secrets).
HIDDEN_FIELDS = {"name_initials", "password_hash",
                 "item_key"}  # township_package_item: the description says it in words

# A column whose meaning differs in one table.
TABLE_LABELS = {
    ("account", "role"): "权限", ("account", "name"): "账户名",
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
    ("bundle_record", "period"): "月份", ("bundle_record", "written_at"): "导出时间",
    ("bundle_record", "written_by"): "导出人", ("bundle_record", "manifest_sha256"): "数据包校验值",
    ("bundle_record", "previous_sha256"): "上一数据包校验值", ("bundle_record", "folder"): "导出位置",
    ("bundle_record", "audit_upto"): "已包含的修改记录",
    ("center_profile", "division_code"): "统计用区划代码",
}


def field_label(table: str, column: str) -> str:
    """The Chinese name of a stored column; an unknown one shows as 其他项目, never its code name."""
    return TABLE_LABELS.get((table, column)) or LABELS.get(column) or LABELS.get(column.removesuffix("_id"), "其他项目")


def _materials(value: str) -> str:
    """A JSON list of materials (received with pages, or missing) as 名称（原件1份，3页）; other
    text as is."""
    if not value.startswith("[{"):
        return value
    try:
        items = json.loads(value)
    except ValueError:
        return value
    parts = []
    for item in items:
        if not isinstance(item, dict):
            return value
        material = item.get("material", item)
        name = material.get("name", "")
        detail = [f"{material.get('form', '')}{material.get('copies', 1)}份"]
        if "pages" in item:
            detail.append(f"{item['pages']}页")
        parts.append(f"{name}（{'，'.join(detail)}）")
    return "；".join(parts)


def display_value(table: str, column: str, value: object) -> str:
    """A stored value as staff read it (labels for codes, materials spelled out, short times)."""
    if isinstance(value, (bool, dt.date)):
        return _text(value)
    return _materials(value_label(table, column, value))


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
    for attr in ("ref", "slip_no", "label", "name", "person_name"):
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
    table = instance._meta.table_name
    for field in instance._meta.sorted_fields:
        related = isinstance(field, ForeignKeyField)
        text = _related(instance, field) if related else display_value(table, field.name, getattr(instance, field.name))
        if field.name == "id" and isinstance(getattr(instance, "ref", None), str):
            text = instance.ref  # the number staff quote (2026-002682), never the bare row id
        if text and field.name not in HIDDEN_FIELDS:
            out.append((field_label(table, field.name), text))
    return out
