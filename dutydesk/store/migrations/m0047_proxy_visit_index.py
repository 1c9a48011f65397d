"""Issue 17: 一次性告知 lists the visits still waiting for 代办 (``visit.pending_proxy_visits``) each
time it opens; without this index that walked every visit of the books (0.7 s at 1M visits)."""

from peewee import SqliteDatabase

STATEMENTS = [
    "CREATE INDEX IF NOT EXISTS visit_outcome_status ON visit (outcome, status, received_at)",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
