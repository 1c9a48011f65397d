"""No duplicate official papers (N06, P05): one open 代办单 per visit and service item, and the
reprint register (补打: the same number printed again, with who, when and why).

``proxy_case.item_code`` is the catalogue code the case was accepted for (a new catalogue version
of the same item is still the same item); it is filled in for existing cases from their version.
The partial unique index holds "one open case per visit and item" even against two desks writing
at once. Duplicates made before this (the bug this fixes) were printed and handed out: they stay
as they are, left out of the index by id, for the desk to void with a reason through the usual path.
"""

from peewee import SqliteDatabase

STATEMENTS = [
    "ALTER TABLE proxy_case ADD COLUMN item_code TEXT NOT NULL DEFAULT ''",
    "UPDATE proxy_case SET item_code = (SELECT code FROM catalogue_version "
    "WHERE catalogue_version.id = proxy_case.item_version_id)",
    """CREATE TABLE reprint (
        id INTEGER PRIMARY KEY,
        paper TEXT NOT NULL,
        ref TEXT NOT NULL,
        reason TEXT NOT NULL,
        printed_at TEXT NOT NULL,
        printed_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
    )""",
    "CREATE INDEX reprint_ref ON reprint (ref, paper)",
]

OPEN = "visit_id IS NOT NULL AND voided_at IS NULL AND state <> 'closed'"

# Later open cases of a visit and item that already had an earlier open one.
_EARLIER_DUPLICATES = """
    SELECT later.id FROM proxy_case AS later
    WHERE later.visit_id IS NOT NULL AND later.voided_at IS NULL AND later.state <> 'closed'
      AND EXISTS (SELECT 1 FROM proxy_case AS first
                  WHERE first.visit_id = later.visit_id AND first.item_code = later.item_code
                    AND first.voided_at IS NULL AND first.state <> 'closed' AND first.id < later.id)
    ORDER BY later.id"""


def one_open_index(excluded: list[int]) -> str:
    keep_out = f" AND id NOT IN ({', '.join(str(int(i)) for i in excluded)})" if excluded else ""
    return (f"CREATE UNIQUE INDEX proxy_case_one_open ON proxy_case (visit_id, item_code) "
            f"WHERE {OPEN}{keep_out}")


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
    excluded = [row[0] for row in db.execute_sql(_EARLIER_DUPLICATES).fetchall()]
    db.execute_sql(one_open_index(excluded))
