"""Center identity for the township (issue 16): the division code beside the township name, and
the books' memory of every bundle handed off, so each bundle names the one before it (a chain per
center: a missing month shows). The bundle log is append-only (A01, A03)."""

from peewee import SqliteDatabase

STATEMENTS = [
    "ALTER TABLE center_profile ADD COLUMN division_code TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE bundle_record (
        id INTEGER PRIMARY KEY,
        period TEXT NOT NULL,
        written_at TEXT NOT NULL,
        written_by TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        previous_sha256 TEXT NOT NULL DEFAULT '',
        folder TEXT NOT NULL DEFAULT '',
        audit_upto INTEGER NOT NULL DEFAULT 0
    )""",
    """CREATE TRIGGER bundle_record_no_update BEFORE UPDATE ON bundle_record
    BEGIN SELECT RAISE(ABORT, '数据包记录只能追加，不能修改'); END""",
    """CREATE TRIGGER bundle_record_no_delete BEFORE DELETE ON bundle_record
    BEGIN SELECT RAISE(ABORT, '数据包记录只能追加，不能删除'); END""",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
