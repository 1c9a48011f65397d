"""A covering index for the as-you-type lookup's "last visits and open matters" of a resident.

With a million visits the rows of one person are scattered over the table; reading them from
the index alone avoids a random page read per visit on every keystroke.
"""

from peewee import SqliteDatabase

STATEMENTS = [
    "CREATE INDEX visit_resident_brief ON visit"
    " (resident_id, received_at, id, category, status, voided_at, closed_at)",
    "DROP INDEX visit_resident",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
