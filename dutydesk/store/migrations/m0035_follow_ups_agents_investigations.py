"""Missing-materials follow-up and the 不予受理 call (N07), the proxy agent named for a session
(P10) and the investigation of a proxy case before it is sent up (P11)."""

from peewee import SqliteDatabase

_VOID = """
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT"""

STATEMENTS = [
    f"""CREATE TABLE notice_follow_up (
        id INTEGER PRIMARY KEY,
        notice_id INTEGER NOT NULL REFERENCES notice_record (id),
        supply_by TEXT,
        called_at TEXT,
        called_by TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        said TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL DEFAULT '',
        closed_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX notice_follow_up_notice ON notice_follow_up (notice_id)",
    f"""CREATE TABLE session_agent (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        session_key TEXT NOT NULL,
        agent TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX session_agent_day ON session_agent (day, session_key)",
    f"""CREATE TABLE proxy_investigation (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES proxy_case (id),
        investigator TEXT NOT NULL,
        due TEXT NOT NULL,
        site_survey INTEGER NOT NULL DEFAULT 0,
        findings TEXT NOT NULL DEFAULT '',
        survey_findings TEXT NOT NULL DEFAULT '',
        found_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX proxy_investigation_case ON proxy_investigation (case_id)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
