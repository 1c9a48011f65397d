"""The bundles handed to the township (issue 16), remembered so each names the one before it."""

from __future__ import annotations

from peewee import CharField, DateTimeField, IntegerField

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
