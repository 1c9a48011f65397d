"""Reading the audit trail (A03) page by page, for the directors' viewer and record histories."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dutydesk.domain.labels import AUDIT_ACTIONS, label
from dutydesk.store.archive.record_view import display_value, field_label
from dutydesk.store.audit import AuditEntry
from dutydesk.store.day_range import within_days

ACTIONS = AUDIT_ACTIONS


@dataclass(frozen=True)
class AuditFilter:
    table_name: str = ""
    record_id: int | None = None
    account: str = ""
    start: dt.date | None = None
    end: dt.date | None = None  # inclusive


def _query(flt: AuditFilter):
    query = AuditEntry.select()
    if flt.table_name:
        query = query.where(AuditEntry.table_name == flt.table_name)
    if flt.record_id is not None:
        query = query.where(AuditEntry.record_id == flt.record_id)
    if flt.account:
        query = query.where(AuditEntry.account == flt.account)
    return within_days(query, AuditEntry.at, flt.start, flt.end)


def audit_page(flt: AuditFilter, offset: int, limit: int) -> list[AuditEntry]:
    """Newest first."""
    return list(_query(flt).order_by(AuditEntry.id.desc()).offset(offset).limit(limit))


def audited_tables() -> list[str]:
    return [r.table_name for r in AuditEntry.select(AuditEntry.table_name).distinct().order_by(AuditEntry.table_name)]


def audit_accounts() -> list[str]:
    return [r.account for r in AuditEntry.select(AuditEntry.account).distinct().order_by(AuditEntry.account)]


def record_history(table_name: str, record_id: int) -> list[AuditEntry]:
    """One record's entries, oldest first."""
    return list(
        AuditEntry.select()
        .where((AuditEntry.table_name == table_name) & (AuditEntry.record_id == record_id))
        .order_by(AuditEntry.id)
    )


def describe(entry: AuditEntry) -> str:
    """One line a director reads: what changed, from what to what, and why."""
    action = label("audit_action", entry.action)
    if entry.action == "update" and entry.field:
        old = display_value(entry.table_name, entry.field, entry.old_value) if entry.old_value else "（空）"
        new = display_value(entry.table_name, entry.field, entry.new_value) if entry.new_value else "（空）"
        text = f"{action} {field_label(entry.table_name, entry.field)}：{old} → {new}"
    else:
        text = action
    if entry.reason:
        text += f"（原因：{entry.reason}）"
    return text
