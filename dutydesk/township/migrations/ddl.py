"""The few DDL spellings SQLite and PostgreSQL do not share, for the township's migrations."""

from __future__ import annotations

from peewee import Database, PostgresqlDatabase


def is_postgres(db: Database) -> bool:
    return isinstance(db, PostgresqlDatabase)


def key(db: Database) -> str:
    """An auto-numbered primary key column's type."""
    return "SERIAL PRIMARY KEY" if is_postgres(db) else "INTEGER PRIMARY KEY"


def append_only(db: Database, table: str, label: str) -> list[str]:
    """Triggers that refuse every UPDATE and DELETE of ``table`` (A03), whatever the code path."""
    if not is_postgres(db):
        return [
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{label}只能追加，不能修改'); END",
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{label}只能追加，不能删除'); END",
        ]
    return [
        f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP = 'UPDATE' THEN RAISE EXCEPTION '{label}只能追加，不能修改'; END IF; "
        f"RAISE EXCEPTION '{label}只能追加，不能删除'; END $$",
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()",
    ]
