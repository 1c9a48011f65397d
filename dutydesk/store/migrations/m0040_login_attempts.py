"""Accounts: every login attempt, so wrong passwords can lock an account for a while."""

from peewee import SqliteDatabase

STATEMENTS = [
    """CREATE TABLE login_attempt (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id),
        at TEXT NOT NULL,
        ok INTEGER NOT NULL,
        purpose TEXT NOT NULL DEFAULT 'login'
    )""",
    "CREATE INDEX login_attempt_account ON login_attempt (account_id, id)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
