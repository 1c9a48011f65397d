"""Foundation: center profile, accounts, dated settings and the audit trail."""

from peewee import SqliteDatabase

STATEMENTS = [
    """CREATE TABLE center_profile (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        township TEXT NOT NULL,
        address TEXT NOT NULL,
        public_phone TEXT NOT NULL,
        supervision_phone TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'village',
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE account (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        password_hash TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE setting_value (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
    )""",
    "CREATE INDEX setting_value_key ON setting_value (key, effective_from)",
    """CREATE TABLE audit_entry (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        account TEXT NOT NULL,
        table_name TEXT NOT NULL,
        record_id INTEGER NOT NULL,
        action TEXT NOT NULL,
        field TEXT,
        old_value TEXT,
        new_value TEXT,
        reason TEXT
    )""",
    "CREATE INDEX audit_entry_record ON audit_entry (table_name, record_id)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
