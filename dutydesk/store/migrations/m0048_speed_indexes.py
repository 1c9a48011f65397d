"""Issue 17: the archive's 经办人 list read every search document at start; with this index it
is one index seek per name (``search_index.staff_names``)."""

from peewee import SqliteDatabase

STATEMENTS = [
    "CREATE INDEX IF NOT EXISTS search_doc_staff ON search_doc (staff)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
