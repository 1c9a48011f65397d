"""The village's monthly bundle for the township (issue 16): JSON lines per table, a manifest,
and an Ed25519 signature.

Written beside the ledgers by 导出到U盘 and by ``dutydesk handoff``. It carries every record of the
month the township needs, plus every correction or void made since the last bundle to records of
earlier months (from the audit trail, A03), so the township's copy converges without re-importing.
The manifest names the center (division code), the period, the schema version, row counts, the
SHA-256 of each file and the hash of the previous bundle: a chain per center, so a missing month
shows. Personal numbers travel masked unless a director approved an unmasked hand-off (V09).

``verify_bundle`` is the township's first check: signature, hashes and row counts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from peewee import fn

from dutydesk import __version__
from dutydesk.domain.division_code import DivisionCodeError, parse_division_code
from dutydesk.domain.text_input import normalize_text
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store import audit
from dutydesk.store.bundle_log import BundleRecord
from dutydesk.store.center import load_center
from dutydesk.store.center_keys import ensure_key_pair
from dutydesk.store.datafolder import DeskError
from dutydesk.store.duty.tally import month_tally
from dutydesk.store.privacy import ExportGrant, export_masker, export_text_masker
from dutydesk.township.bundle_tables import BY_NAME, TABLES, BundleTable
from dutydesk.township.signed_folder import MANIFEST as MANIFEST  # readers name the manifest from here
from dutydesk.township.signed_folder import SIGNATURE as SIGNATURE
from dutydesk.township.signed_folder import drained_jsonl, verify_signed, write_signed
from dutydesk.township.visit_quota import QUOTA, quota_rows

FORMAT = "dutydesk-township-bundle"
SCHEMA_VERSION = 1
CORRECTIONS = "corrections.jsonl"
TALLY = "attendance_tally.jsonl"
FOLDER = "数据包"  # the bundle's folder inside a hand-off


class BundleError(DeskError):
    """A bundle that cannot be written or does not verify; the message is for the user."""


@dataclass(frozen=True)
class Manifest:
    """What ``verify_bundle`` found: a bundle whose signature, hashes and row counts hold."""

    center: str
    center_code: str
    period: str
    schema_version: int
    sha256: str  # this bundle's hash: the next bundle's ``previous_sha256``
    previous_sha256: str
    fingerprint: str
    masked: bool
    rows: dict[str, int] = field(default_factory=dict)  # file name → row count


@dataclass(frozen=True)
class WrittenBundle:
    folder: Path
    period: Period
    sha256: str
    previous_sha256: str
    rows: dict[str, int]
    audit_upto: int = 0


def last_bundle() -> BundleRecord | None:
    return BundleRecord.select().order_by(BundleRecord.id.desc()).first()


def _masked_row(spec: BundleTable, row: dict, grant: ExportGrant | None) -> dict:
    phone, text = export_masker(grant), export_text_masker(grant)
    for column in spec.phones:
        if row.get(column):
            row[column] = phone("phone", str(row[column]))
    for column in spec.texts:
        if isinstance(row.get(column), str):
            row[column] = text(row[column])
    return row


def _rows(db, spec: BundleTable, where: str, params: tuple) -> list[dict]:
    cursor = db.execute_sql(f"SELECT * FROM {spec.table} WHERE {where} ORDER BY id", params)
    names = [c[0] for c in cursor.description]
    # Row by row from the cursor: a month's rows fetched all at once were then freed all at once.
    return [dict(zip(names, values, strict=True)) for values in cursor]


def _masked_value(spec: BundleTable, column: str | None, value: str | None, grant: ExportGrant | None):
    if value is None or column is None:
        return value
    if column in spec.phones:
        return export_masker(grant)("phone", value)
    return export_text_masker(grant)(value)


def corrections(db, period: Period, since: int | None, until: int,
                grant: ExportGrant | None) -> list[dict]:
    """Records of months before ``period`` changed (corrected, voided, or given a follow-up) in
    the audit entries after id ``since`` up to ``until``: each with its whole current row and the
    audit entries (A03) saying how. Entry ids, not times: nothing falls between two bundles."""
    if since is None:
        return []  # the first bundle: the township has no earlier month to correct
    entries = (audit.AuditEntry.select()
               .where(audit.AuditEntry.table_name.in_(list(BY_NAME)), audit.AuditEntry.id > since,
                      audit.AuditEntry.id <= until)
               .order_by(audit.AuditEntry.id))
    earlier = ("0001-01-01", (period.start - dt.timedelta(days=1)).isoformat())
    found: dict[tuple[str, int], dict] = {}
    for entry in entries:
        key = (entry.table_name, entry.record_id)
        spec = BY_NAME[entry.table_name]
        if key not in found:
            rows = _rows(db, spec, f"id = ? AND ({spec.month_sql})", (entry.record_id, *earlier))
            if not rows:
                continue  # a record of this month (already in full) or of a later one
            found[key] = {"table": spec.table, "id": entry.record_id,
                          "row": _masked_row(spec, rows[0], grant), "changes": []}
        found[key]["changes"].append({
            "at": entry.at, "account": entry.account, "action": entry.action, "field": entry.field,
            "old": _masked_value(spec, entry.field, entry.old_value, grant),
            "new": _masked_value(spec, entry.field, entry.new_value, grant), "reason": entry.reason})
    return list(found.values())


def write_bundle(desk, target: Path, period: Period, grant: ExportGrant | None = None) -> WrittenBundle:
    """Write the month's bundle into the (new or empty) folder ``target``; sign it.

    Nothing is remembered in the books here: call ``remember_bundle`` once the bundle is safely
    where it goes (the stick read back), so a failed hand-off does not break the chain.
    """
    profile = load_center()
    if profile is None or not profile.division_code:
        raise BundleError("请先在“工具 → 中心信息”中填写统计用区划代码，再导出给镇（街道）的数据包")
    key = ensure_key_pair(desk.folder.path)
    previous = last_bundle()
    now = desk.now()
    month = (period.start.isoformat(), period.end.isoformat())
    tables = [(f"{spec.table}.jsonl", [_masked_row(spec, row, grant)
                                      for row in _rows(desk.db, spec, spec.month_sql, month)])
              for spec in TABLES]
    year, month_number = period.start.year, period.start.month
    tally = [dataclasses.asdict(row) for row in month_tally(year, month_number, now)]
    tables.append((TALLY, tally))  # the 考勤统计 the township sums (D14), as the desk computes it
    tables.append((QUOTA, quota_rows(desk, period)))  # 走访完成情况统计 (G03/G04), as the desk computes it
    since = previous.audit_upto if previous else None
    upto = audit.AuditEntry.select(fn.MAX(audit.AuditEntry.id)).scalar() or 0
    tables.append((CORRECTIONS, corrections(desk.db, period, since, upto, grant)))
    header = {
        "format": FORMAT, "schema_version": SCHEMA_VERSION, "app_version": __version__,
        "center": profile.name, "township": profile.township, "center_code": profile.division_code,
        "period": f"{period.start:%Y-%m}", "written_at": now.isoformat(timespec="seconds"),
        "written_by": desk.who, "masked": grant is None,
        "unmasked_approved_by": grant.approved_by if grant else "",
        "unmasked_reason": grant.reason if grant else "",
        "previous_sha256": previous.manifest_sha256 if previous else "",
    }
    manifest, sha = write_signed(target, header, [(name, drained_jsonl(records)) for name, records in tables], key)
    rows = {entry["name"]: entry["rows"] for entry in manifest["files"]}
    return WrittenBundle(target, period, sha, header["previous_sha256"], rows, upto)


def remember_bundle(desk, written: WrittenBundle, folder: Path | None = None) -> BundleRecord:
    """Record a bundle handed off (audited, append-only): the next bundle links to its hash."""
    with desk.db.atomic():
        return audit.create(BundleRecord, desk.who, desk.now(), period=f"{written.period.start:%Y-%m}",
                            written_at=desk.now(), written_by=desk.who, manifest_sha256=written.sha256,
                            previous_sha256=written.previous_sha256, folder=str(folder or written.folder),
                            audit_upto=written.audit_upto)


def _checked_header(manifest: dict) -> tuple[str, str, str, str]:
    """The signed manifest's center name (normalised as the desk's own text input, V09: no RTL
    mark or zero-width character reaches a township screen), code, month and previous hash."""
    name = normalize_text(manifest.get("center")) if isinstance(manifest.get("center"), str) else ""
    if not name or len(name) > 100:
        raise BundleError("数据包的清单中没有有效的中心名称，不能导入")
    try:
        code = parse_division_code(str(manifest.get("center_code", "")))
    except DivisionCodeError:
        raise BundleError("数据包的清单中没有有效的统计用区划代码，不能导入") from None
    period = manifest.get("period")
    if not isinstance(period, str) or not re.fullmatch(r"(19|20)\d\d-(0[1-9]|1[0-2])", period):
        raise BundleError("数据包的清单中的月份不对，不能导入")
    previous = manifest.get("previous_sha256", "")
    if not isinstance(previous, str) or not re.fullmatch(r"([0-9a-f]{64})?", previous):
        raise BundleError("数据包的清单中上一个数据包的校验值不对，不能导入")
    return name, code, period, previous


def verify_bundle(folder: Path) -> Manifest:
    """Check a bundle as the township receives it: the signature over the manifest by the key it
    names, then every listed file's presence, SHA-256 and row count, and the manifest's own fields.
    BundleError (Chinese) on any fault; the caller compares ``fingerprint`` with the one
    registered for the village."""
    checked = verify_signed(folder, FORMAT, SCHEMA_VERSION, BundleError)
    manifest = checked.manifest
    name, code, period, previous = _checked_header(manifest)
    return Manifest(name, code, period, SCHEMA_VERSION, checked.sha256, previous, checked.fingerprint,
                    manifest.get("masked", True) is not False, checked.rows)
