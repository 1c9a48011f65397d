"""Monthly spot checks of the cadres' knowledge of their areas (G06): one check per cadre and
month with the recorded draw seed, and one row per drawn household holding what the desk's
records said when it was drawn, the checker's answers and the score."""

from peewee import SqliteDatabase

_VOID = "voided_at TEXT, voided_by TEXT, void_reason TEXT"
_STAMP = "created_at TEXT NOT NULL, created_by TEXT NOT NULL"

STATEMENTS = [
    f"""CREATE TABLE spot_check (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        staff_id INTEGER NOT NULL REFERENCES staff (id),
        seed INTEGER NOT NULL,
        drawn_on TEXT NOT NULL,
        checker TEXT NOT NULL DEFAULT '',
        checked_on TEXT,
        {_STAMP}, {_VOID}
    )""",
    "CREATE INDEX spot_check_month ON spot_check (month, staff_id)",
    """CREATE TABLE spot_check_item (
        id INTEGER PRIMARY KEY,
        spot_check_id INTEGER NOT NULL REFERENCES spot_check (id),
        household_id INTEGER NOT NULL REFERENCES household (id),
        expected_head TEXT NOT NULL,
        expected_members INTEGER NOT NULL,
        expected_tags TEXT NOT NULL DEFAULT '',
        expected_last_visit TEXT,
        answered INTEGER NOT NULL DEFAULT 0,
        answer_head TEXT NOT NULL DEFAULT '',
        answer_members INTEGER,
        answer_tags TEXT NOT NULL DEFAULT '',
        answer_last_visit TEXT,
        head_ok INTEGER NOT NULL DEFAULT 0,
        members_ok INTEGER NOT NULL DEFAULT 0,
        tags_ok INTEGER NOT NULL DEFAULT 0,
        visit_ok INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX spot_check_item_check ON spot_check_item (spot_check_id)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
