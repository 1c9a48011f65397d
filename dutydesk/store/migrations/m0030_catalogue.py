"""The service catalogue, kept as versions (N06), and the yearly slip-number counters (P02)."""

from peewee import SqliteDatabase

STATEMENTS = [
    """CREATE TABLE catalogue_version (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (code, version)
    )""",
    """CREATE TABLE slip_counter (
        id INTEGER PRIMARY KEY,
        prefix TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        UNIQUE (prefix, year)
    )""",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
