"""Append-only logs enforced by the database itself (A01, A02, A03).

The audit trail, the lookup register and the export log are only ever appended to. The store
already refuses audited edits of lookup entries; these triggers make every path refuse, raw SQL
and other tools included, so no code path (present or future) can quietly edit or remove them.
"""

from peewee import SqliteDatabase

TABLES = {
    "audit_entry": "修改记录",
    "lookup_entry": "查阅登记",
    "export_log": "导出记录",
}

STATEMENTS = [
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
