"""Residents, the visit register with its follow-ups, and the center-entered calendar days."""

from peewee import SqliteDatabase

_VOID = """
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT"""

STATEMENTS = [
    f"""CREATE TABLE resident (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_initials TEXT NOT NULL,
        gender TEXT,
        id_number TEXT,
        birth_date TEXT,
        village_group TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        merged_into_id INTEGER REFERENCES resident (id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX resident_name ON resident (name)",
    "CREATE INDEX resident_name_initials ON resident (name_initials)",
    "CREATE INDEX resident_id_number ON resident (id_number)",
    """CREATE TABLE resident_phone (
        id INTEGER PRIMARY KEY,
        resident_id INTEGER NOT NULL REFERENCES resident (id),
        phone TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX resident_phone_phone ON resident_phone (phone)",
    "CREATE INDEX resident_phone_resident ON resident_phone (resident_id)",
    f"""CREATE TABLE visit (
        id INTEGER PRIMARY KEY,
        received_at TEXT NOT NULL,
        channel TEXT NOT NULL,
        category TEXT NOT NULL,
        resident_id INTEGER REFERENCES resident (id),
        person_name TEXT NOT NULL,
        contact TEXT NOT NULL DEFAULT '',
        request TEXT NOT NULL,
        responder_name TEXT NOT NULL,
        responder_account TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL,
        result TEXT NOT NULL DEFAULT '',
        transfer_to TEXT NOT NULL DEFAULT '',
        transfer_contact TEXT NOT NULL DEFAULT '',
        escalate_level TEXT NOT NULL DEFAULT '',
        outside_unit TEXT NOT NULL DEFAULT '',
        outside_address TEXT NOT NULL DEFAULT '',
        outside_phone TEXT NOT NULL DEFAULT '',
        deadline_kind TEXT NOT NULL DEFAULT '',
        deadline_days INTEGER,
        deadline TEXT,
        status TEXT NOT NULL,
        closed_at TEXT,
        close_reason TEXT NOT NULL DEFAULT '',
        satisfaction TEXT NOT NULL DEFAULT '',
        dispute_parties TEXT NOT NULL DEFAULT '',
        mediation_result TEXT NOT NULL DEFAULT '',
        incident_reported_at TEXT,
        incident_reported_to TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX visit_received_at ON visit (received_at)",
    "CREATE INDEX visit_resident ON visit (resident_id, received_at)",
    "CREATE INDEX visit_status_deadline ON visit (status, deadline)",
    f"""CREATE TABLE visit_followup (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visit (id),
        done_at TEXT NOT NULL,
        staff TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX visit_followup_visit ON visit_followup (visit_id)",
    f"""CREATE TABLE visit_feedback (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visit (id),
        given_at TEXT NOT NULL,
        method TEXT NOT NULL,
        content TEXT NOT NULL,
        satisfaction TEXT NOT NULL DEFAULT '',
        staff TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX visit_feedback_visit ON visit_feedback (visit_id)",
    f"""CREATE TABLE visit_pause (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visit (id),
        cause TEXT NOT NULL,
        start TEXT NOT NULL,
        "end" TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX visit_pause_visit ON visit_pause (visit_id)",
    f"""CREATE TABLE visit_extension (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visit (id),
        reason TEXT NOT NULL,
        old_deadline TEXT,
        new_deadline TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX visit_extension_visit ON visit_extension (visit_id)",
    f"""CREATE TABLE calendar_day (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        is_workday INTEGER NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,{_VOID}
    )""",
    "CREATE INDEX calendar_day_day ON calendar_day (day)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
