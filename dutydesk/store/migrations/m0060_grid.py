"""Grid responsibility and household visits (G01-G05): areas, households and their members,
household visits with their cadres and needs, pairings and the 民情日记."""

from peewee import SqliteDatabase

_VOID = "voided_at TEXT, voided_by TEXT, void_reason TEXT"
_STAMP = "created_at TEXT NOT NULL, created_by TEXT NOT NULL"

STATEMENTS = [
    f"""CREATE TABLE area (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        owner_id INTEGER NOT NULL REFERENCES staff (id),
        partner_id INTEGER REFERENCES staff (id),
        scope TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        {_STAMP}, {_VOID}
    )""",
    f"""CREATE TABLE household (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        area_id INTEGER REFERENCES area (id),
        head_id INTEGER NOT NULL REFERENCES resident (id),
        village_group TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        {_STAMP}, {_VOID}
    )""",
    "CREATE UNIQUE INDEX household_code ON household (code)",
    "CREATE INDEX household_area ON household (area_id)",
    "CREATE INDEX household_head ON household (head_id)",
    "CREATE INDEX household_address ON household (address)",
    f"""CREATE TABLE household_member (
        id INTEGER PRIMARY KEY,
        household_id INTEGER NOT NULL REFERENCES household (id),
        resident_id INTEGER NOT NULL REFERENCES resident (id),
        relation TEXT NOT NULL DEFAULT '',
        {_STAMP}, {_VOID}
    )""",
    "CREATE INDEX household_member_household ON household_member (household_id)",
    "CREATE INDEX household_member_resident ON household_member (resident_id)",
    f"""CREATE TABLE household_visit (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        household_id INTEGER NOT NULL REFERENCES household (id),
        kind TEXT NOT NULL,
        found TEXT NOT NULL DEFAULT '',
        {_STAMP}, {_VOID}
    )""",
    "CREATE INDEX household_visit_household ON household_visit (household_id, day)",
    "CREATE INDEX household_visit_day ON household_visit (day)",
    """CREATE TABLE household_visit_cadre (
        id INTEGER PRIMARY KEY,
        household_visit_id INTEGER NOT NULL REFERENCES household_visit (id),
        staff_id INTEGER NOT NULL REFERENCES staff (id)
    )""",
    "CREATE INDEX household_visit_cadre_visit ON household_visit_cadre (household_visit_id)",
    "CREATE INDEX household_visit_cadre_staff ON household_visit_cadre (staff_id)",
    f"""CREATE TABLE household_visit_need (
        id INTEGER PRIMARY KEY,
        household_visit_id INTEGER NOT NULL REFERENCES household_visit (id),
        text TEXT NOT NULL,
        matter_id INTEGER REFERENCES visit (id),
        {_STAMP}, {_VOID}
    )""",
    "CREATE INDEX household_visit_need_visit ON household_visit_need (household_visit_id)",
    f"""CREATE TABLE pairing (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        household_id INTEGER NOT NULL REFERENCES household (id),
        kind TEXT NOT NULL,
        since TEXT NOT NULL,
        until TEXT,
        note TEXT NOT NULL DEFAULT '',
        {_STAMP}, {_VOID}
    )""",
    "CREATE INDEX pairing_staff ON pairing (staff_id)",
    "CREATE INDEX pairing_household ON pairing (household_id)",
    f"""CREATE TABLE diary_entry (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        day TEXT NOT NULL,
        place TEXT NOT NULL DEFAULT '',
        household_id INTEGER REFERENCES household (id),
        heard TEXT NOT NULL,
        done TEXT NOT NULL DEFAULT '',
        major INTEGER NOT NULL DEFAULT 0,
        reported_at TEXT,
        reported_to TEXT NOT NULL DEFAULT '',
        answered_at TEXT,
        answer TEXT NOT NULL DEFAULT '',
        {_STAMP}, {_VOID}
    )""",
    "CREATE INDEX diary_entry_staff ON diary_entry (staff_id, day)",
    "CREATE INDEX diary_entry_major ON diary_entry (major, answered_at)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
