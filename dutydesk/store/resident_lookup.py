"""As-you-type lookup of residents by phone prefix, ID prefix, name prefix or pinyin initials.

Runs on every keystroke at the desk, so each branch is one prefix range scan on an index
(``col >= p AND col < p'``), limited to a handful of rows, and only the shown residents' last
visits are read. The benchmark in ``tests/benchmarks`` keeps this under 30 ms at a million visits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dutydesk.domain import visit_rules as rules
from dutydesk.store.residents import Resident, ResidentPhone, active, prefix_upper
from dutydesk.store.visits import Visit

_DIGITS = re.compile(r"^[0-9]+[xX]?$")
_LETTERS = re.compile(r"^[A-Za-z]+$")
MIN_PHONE_PREFIX = 3


@dataclass
class ResidentMatch:
    resident: Resident
    phones: list[str] = field(default_factory=list)
    last_visits: list[Visit] = field(default_factory=list)
    open_count: int = 0


def _ids_by_phone(prefix: str, limit: int) -> list[int]:
    query = (ResidentPhone.select(ResidentPhone.resident)
             .where((ResidentPhone.phone >= prefix) & (ResidentPhone.phone < prefix_upper(prefix)))
             .order_by(ResidentPhone.phone).limit(limit))
    return [row.resident_id for row in query]


def _range(column, prefix: str):
    return (column >= prefix) & (column < prefix_upper(prefix))


def find_residents(text: str, limit: int = 8) -> list[Resident]:
    """Residents matching what was typed so far, best guesses first; at most ``limit``."""
    text = text.strip().replace(" ", "")
    if not text:
        return []
    ids: list[int] = []
    if _DIGITS.match(text):
        digits = text.upper()
        if len(digits) >= MIN_PHONE_PREFIX and digits.isdigit():
            ids += _ids_by_phone(digits, limit * 2)
        if len(digits) >= 6:
            query = (Resident.select(Resident.id).where(_range(Resident.id_number, digits) & active())
                     .order_by(Resident.id_number).limit(limit))
            ids += [r.id for r in query]
    elif _LETTERS.match(text):
        query = (Resident.select(Resident.id)
                 .where(_range(Resident.name_initials, text.lower()) & active())
                 .order_by(Resident.name_initials, Resident.id).limit(limit))
        ids += [r.id for r in query]
    else:
        query = (Resident.select(Resident.id).where(_range(Resident.name, text) & active())
                 .order_by(Resident.name, Resident.id).limit(limit))
        ids += [r.id for r in query]
    unique = list(dict.fromkeys(ids))
    if not unique:
        return []
    found = {r.id: r for r in Resident.select().where(Resident.id.in_(unique) & active())}
    return [found[i] for i in unique if i in found][:limit]


def lookup(text: str, limit: int = 8, visits_each: int = 3) -> list[ResidentMatch]:
    """Matching residents with their phones, last visits and number of open matters."""
    residents = find_residents(text, limit)
    if not residents:
        return []
    ids = [r.id for r in residents]
    phones: dict[int, list[str]] = {i: [] for i in ids}
    for row in ResidentPhone.select().where(ResidentPhone.resident.in_(ids)).order_by(ResidentPhone.id):
        phones[row.resident_id].append(row.phone)
    matches = []
    for resident in residents:
        last = list(Visit.select()
                    .where((Visit.resident == resident.id) & Visit.voided_at.is_null())
                    .order_by(Visit.received_at.desc()).limit(visits_each))
        open_count = (Visit.select()
                      .where((Visit.resident == resident.id) & Visit.voided_at.is_null()
                             & Visit.closed_at.is_null()
                             & Visit.status.in_((rules.PENDING, rules.IN_PROGRESS, rules.DONE)))
                      .count())
        matches.append(ResidentMatch(resident, phones[resident.id], last, open_count))
    return matches
