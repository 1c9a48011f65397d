"""Accountability records decided by the director (V12) and the monthly 民情分析会 with its
decisions, each followed up by a named person by a date (V11)."""

from peewee import SqliteDatabase

_VOID = """
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT"""

STATEMENTS = [
    f"""CREATE TABLE accountability_record (
        id INTEGER PRIMARY KEY,
        breach_key TEXT NOT NULL,
        rule TEXT NOT NULL,
        staff TEXT NOT NULL,
        happened_on TEXT NOT NULL,
        description TEXT NOT NULL,
        outcome TEXT NOT NULL,
        penalty TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX accountability_record_key ON accountability_record (breach_key)",
    "CREATE INDEX accountability_record_decided ON accountability_record (decided_at)",
    f"""CREATE TABLE analysis_meeting (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        held_on TEXT NOT NULL,
        chair TEXT NOT NULL,
        attendees TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX analysis_meeting_month ON analysis_meeting (month)",
    f"""CREATE TABLE meeting_decision (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES analysis_meeting (id),
        content TEXT NOT NULL,
        follower TEXT NOT NULL,
        due TEXT NOT NULL,
        done_at TEXT,
        done_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX meeting_decision_meeting ON meeting_decision (meeting_id)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
