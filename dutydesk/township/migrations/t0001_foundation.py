"""Township foundation: its profile, accounts, dated settings and the append-only audit trail (A03).

The same tables the desk's store machinery reads (``store.accounts``, ``store.settings``,
``store.audit``), so the township reuses it as it is.
"""

from peewee import Database

from dutydesk.township.migrations.ddl import append_only, key


def statements(db: Database) -> list[str]:
    pk = key(db)
    return [
        f"""CREATE TABLE township_profile (
            id {pk},
            name TEXT NOT NULL,
            code TEXT NOT NULL,
            created_at TIMESTAMP NOT NULL,
            created_by TEXT NOT NULL
        )""",
        f"""CREATE TABLE account (
            id {pk},
            name TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL,
            password_hash TEXT,
            active BOOLEAN NOT NULL DEFAULT TRUE,
            created_at TIMESTAMP NOT NULL,
            principal BOOLEAN NOT NULL DEFAULT FALSE
        )""",
        f"""CREATE TABLE login_attempt (
            id {pk},
            account_id INTEGER NOT NULL REFERENCES account (id),
            at TIMESTAMP NOT NULL,
            ok BOOLEAN NOT NULL,
            purpose TEXT NOT NULL DEFAULT 'login'
        )""",
        "CREATE INDEX login_attempt_account ON login_attempt (account_id, id)",
        f"""CREATE TABLE setting_value (
            id {pk},
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            effective_from DATE NOT NULL,
            created_at TIMESTAMP NOT NULL,
            created_by TEXT NOT NULL
        )""",
        "CREATE INDEX setting_value_key ON setting_value (key, effective_from)",
        f"""CREATE TABLE audit_entry (
            id {pk},
            at TIMESTAMP NOT NULL,
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
        *append_only(db, "audit_entry", "修改记录"),
    ]


def apply(db: Database) -> None:
    for sql in statements(db):
        db.execute_sql(sql)
