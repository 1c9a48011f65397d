"""Duty: the residents' annual satisfaction rating of the desk and its cadres (D16)."""

from peewee import SqliteDatabase

STATEMENTS = [
    """CREATE TABLE satisfaction_survey (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        staff_id INTEGER REFERENCES staff (id),
        respondents INTEGER NOT NULL,
        satisfied INTEGER NOT NULL,
        basic INTEGER NOT NULL,
        unsatisfied INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        voided_at TEXT, voided_by TEXT, void_reason TEXT
    )""",
    "CREATE INDEX satisfaction_survey_year ON satisfaction_survey (year)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
