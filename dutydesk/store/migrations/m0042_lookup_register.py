"""Archive: the lookup register (查阅登记, A02) and the log of exports (A01, V09)."""

from peewee import SqliteDatabase

STATEMENTS = [
    """CREATE TABLE lookup_entry (
        id INTEGER PRIMARY KEY,
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        query TEXT NOT NULL,
        ref_table TEXT NOT NULL,
        ref_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        reason TEXT NOT NULL,
        approved_by TEXT NOT NULL,
        approval TEXT NOT NULL
    )""",
    "CREATE INDEX lookup_entry_at ON lookup_entry (opened_at)",
    """CREATE TABLE export_log (
        id INTEGER PRIMARY KEY,
        exported_at TEXT NOT NULL,
        exported_by TEXT NOT NULL,
        what TEXT NOT NULL,
        unmasked INTEGER NOT NULL,
        approved_by TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        path TEXT NOT NULL DEFAULT ''
    )""",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
