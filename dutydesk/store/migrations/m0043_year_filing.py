"""Archive: yearly filing (A04): closed years, and corrections added to closed records."""

from peewee import SqliteDatabase

STATEMENTS = [
    """CREATE TABLE year_closure (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE,
        closed_at TEXT NOT NULL,
        closed_by TEXT NOT NULL,
        archive_path TEXT NOT NULL DEFAULT '',
        files TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE correction (
        id INTEGER PRIMARY KEY,
        ref_table TEXT NOT NULL,
        ref_id INTEGER NOT NULL,
        reason TEXT NOT NULL,
        text TEXT NOT NULL,
        corrected_at TEXT NOT NULL,
        corrected_by TEXT NOT NULL
    )""",
    "CREATE INDEX correction_ref ON correction (ref_table, ref_id)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
