"""Bring stored pinyin initials up to date after the rule that computes them changed.

``Resident.name_initials`` is derived from the name (every reading of a polyphonic character,
``store.visits.residents.name_initials``). Books written before that rule hold only one reading, so
those residents are found by their usual initials only until this runs. It rewrites the derived
column alone (no record content changes, hence no audit entry), in one transaction, and is meant
to be called once by a data migration; ``search_rebuild.reindex_all()`` afterwards puts the new
initials into the archive search keys.
"""

from __future__ import annotations

from dutydesk.store.base import database
from dutydesk.store.visits.residents import name_initials

BATCH = 2000


def refresh_name_initials() -> int:
    """Recompute every resident's initials; returns how many rows changed."""
    changed = 0
    with database.atomic():
        rows = database.execute_sql("SELECT id, name, name_initials FROM resident").fetchall()
        updates = [(fresh, rid) for rid, name, stored in rows if (fresh := name_initials(name or "")) != stored]
        for start in range(0, len(updates), BATCH):
            database.cursor().executemany("UPDATE resident SET name_initials = ? WHERE id = ?",
                                          updates[start:start + BATCH])
        changed = len(updates)
    return changed
