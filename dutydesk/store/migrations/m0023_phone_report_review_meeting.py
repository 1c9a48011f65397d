"""Duty: when a staff phone change happened, to flag late reports (D12); the weekly duty review
meeting's record (D13)."""

from peewee import SqliteDatabase

STATEMENTS = [
    "ALTER TABLE staff_phone ADD COLUMN changed_at TEXT",
    """CREATE TABLE duty_review_meeting (
        id INTEGER PRIMARY KEY,
        held_on TEXT NOT NULL,
        chair TEXT NOT NULL,
        attendees TEXT NOT NULL,
        notes TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        voided_at TEXT, voided_by TEXT, void_reason TEXT
    )""",
    "CREATE INDEX duty_review_meeting_held_on ON duty_review_meeting (held_on)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
