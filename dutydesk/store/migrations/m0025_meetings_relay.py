"""Meetings and study sessions with their attendance (D17), the report back from leave (销假, D07)
and the 上传下达 register (D18)."""

from peewee import SqliteDatabase

STATEMENTS = [
    """CREATE TABLE meeting_session (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        day TEXT NOT NULL,
        start_time TEXT NOT NULL,
        topic TEXT NOT NULL DEFAULT '',
        chair TEXT NOT NULL DEFAULT '',
        minutes TEXT NOT NULL DEFAULT '',
        minutes_by TEXT,
        minutes_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        voided_at TEXT, voided_by TEXT, void_reason TEXT
    )""",
    "CREATE INDEX meeting_session_day ON meeting_session (day)",
    """CREATE TABLE meeting_attendance (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES meeting_session (id),
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        signed_at TEXT NOT NULL,
        proof TEXT NOT NULL DEFAULT '',
        proxy_by TEXT NOT NULL DEFAULT '',
        proxy_reason TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL,
        voided_at TEXT, voided_by TEXT, void_reason TEXT
    )""",
    "CREATE INDEX meeting_attendance_session ON meeting_attendance (session_id, staff_id)",
    """CREATE TABLE leave_return (
        id INTEGER PRIMARY KEY,
        leave_id INTEGER NOT NULL REFERENCES leave_request (id),
        returned_on TEXT NOT NULL,
        reported_at TEXT NOT NULL,
        reported_by TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        voided_at TEXT, voided_by TEXT, void_reason TEXT
    )""",
    "CREATE INDEX leave_return_leave ON leave_return (leave_id)",
    """CREATE TABLE relay_entry (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL,
        day TEXT NOT NULL,
        counterpart TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        relayed_to TEXT NOT NULL DEFAULT '',
        relayed_at TEXT,
        relay_how TEXT NOT NULL DEFAULT '',
        handled_by TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        voided_at TEXT, voided_by TEXT, void_reason TEXT
    )""",
    "CREATE INDEX relay_entry_day ON relay_entry (day)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
