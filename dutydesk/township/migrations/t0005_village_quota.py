"""The cadres' household-visit quota lines (走访完成情况统计, G03/G04) each bundle carries beside the
attendance tally: both are figures the desk computed, kept per bundle (newest wins), so the table
of tallies gains the kind of figure its row is ("tally" or "visit_quota")."""

from peewee import Database


def statements(db: Database) -> list[str]:
    return ["ALTER TABLE village_tally ADD COLUMN kind TEXT NOT NULL DEFAULT 'tally'"]


def apply(db: Database) -> None:
    for sql in statements(db):
        db.execute_sql(sql)
