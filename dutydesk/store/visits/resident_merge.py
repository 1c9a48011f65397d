"""Merging a duplicate resident record into the one kept (工具 → 合并重复群众记录).

It moves the duplicate's visits over, so it lives beside the visit register: visits depend on
residents, never the other way round.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.store import audit
from dutydesk.store.base import database
from dutydesk.store.visits.residents import Resident, add_phones
from dutydesk.store.visits.visit import Visit


def merge_residents(keep: Resident, other: Resident, who: str, at: dt.datetime) -> Resident:
    """Merge a duplicate into ``keep``: its visits, phones and missing details move over, and the
    duplicate stays in the books marked as merged, so both histories remain readable (A03)."""
    if keep.id == other.id:
        raise ValueError("不能与自身合并")
    if keep.id_number and other.id_number and keep.id_number != other.id_number:
        raise ValueError("两条记录的身份证号码不同，不是同一人，不能合并")
    reason = f"合并群众记录 #{other.id} 到 #{keep.id}"
    with database.atomic():
        fill = {}
        for name in ("id_number", "birth_date", "gender", "village_group", "address", "note"):
            if not getattr(keep, name) and getattr(other, name):
                fill[name] = getattr(other, name)
        tags = keep.tag_list + [t for t in other.tag_list if t not in keep.tag_list]
        fill["tags"] = ",".join(tags)
        audit.update(keep, who, at, reason=reason, **fill)
        add_phones(keep, other.phones(), who, at)
        for visit in Visit.select().where(Visit.resident == other):
            audit.update(visit, who, at, reason=reason, resident=keep)
        audit.update(other, who, at, reason=reason, merged_into=keep)
    return keep
