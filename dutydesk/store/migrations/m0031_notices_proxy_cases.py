"""One-time notices as given (N06) and proxy cases with their steps (P02-P06, P09)."""

from peewee import SqliteDatabase

_VOID = """
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT"""

STATEMENTS = [
    f"""CREATE TABLE notice_record (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL UNIQUE,
        visit_id INTEGER REFERENCES visit (id),
        resident_id INTEGER REFERENCES resident (id),
        person_name TEXT NOT NULL,
        person_phone TEXT NOT NULL DEFAULT '',
        item_version_id INTEGER NOT NULL REFERENCES catalogue_version (id),
        outcome TEXT NOT NULL,
        missing TEXT NOT NULL DEFAULT '[]',
        received TEXT NOT NULL DEFAULT '[]',
        reason TEXT NOT NULL DEFAULT '',
        channel TEXT NOT NULL,
        told_at TEXT NOT NULL,
        told_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX notice_record_visit ON notice_record (visit_id)",
    "CREATE INDEX notice_record_told_at ON notice_record (told_at)",
    f"""CREATE TABLE proxy_case (
        id INTEGER PRIMARY KEY,
        slip_no TEXT NOT NULL UNIQUE,
        visit_id INTEGER REFERENCES visit (id),
        resident_id INTEGER REFERENCES resident (id),
        notice_id INTEGER REFERENCES notice_record (id),
        item_version_id INTEGER NOT NULL REFERENCES catalogue_version (id),
        person_name TEXT NOT NULL,
        person_phone TEXT NOT NULL DEFAULT '',
        materials TEXT NOT NULL DEFAULT '[]',
        accepted_at TEXT NOT NULL,
        promised_date TEXT NOT NULL,
        agent TEXT NOT NULL,
        state TEXT NOT NULL,
        fee_amount TEXT NOT NULL DEFAULT '0',
        closed_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX proxy_case_state ON proxy_case (state, promised_date)",
    "CREATE INDEX proxy_case_accepted ON proxy_case (accepted_at)",
    "CREATE INDEX proxy_case_visit ON proxy_case (visit_id)",
    f"""CREATE TABLE proxy_step (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES proxy_case (id),
        kind TEXT NOT NULL,
        done_at TEXT NOT NULL,
        staff TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{{}}',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX proxy_step_case ON proxy_step (case_id)",
    "CREATE INDEX proxy_step_done_at ON proxy_step (done_at)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
