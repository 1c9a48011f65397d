"""The packages the township wrote for its villages (the channel back down), one row each: a chain
like the villages' bundles (each names the previous package's hash), and the last decision and
proxy result it carried, so the next package carries only what came after. Append-only (A01)."""

from peewee import Database

from dutydesk.township.migrations.ddl import append_only, key


def statements(db: Database) -> list[str]:
    return [
        f"""CREATE TABLE package_log (
            id {key(db)},
            folder TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            previous_sha256 TEXT NOT NULL DEFAULT '',
            last_decision_id INTEGER NOT NULL DEFAULT 0,
            last_result_id INTEGER NOT NULL DEFAULT 0,
            decisions INTEGER NOT NULL DEFAULT 0,
            proxy_results INTEGER NOT NULL DEFAULT 0,
            written_at TIMESTAMP NOT NULL,
            written_by TEXT NOT NULL
        )""",
        *append_only(db, "package_log", "下发数据包记录"),
    ]


def apply(db: Database) -> None:
    for sql in statements(db):
        db.execute_sql(sql)
