"""Duty and attendance: staff, phones, roster, sign-ins, leave, swaps, inspections, handovers."""

from peewee import SqliteDatabase

VOID = "voided_at TEXT, voided_by TEXT, void_reason TEXT"

STATEMENTS = [
    f"""CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        mobile TEXT NOT NULL,
        duties TEXT NOT NULL DEFAULT '',
        rotation TEXT NOT NULL DEFAULT 'all',
        active_from TEXT NOT NULL,
        active_to TEXT,
        created_at TEXT NOT NULL,
        {VOID}
    )""",
    """CREATE TABLE staff_phone (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        mobile TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    )""",
    "CREATE INDEX staff_phone_staff ON staff_phone (staff_id)",
    f"""CREATE TABLE roster_slot (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        session_key TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        {VOID}
    )""",
    "CREATE INDEX roster_slot_day ON roster_slot (day, session_key)",
    "CREATE INDEX roster_slot_staff ON roster_slot (staff_id, day)",
    f"""CREATE TABLE special_period (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        start_day TEXT NOT NULL,
        end_day TEXT NOT NULL,
        created_at TEXT NOT NULL,
        {VOID}
    )""",
    f"""CREATE TABLE sign_in (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        day TEXT NOT NULL,
        session_key TEXT NOT NULL,
        signed_in_at TEXT NOT NULL,
        signed_out_at TEXT,
        recorded_by TEXT NOT NULL,
        {VOID}
    )""",
    "CREATE INDEX sign_in_day ON sign_in (day, session_key)",
    f"""CREATE TABLE leave_request (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        start_day TEXT NOT NULL,
        end_day TEXT NOT NULL,
        sessions TEXT NOT NULL,
        leave_type TEXT NOT NULL,
        reason TEXT NOT NULL,
        notice TEXT NOT NULL DEFAULT '',
        substitute_id INTEGER REFERENCES staff (id),
        requested_at TEXT NOT NULL,
        requested_by TEXT NOT NULL,
        approved_by TEXT,
        approved_at TEXT,
        {VOID}
    )""",
    "CREATE INDEX leave_request_days ON leave_request (start_day, end_day)",
    f"""CREATE TABLE duty_swap (
        id INTEGER PRIMARY KEY,
        first_slot_id INTEGER NOT NULL REFERENCES roster_slot (id),
        second_slot_id INTEGER NOT NULL REFERENCES roster_slot (id),
        first_staff_id INTEGER NOT NULL REFERENCES staff (id),
        second_staff_id INTEGER NOT NULL REFERENCES staff (id),
        agreed_by TEXT NOT NULL,
        director_told TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        {VOID}
    )""",
    f"""CREATE TABLE duty_finding (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        found_at TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        inspector TEXT NOT NULL,
        by_county INTEGER NOT NULL DEFAULT 0,
        detail TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        {VOID}
    )""",
    "CREATE INDEX duty_finding_at ON duty_finding (found_at)",
    f"""CREATE TABLE handover (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        session_key TEXT NOT NULL,
        from_staff_id INTEGER NOT NULL REFERENCES staff (id),
        note TEXT NOT NULL,
        open_matters TEXT NOT NULL DEFAULT '',
        written_at TEXT NOT NULL,
        acknowledged_by_id INTEGER REFERENCES staff (id),
        acknowledged_at TEXT,
        {VOID}
    )""",
    "CREATE INDEX handover_day ON handover (day)",
    f"""CREATE TABLE duty_note (
        id INTEGER PRIMARY KEY,
        noted_at TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        result TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL,
        {VOID}
    )""",
    "CREATE INDEX duty_note_at ON duty_note (noted_at)",
    """CREATE TABLE whereabouts (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        status TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    )""",
    "CREATE INDEX whereabouts_staff ON whereabouts (staff_id, at)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
