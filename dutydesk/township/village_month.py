"""One village's month as the township holds it (issue 16): the contract between the township's
store (which keeps every imported bundle's rows, corrections applied) and what reads it (status,
consolidated ledgers, the township's screens).

``tables`` maps a bundle table name (``bundle_tables.TABLES``: visit, visit_followup,
visit_feedback, proxy_case, proxy_step, roster_slot, sign_in, household_visit, …) to the month's
rows exactly as the bundle carries them (one dict per record, the village's own column names),
each record in its latest version: a correction in a later bundle replaces the earlier row.
``tally`` is the bundle's attendance tally (考勤统计, D14) as the desk computed it. The household-visit
quota (走访完成情况统计, G03/G04), also computed by the desk, is ``tables["visit_quota"]`` when the
bundle carries it (``visit_quota.QUOTA``); a month without that key shows no quota figure.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dutydesk.township.bundle import MANIFEST, TALLY
from dutydesk.township.bundle_tables import TABLES
from dutydesk.township.visit_quota import QUOTA
from dutydesk.township.visit_quota import TABLE as QUOTA_TABLE

# Where a village's month stands at the township (报送情况)
NOT_SUBMITTED = "not_submitted"
SUBMITTED = "submitted"
RETURNED = "returned"
APPROVED = "approved"
STATUS_LABELS = {NOT_SUBMITTED: "未报送", SUBMITTED: "已报送", RETURNED: "已退回", APPROVED: "已审核"}


@dataclass(frozen=True)
class VillageMonth:
    code: str  # the center's 12-digit statistical division code
    name: str  # the center's name
    period: str  # "YYYY-MM"
    tables: Mapping[str, Sequence[Mapping]] = field(default_factory=dict)
    tally: Sequence[Mapping] = ()
    status: str = SUBMITTED

    def rows(self, table: str) -> Sequence[Mapping]:
        return self.tables.get(table, ())


def _jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def read_bundle_folder(folder: Path) -> VillageMonth:
    """A bundle folder read as it stands (no signature check, no earlier months' corrections):
    for tests and tools; the township's store is the real source (``verify_bundle`` first)."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    tables = {spec.table: _jsonl(folder / f"{spec.table}.jsonl") for spec in TABLES}
    if (folder / QUOTA).exists():  # bundles written before it carry no quota (G03)
        tables[QUOTA_TABLE] = _jsonl(folder / QUOTA)
    return VillageMonth(manifest["center_code"], manifest["center"], manifest["period"], tables,
                        _jsonl(folder / TALLY))
