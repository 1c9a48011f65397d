"""The villages' books at the township (issue 16): registered villages, imported bundles, every
record in its latest version with the versions it replaced, tallies, reviews and proxy results.

Imports, replaced versions, tallies, reviews and proxy results are append-only (A03): a trigger
refuses any change on every engine. A record's current row changes only by a newer bundle, and
its old content is kept first in ``village_record_version``.
"""

from peewee import Database

from dutydesk.township.migrations.ddl import append_only, key


def statements(db: Database) -> list[str]:
    pk = key(db)
    return [
        f"""CREATE TABLE village (
            id {pk},
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            public_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            registered_at TIMESTAMP NOT NULL,
            confirmed_by TEXT NOT NULL
        )""",
        f"""CREATE TABLE bundle_import (
            id {pk},
            village_id INTEGER NOT NULL REFERENCES village (id),
            period TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            previous_sha256 TEXT NOT NULL,
            written_at TEXT NOT NULL,
            imported_at TIMESTAMP NOT NULL,
            imported_by TEXT NOT NULL,
            source TEXT NOT NULL,
            row_counts TEXT NOT NULL,
            masked BOOLEAN NOT NULL,
            gap TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX bundle_import_village ON bundle_import (village_id, period)",
        f"""CREATE TABLE village_record (
            id {pk},
            village_id INTEGER NOT NULL REFERENCES village (id),
            table_name TEXT NOT NULL,
            record_id INTEGER NOT NULL,
            period TEXT NOT NULL,
            data TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            bundle_import_id INTEGER NOT NULL REFERENCES bundle_import (id)
        )""",
        "CREATE UNIQUE INDEX village_record_key ON village_record (village_id, table_name, record_id)",
        "CREATE INDEX village_record_month ON village_record (village_id, period, table_name)",
        f"""CREATE TABLE village_record_version (
            id {pk},
            village_record_id INTEGER NOT NULL REFERENCES village_record (id),
            version INTEGER NOT NULL,
            data TEXT NOT NULL,
            bundle_import_id INTEGER NOT NULL REFERENCES bundle_import (id),
            replaced_by_import_id INTEGER NOT NULL REFERENCES bundle_import (id),
            changes TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX village_record_version_record ON village_record_version (village_record_id)",
        f"""CREATE TABLE village_tally (
            id {pk},
            village_id INTEGER NOT NULL REFERENCES village (id),
            period TEXT NOT NULL,
            bundle_import_id INTEGER NOT NULL REFERENCES bundle_import (id),
            data TEXT NOT NULL
        )""",
        "CREATE INDEX village_tally_month ON village_tally (village_id, period)",
        f"""CREATE TABLE month_review (
            id {pk},
            village_id INTEGER NOT NULL REFERENCES village (id),
            period TEXT NOT NULL,
            bundle_import_id INTEGER NOT NULL REFERENCES bundle_import (id),
            decision TEXT NOT NULL,
            reasons TEXT NOT NULL DEFAULT '',
            decided_at TIMESTAMP NOT NULL,
            decided_by TEXT NOT NULL
        )""",
        "CREATE INDEX month_review_month ON month_review (village_id, period)",
        f"""CREATE TABLE proxy_result (
            id {pk},
            village_id INTEGER NOT NULL REFERENCES village (id),
            slip_no TEXT NOT NULL,
            result TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            recorded_at TIMESTAMP NOT NULL,
            recorded_by TEXT NOT NULL
        )""",
        "CREATE INDEX proxy_result_village ON proxy_result (village_id, slip_no)",
        *append_only(db, "bundle_import", "数据包导入记录"),
        *append_only(db, "village_record_version", "村级记录的旧版本"),
        *append_only(db, "village_tally", "考勤统计"),
        *append_only(db, "month_review", "审核与退回记录"),
        *append_only(db, "proxy_result", "代办结果"),
    ]


def apply(db: Database) -> None:
    for sql in statements(db):
        db.execute_sql(sql)
