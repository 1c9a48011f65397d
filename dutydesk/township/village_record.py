"""Every record a village handed in, in its latest version, and the versions it replaced (A03).

A record is keyed by village, table and the village's own record id. A month's bundle brings its
records; a later bundle's corrections bring earlier months' records again, whole. A record whose
content changed is replaced only after its old content is kept in ``village_record_version``
(append-only, with the village's own audit entries saying who changed what and why) and the
replacement noted in the audit trail, so the township converges without ever losing a version.
New records are added in bulk under their bundle's import entry (``bundle_import``, itself audited):
the village's own audit trail is where each was written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping

from peewee import CharField, ForeignKeyField, IntegerField, TextField

from dutydesk.store.audit import AuditEntry
from dutydesk.township.bundle_import import BundleImport
from dutydesk.township.bundle_tables import BY_NAME, TABLES
from dutydesk.township.township_database import TownshipModel
from dutydesk.township.village import Village

BATCH = 200  # rows per INSERT / ids per IN (well under every engine's parameter limit)
_DATE_COLUMN = re.compile(r"^date\((\w+)\)")


class VillageRecord(TownshipModel):
    village = ForeignKeyField(Village, backref="records")
    table_name = CharField()
    record_id = IntegerField()
    period = CharField()  # "YYYY-MM": the month whose bundle carries the record
    data = TextField()  # the row as JSON, the village's column names
    version = IntegerField(default=1)
    bundle_import = ForeignKeyField(BundleImport)


class VillageRecordVersion(TownshipModel):
    village_record = ForeignKeyField(VillageRecord, backref="versions")
    version = IntegerField()
    data = TextField()
    bundle_import = ForeignKeyField(BundleImport)
    replaced_by_import = ForeignKeyField(BundleImport)
    changes = TextField(default="[]")  # the village's audit entries that led to the replacement


def canonical(row: Mapping) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _existing(village: Village, table: str, ids: list[int]) -> dict[int, VillageRecord]:
    found: dict[int, VillageRecord] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        for record in VillageRecord.select().where(
                (VillageRecord.village == village.id) & (VillageRecord.table_name == table)
                & VillageRecord.record_id.in_(chunk)):
            found[record.record_id] = record
    return found


def _replace(record: VillageRecord, data: str, bundle: BundleImport, changes: list, who: str,
             at: dt.datetime) -> None:
    VillageRecordVersion.insert(village_record=record.id, version=record.version, data=record.data,
                                bundle_import=record.bundle_import_id, replaced_by_import=bundle.id,
                                changes=canonical(changes)).execute()
    VillageRecord.update(data=data, version=record.version + 1, bundle_import=bundle.id).where(
        VillageRecord.id == record.id).execute()
    AuditEntry.create(at=at, account=who, table_name=VillageRecord._meta.table_name, record_id=record.id,
                      action="update", field="data", old_value=f"第{record.version}版",
                      new_value=f"第{record.version + 1}版", reason=f"{bundle.period}数据包带来的更正")


_NEW_RECORD = ("village_id", "table_name", "record_id", "period", "data", "bundle_import_id")


def _insert_records(rows: list[tuple]) -> None:
    """New records, ``BATCH`` rows per INSERT with the statement written out once: peewee's
    ``insert_many`` builds its SQL value by value, which was most of a bundle's import on both
    engines (issue 16 point 9). Every value is a plain int or text."""
    db = VillageRecord._meta.database
    head = f"INSERT INTO {VillageRecord._meta.table_name} ({', '.join(_NEW_RECORD)}) VALUES "
    one = "(" + ", ".join([db.param] * len(_NEW_RECORD)) + ")"
    for start in range(0, len(rows), BATCH):
        chunk = rows[start:start + BATCH]
        db.execute_sql(head + ", ".join([one] * len(chunk)), [value for row in chunk for value in row])


def apply_month_rows(village: Village, bundle: BundleImport, tables: Mapping[str, list[dict]], who: str,
                     at: dt.datetime) -> dict[str, int]:
    """The month's records from a bundle: new ones added, changed ones replaced (old kept).
    Returns how many were added and replaced."""
    counts = {"added": 0, "replaced": 0}
    for spec in TABLES:
        rows = tables.get(spec.table, [])
        existing = _existing(village, spec.table, [row["id"] for row in rows])
        new = []
        for row in rows:
            data = canonical(row)
            record = existing.get(row["id"])
            if record is None:
                new.append((village.id, spec.table, row["id"], bundle.period, data, bundle.id))
            elif record.data != data:
                _replace(record, data, bundle, [], who, at)
                counts["replaced"] += 1
        _insert_records(new)
        counts["added"] += len(new)
    return counts


def _period_of(village: Village, table: str, row: Mapping, fallback: str) -> str:
    """The month a corrected record belongs to: its owner's (a follow-up: its visit's), else the
    month of its own date column, as the village's bundle tables pick it."""
    spec = BY_NAME[table]
    if spec.owner is not None:
        parent_table, column = spec.owner
        parent = VillageRecord.get_or_none((VillageRecord.village == village.id)
                                           & (VillageRecord.table_name == parent_table)
                                           & (VillageRecord.record_id == row.get(column)))
        if parent is not None:
            return parent.period
    match = _DATE_COLUMN.match(spec.month_sql)
    value = str(row.get(match.group(1)) or "") if match else ""
    return value[:7] if re.match(r"^\d{4}-\d{2}", value) else fallback


def apply_corrections(village: Village, bundle: BundleImport, corrections: Iterable[Mapping], who: str,
                      at: dt.datetime) -> int:
    """Earlier months' records corrected, voided or added to at the village since its last bundle."""
    applied = 0
    for correction in corrections:
        table, row = correction["table"], correction["row"]
        if table not in BY_NAME:
            continue  # a table this township version does not keep
        data = canonical(row)
        record = _existing(village, table, [row["id"]]).get(row["id"])
        if record is None:
            VillageRecord.insert(village=village.id, table_name=table, record_id=row["id"],
                                 period=_period_of(village, table, row, bundle.period), data=data,
                                 bundle_import=bundle.id).execute()
            applied += 1
        elif record.data != data:
            _replace(record, data, bundle, list(correction.get("changes", [])), who, at)
            applied += 1
    return applied


def month_tables(village: Village, period: str) -> dict[str, list[dict]]:
    """A village's month: every table's records in their latest version, by record id."""
    tables: dict[str, list[dict]] = {spec.table: [] for spec in TABLES}
    query = (VillageRecord.select(VillageRecord.table_name, VillageRecord.data)
             .where((VillageRecord.village == village.id) & (VillageRecord.period == period))
             .order_by(VillageRecord.table_name, VillageRecord.record_id).tuples())  # no model per row
    for table, data in query:
        tables.setdefault(table, []).append(json.loads(data))
    return tables


def versions(record: VillageRecord) -> list[VillageRecordVersion]:
    """The contents a record had before, oldest first."""
    return list(record.versions.order_by(VillageRecordVersion.version))
