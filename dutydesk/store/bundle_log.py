"""The bundles handed to the township (issue 16), remembered so each names the one before it."""

from __future__ import annotations

from peewee import CharField, DateTimeField, IntegerField

from dutydesk.store.archive import record_view
from dutydesk.store.base import BaseModel


class BundleRecord(BaseModel):
    """One bundle handed off (append-only, m0049): the next bundle links to its hash."""

    period = CharField()
    written_at = DateTimeField()
    written_by = CharField()
    manifest_sha256 = CharField()
    previous_sha256 = CharField(default="")
    folder = CharField(default="")
    audit_upto = IntegerField(default=0)  # the last audit entry the bundle looked at

    class Meta:
        table_name = "bundle_record"


# How the audit viewer names this table and the new center column (no code names on screen).
record_view.TABLE_NAMES["bundle_record"] = "交镇数据包"
record_view.TABLE_LABELS.update({
    ("bundle_record", "period"): "月份", ("bundle_record", "written_at"): "导出时间",
    ("bundle_record", "written_by"): "导出人", ("bundle_record", "manifest_sha256"): "数据包校验值",
    ("bundle_record", "previous_sha256"): "上一数据包校验值", ("bundle_record", "folder"): "导出位置",
    ("bundle_record", "audit_upto"): "已包含的修改记录",
    ("center_profile", "division_code"): "统计用区划代码",
})
