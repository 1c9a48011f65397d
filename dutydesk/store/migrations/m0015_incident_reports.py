"""Visits: when an incident happened, and each report of it (or of one of its major matters) to
each recipient: who was told, when, how (V06)."""

from peewee import SqliteDatabase

STATEMENTS = [
    "ALTER TABLE visit ADD COLUMN incident_occurred_at TEXT",
    """CREATE TABLE incident_report (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visit (id),
        matter TEXT NOT NULL,
        matter_at TEXT NOT NULL,
        recipient TEXT NOT NULL,
        told TEXT NOT NULL,
        method TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        voided_at TEXT, voided_by TEXT, void_reason TEXT
    )""",
    "CREATE INDEX incident_report_visit ON incident_report (visit_id)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
