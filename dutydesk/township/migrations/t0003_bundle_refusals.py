"""Refused bundles are logged too (A01): which folder, which village and month it claimed, why,
when and by whom. Nothing of a refused bundle is applied; this row is the only trace. Append-only."""

from peewee import Database

from dutydesk.township.migrations.ddl import append_only, key


def statements(db: Database) -> list[str]:
    return [
        f"""CREATE TABLE bundle_refusal (
            id {key(db)},
            source TEXT NOT NULL,
            village_code TEXT NOT NULL DEFAULT '',
            period TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL,
            refused_at TIMESTAMP NOT NULL,
            refused_by TEXT NOT NULL
        )""",
        *append_only(db, "bundle_refusal", "拒绝导入记录"),
    ]


def apply(db: Database) -> None:
    for sql in statements(db):
        db.execute_sql(sql)
