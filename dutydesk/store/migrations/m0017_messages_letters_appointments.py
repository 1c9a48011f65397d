"""Issue 18, visit side: messages left at the desk (V10), higher-level approvals told to the person
(V04), requests asked of the leadership (V06), outside inquiry letters (V13) and appointments (V14)."""

from peewee import SqliteDatabase

_VOID = "voided_at TEXT, voided_by TEXT, void_reason TEXT"

STATEMENTS = [
    f"""CREATE TABLE message (
        id INTEGER PRIMARY KEY,
        received_at TEXT NOT NULL,
        channel TEXT NOT NULL,
        from_name TEXT NOT NULL,
        from_contact TEXT NOT NULL DEFAULT '',
        for_kind TEXT NOT NULL,
        for_name TEXT NOT NULL,
        content TEXT NOT NULL,
        taken_by TEXT NOT NULL,
        delivered_at TEXT,
        delivered_by TEXT NOT NULL DEFAULT '',
        delivery_method TEXT NOT NULL DEFAULT '',
        delivery_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        {_VOID}
    )""",
    "CREATE INDEX message_received ON message (received_at)",
    "CREATE INDEX message_undelivered ON message (delivered_at)",
    f"""CREATE TABLE sent_up (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visit (id),
        sent_on TEXT NOT NULL,
        level TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT '',
        usual_days INTEGER NOT NULL,
        told_at TEXT NOT NULL,
        told_method TEXT NOT NULL,
        told_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        {_VOID}
    )""",
    "CREATE INDEX sent_up_visit ON sent_up (visit_id)",
    f"""CREATE TABLE leadership_request (
        id INTEGER PRIMARY KEY,
        visit_id INTEGER NOT NULL REFERENCES visit (id),
        asked_of TEXT NOT NULL,
        reason TEXT NOT NULL,
        steps_told TEXT NOT NULL,
        asked_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        {_VOID}
    )""",
    "CREATE INDEX leadership_request_visit ON leadership_request (visit_id)",
    f"""CREATE TABLE inquiry_letter (
        id INTEGER PRIMARY KEY,
        received_on TEXT NOT NULL,
        sender TEXT NOT NULL,
        sender_contact TEXT NOT NULL DEFAULT '',
        letter_no TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL,
        state TEXT NOT NULL,
        reply TEXT NOT NULL DEFAULT '',
        drafted_by TEXT NOT NULL DEFAULT '',
        checked_by TEXT NOT NULL DEFAULT '',
        check_note TEXT NOT NULL DEFAULT '',
        signed_by TEXT NOT NULL DEFAULT '',
        signed_at TEXT,
        sealed_at TEXT,
        sent_on TEXT,
        sent_method TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        {_VOID}
    )""",
    "CREATE INDEX inquiry_letter_received ON inquiry_letter (received_on)",
    f"""CREATE TABLE appointment (
        id INTEGER PRIMARY KEY,
        slot_at TEXT NOT NULL,
        person_name TEXT NOT NULL,
        contact TEXT NOT NULL DEFAULT '',
        resident_id INTEGER REFERENCES resident (id),
        service TEXT NOT NULL,
        booked_via TEXT NOT NULL,
        state TEXT NOT NULL,
        visit_id INTEGER REFERENCES visit (id),
        marked_at TEXT,
        marked_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        {_VOID}
    )""",
    "CREATE INDEX appointment_slot ON appointment (slot_at)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
