"""As-you-type lookup of residents by phone prefix, ID prefix, name prefix or pinyin initials.

Runs on every keystroke at the desk, so each branch is one prefix range scan on an index
(``col >= p AND col < p'``), limited to a handful of rows, and only the shown residents' last
visits are read. The benchmark in ``tests/benchmarks`` keeps this under 30 ms at a million visits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dutydesk.domain import visit_rules as rules
from dutydesk.domain.labels import label
from dutydesk.domain.phone import phone_prefix
from dutydesk.domain.text_input import normalize_compact
from dutydesk.store.base import database
from dutydesk.store.visits.residents import Resident, active, prefix_upper

_DIGITS = re.compile(r"^[0-9]+[xX]?$")
_PHONE = re.compile(r"^[0-9][0-9-]*$")
_LETTERS = re.compile(r"^[A-Za-z]+$")
MIN_PHONE_PREFIX = 3


@dataclass(frozen=True)
class VisitBrief:
    """Just what the lookup list shows of a past visit."""

    id: int
    received_at: dt.datetime
    category: str
    status: str

    @property
    def status_label(self) -> str:
        return label("visit_status", self.status)


@dataclass
class ResidentMatch:
    resident: Resident
    phones: list[str] = field(default_factory=list)
    last_visits: list[VisitBrief] = field(default_factory=list)
    open_count: int = 0


# Raw SQL on purpose: this runs on every keystroke, and building peewee queries over the wide
# visit table cost more than executing them. Each statement is a range scan on an index.
_ACTIVE = "voided_at IS NULL AND merged_into_id IS NULL"
_BY_PHONE = "SELECT resident_id FROM resident_phone WHERE phone >= ? AND phone < ? ORDER BY phone LIMIT ?"
_BY_ID_NUMBER = (f"SELECT id FROM resident WHERE id_number >= ? AND id_number < ? AND {_ACTIVE} "
                 "ORDER BY id_number LIMIT ?")
_BY_INITIALS = (f"SELECT id FROM resident WHERE name_initials >= ? AND name_initials < ? AND {_ACTIVE} "
                "ORDER BY name_initials, id LIMIT ?")
# Other readings' initials follow the usual one after a space ("cy zy"): not a prefix the index can
# range-scan, so they are matched on the index's own entries (a covering scan, no table rows read)
# only when the usual readings did not already fill the list.
_BY_OTHER_READING = "SELECT id FROM resident WHERE name_initials LIKE ? ORDER BY name_initials, id LIMIT ?"
_BY_NAME = f"SELECT id FROM resident WHERE name >= ? AND name < ? AND {_ACTIVE} ORDER BY name, id LIMIT ?"


def _ids(sql: str, prefix: str, limit: int) -> list[int]:
    return [row[0] for row in database.execute_sql(sql, (prefix, prefix_upper(prefix), limit))]


def find_residents(text: str, limit: int = 8) -> list[Resident]:
    """Residents matching what was typed so far, best guesses first; at most ``limit``."""
    text = normalize_compact(text)  # V09: full-width digits, zero-width characters, spaces
    if not text:
        return []
    ids: list[int] = []
    text = phone_prefix(text)
    if _PHONE.match(text) or _DIGITS.match(text):
        digits = text.upper()
        if len(digits) >= MIN_PHONE_PREFIX and _PHONE.match(digits):
            ids += _ids(_BY_PHONE, digits, limit * 2)
        if len(digits) >= 6 and _DIGITS.match(digits):
            ids += _ids(_BY_ID_NUMBER, digits, limit)
    elif _LETTERS.match(text):
        ids += _ids(_BY_INITIALS, text.lower(), limit)
        if len(ids) < limit and len(text) >= 2:
            ids += [row[0] for row in database.execute_sql(
                _BY_OTHER_READING, (f"% {text.lower()}%", limit * 2))]
    else:
        ids += _ids(_BY_NAME, text, limit)
    unique = list(dict.fromkeys(ids))
    if not unique:
        return []
    found = {r.id: r for r in Resident.select().where(Resident.id.in_(unique) & active())}
    return [found[i] for i in unique if i in found][:limit]


def _marks(ids: list[int]) -> str:
    return ", ".join("?" * len(ids))


def lookup(text: str, limit: int = 8, visits_each: int = 3) -> list[ResidentMatch]:
    """Matching residents with their phones, last visits and number of open matters."""
    residents = find_residents(text, limit)
    if not residents:
        return []
    ids = [r.id for r in residents]
    marks = _marks(ids)
    phones: dict[int, list[str]] = {i: [] for i in ids}
    for rid, phone in database.execute_sql(
            f"SELECT resident_id, phone FROM resident_phone WHERE resident_id IN ({marks}) ORDER BY id", ids):
        phones[rid].append(phone)
    last: dict[int, list[VisitBrief]] = {i: [] for i in ids}
    for rid, vid, received, category, status in database.execute_sql(
            "SELECT resident_id, id, received_at, category, status FROM ("
            " SELECT resident_id, id, received_at, category, status, ROW_NUMBER() OVER ("
            "  PARTITION BY resident_id ORDER BY received_at DESC, id DESC) AS n"
            f" FROM visit WHERE resident_id IN ({marks}) AND voided_at IS NULL)"
            " WHERE n <= ? ORDER BY resident_id, n", [*ids, visits_each]):
        last[rid].append(VisitBrief(vid, dt.datetime.fromisoformat(str(received)), category, status))
    open_counts = dict(database.execute_sql(
        f"SELECT resident_id, COUNT(*) FROM visit WHERE resident_id IN ({marks}) AND voided_at IS NULL"
        " AND closed_at IS NULL AND status IN (?, ?, ?) GROUP BY resident_id",
        [*ids, rules.PENDING, rules.IN_PROGRESS, rules.DONE]).fetchall())
    return [ResidentMatch(r, phones[r.id], last[r.id], open_counts.get(r.id, 0)) for r in residents]
