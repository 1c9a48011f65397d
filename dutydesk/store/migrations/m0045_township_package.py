"""The township's packages as a village receives them (issue 16, the channel back down).

``township_key`` remembers the township's signing key once confirmed (a change needs a director
again); ``township_package`` logs every package applied, by its hash, so none applies twice;
``township_package_item`` names each change a package made (a decision or a proxy result also
never applies twice when a later package repeats it); ``township_decision`` keeps the township's
退回 / 审核 of the village's months. All four are append-only (A01, A03).
"""

from peewee import SqliteDatabase

TABLES = {
    "township_key": "镇（街道）密钥记录",
    "township_package": "镇（街道）数据包导入记录",
    "township_package_item": "镇（街道）数据包导入明细",
    "township_decision": "镇（街道）审核结果",
}

STATEMENTS = [
    """CREATE TABLE township_key (
        id INTEGER PRIMARY KEY,
        township TEXT NOT NULL,
        township_code TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        public_key TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        confirmed_by TEXT NOT NULL,
        approved_by TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE township_package (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        township TEXT NOT NULL,
        township_code TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        written_at TEXT NOT NULL,
        folder TEXT NOT NULL DEFAULT '',
        applied_at TEXT NOT NULL,
        applied_by TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE township_package_item (
        id INTEGER PRIMARY KEY,
        package_id INTEGER NOT NULL REFERENCES township_package (id),
        kind TEXT NOT NULL,
        item_key TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX township_package_item_key ON township_package_item (item_key)",
    """CREATE TABLE township_decision (
        id INTEGER PRIMARY KEY,
        package_id INTEGER NOT NULL REFERENCES township_package (id),
        township TEXT NOT NULL,
        period TEXT NOT NULL,
        decision TEXT NOT NULL,
        reasons TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX township_decision_period ON township_decision (period)",
] + [
    sql
    for table, label in TABLES.items()
    for sql in (
        f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
        BEGIN SELECT RAISE(ABORT, '{label}只能追加，不能修改'); END""",
        f"""CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
        BEGIN SELECT RAISE(ABORT, '{label}只能追加，不能删除'); END""",
    )
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
