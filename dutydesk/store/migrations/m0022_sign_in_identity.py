"""Sign-in identity and the sign-in book's cutoff (D05, D07): each staff member's own sign-in PIN
(kept apart from app accounts: staff on the roster need not have an account) with the PIN tries
(wrong tries in a row lock signing in for a while, like logging in), how each sign-in was
proved (in person with the PIN, or 代签 authorised by the principal leader), a director's accepted
reason for a sign-in after the cutoff, and a director's reason for approving leave after the fact
(事后补假). Existing rows were signed before any of this, hence the empty defaults."""

from peewee import SqliteDatabase

STATEMENTS = [
    """CREATE TABLE staff_pin (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        pin_hash TEXT NOT NULL,
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL,
        voided_at TEXT, voided_by TEXT, void_reason TEXT
    )""",
    "CREATE INDEX staff_pin_staff ON staff_pin (staff_id)",
    """CREATE TABLE sign_in_attempt (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        at TEXT NOT NULL,
        ok INTEGER NOT NULL
    )""",
    "CREATE INDEX sign_in_attempt_staff ON sign_in_attempt (staff_id, id)",
    "ALTER TABLE sign_in ADD COLUMN proof TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sign_in ADD COLUMN proxy_by TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sign_in ADD COLUMN proxy_reason TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sign_in ADD COLUMN excuse_type TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sign_in ADD COLUMN excuse_note TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sign_in ADD COLUMN excused_by TEXT",
    "ALTER TABLE sign_in ADD COLUMN excused_at TEXT",
    "ALTER TABLE leave_request ADD COLUMN approval_note TEXT NOT NULL DEFAULT ''",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
