"""Archive (A02): the principal leader (主要领导) flag on accounts, and the retention class and
approval level written with every lookup register entry. Entries made before this were all
approved by a director under the one-level rule, hence the defaults."""

from peewee import SqliteDatabase

STATEMENTS = [
    "ALTER TABLE account ADD COLUMN principal INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE lookup_entry ADD COLUMN retention TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE lookup_entry ADD COLUMN approval_level TEXT NOT NULL DEFAULT 'director'",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
