"""Phones and ID numbers already in the books get their one canonical form (V09).

Before this release a number was stored as typed: "１３８…" in full-width mode, "+86 138…",
"057188886666" beside "0571-88886666", a zero-width space pasted from a chat. Such rows escaped
duplicate checks and searches. Each changed value is rewritten here and, as every change to
the books, recorded in the audit trail (A03): account "系统", the old and the new value and the
reason. Rows filed in a closed year (A04) are left as they are. The search index's keys of the
changed records are brought along, so the canonical digits find them.

Plain SQL on the tables as they are when this runs (a file at m0011 has no staff yet, a newer
one has everything); the rewriting itself is the pure ``domain`` normalisation, the same one
every entry point now uses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from peewee import SqliteDatabase

from dutydesk.domain.idcard import normalize_id_number
from dutydesk.domain.phone import normalize_phone

ACCOUNT = "系统"
REASON = "数据升级：号码统一为标准格式（全角转半角、去除不可见字符和国家代码）"

# (table, column, normalisation, table of its search document, column holding that document's id)
COLUMNS: list[tuple[str, str, Callable[[str], str], str, str]] = [
    ("resident", "id_number", normalize_id_number, "resident", "id"),
    ("resident_phone", "phone", normalize_phone, "resident", "resident_id"),
    ("visit", "contact", normalize_phone, "visit", "id"),
    ("visit", "outside_phone", normalize_phone, "visit", "id"),
    ("staff", "mobile", normalize_phone, "", ""),
    ("staff_phone", "mobile", normalize_phone, "", ""),
    ("notice_record", "person_phone", normalize_phone, "notice_record", "id"),
    ("proxy_case", "person_phone", normalize_phone, "proxy_case", "id"),
    ("center_profile", "public_phone", normalize_phone, "", ""),
    ("center_profile", "supervision_phone", normalize_phone, "", ""),
]


# Values already in canonical form are skipped in SQL: a village's million visits need no Python.
_D = "[0-9]"
CANONICAL = {
    normalize_id_number: f"GLOB '{_D * 17}[0-9X]'",
    normalize_phone: f"GLOB '1[3-9]{_D * 9}'",
}


def _tables(db: SqliteDatabase) -> set[str]:
    return {row[0] for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(db: SqliteDatabase, table: str) -> set[str]:
    return {row[1] for row in db.execute_sql(f"PRAGMA table_info({table})")}


class _SearchKeys:
    """The archive search documents of changed records, their keys rewritten old -> new."""

    def __init__(self, db: SqliteDatabase, tables: set[str]) -> None:
        self.db = db
        self.indexed = {"search_doc", "search_fts_tri", "search_fts_bi"} <= tables
        self.closing = "year_closure" in tables and self.indexed
        self.changes: dict[tuple[str, int], list[tuple[str, str]]] = {}

    def in_closed_year(self, doc_table: str, doc_id: int) -> bool:
        if not (self.closing and doc_table):
            return False
        return self.db.execute_sql(
            "SELECT 1 FROM search_doc d JOIN year_closure y ON y.year = CAST(substr(d.day, 1, 4) AS INTEGER) "
            "WHERE d.ref_table = ? AND d.ref_id = ?", (doc_table, doc_id)).fetchone() is not None

    def note(self, doc_table: str, doc_id: int, old: str, new: str) -> None:
        if self.indexed and doc_table and old:
            self.changes.setdefault((doc_table, doc_id), []).append((old, new))

    def rewrite(self) -> None:
        if not self.changes:
            return
        from dutydesk.store.search_index import bigrams, normalise  # the index's own tokenising

        def fts(action: str, row_id: int, title: str, body: str, keys: str) -> None:
            tri, bi = ("search_fts_tri", "search_fts_bi")
            if action == "delete":
                self.db.execute_sql(f"INSERT INTO {tri} ({tri}, rowid, title, body, keys) "
                                    "VALUES ('delete', ?, ?, ?, ?)",
                                    (row_id, normalise(title), normalise(body), normalise(keys)))
                self.db.execute_sql(f"INSERT INTO {bi} ({bi}, rowid, grams) VALUES ('delete', ?, ?)",
                                    (row_id, bigrams(title, body, keys)))
            else:
                self.db.execute_sql(f"INSERT INTO {tri} (rowid, title, body, keys) VALUES (?, ?, ?, ?)",
                                    (row_id, normalise(title), normalise(body), normalise(keys)))
                self.db.execute_sql(f"INSERT INTO {bi} (rowid, grams) VALUES (?, ?)",
                                    (row_id, bigrams(title, body, keys)))

        for (doc_table, doc_id), pairs in self.changes.items():
            row = self.db.execute_sql("SELECT id, title, body, keys FROM search_doc WHERE ref_table = ? "
                                      "AND ref_id = ?", (doc_table, doc_id)).fetchone()
            if row is None:
                continue
            row_id, title, body, keys = row
            new_keys = keys
            for old, new in pairs:
                new_keys = new_keys.replace(old, new)
            if new_keys == keys:
                continue
            fts("delete", row_id, title, body, keys)
            self.db.execute_sql("UPDATE search_doc SET keys = ? WHERE id = ?", (new_keys, row_id))
            fts("insert", row_id, title, body, new_keys)


def apply(db: SqliteDatabase) -> None:
    # A migration has no desk clock: the audit entries carry the time the upgrade ran.
    at = str(dt.datetime.now().replace(microsecond=0))
    tables = _tables(db)
    search = _SearchKeys(db, tables)
    for table, column, normal, doc_table, doc_column in COLUMNS:
        if table not in tables or column not in _columns(db, table):
            continue
        rows = db.execute_sql(
            f"SELECT id, {column}, {doc_column or 'id'} FROM {table} "
            f"WHERE {column} IS NOT NULL AND {column} != '' AND NOT {column} {CANONICAL[normal]}").fetchall()
        for row_id, old, doc_id in rows:
            new = normal(old)
            if new == old or search.in_closed_year(doc_table, doc_id):
                continue
            db.execute_sql(f"UPDATE {table} SET {column} = ? WHERE id = ?", (new, row_id))
            db.execute_sql(
                "INSERT INTO audit_entry (at, account, table_name, record_id, action, field, old_value, "
                "new_value, reason) VALUES (?, ?, ?, ?, 'update', ?, ?, ?, ?)",
                (at, ACCOUNT, table, row_id, column, old, new, REASON))
            search.note(doc_table, doc_id, old, new)
    search.rewrite()
