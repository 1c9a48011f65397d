"""Archive search (档案查询): one document per searchable record plus two FTS5 indexes.

``search_fts_tri`` (trigram) answers substrings of three or more characters; ``search_fts_bi``
holds every two-character gram as a token and answers two-character queries, which trigram
MATCH cannot (and LIKE on a trigram table returns nothing before SQLite 3.41). Both are
contentless: the text lives once, in ``search_doc``, which is also what results show.
"""

from peewee import SqliteDatabase

STATEMENTS = [
    """CREATE TABLE search_doc (
        id INTEGER PRIMARY KEY,
        ref_table TEXT NOT NULL,
        ref_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        keys TEXT NOT NULL DEFAULT '',
        day TEXT NOT NULL,
        staff TEXT NOT NULL DEFAULT '',
        voided INTEGER NOT NULL DEFAULT 0,
        UNIQUE (ref_table, ref_id)
    )""",
    "CREATE INDEX search_doc_day ON search_doc (day)",
    "CREATE INDEX search_doc_kind ON search_doc (kind, day)",
    "CREATE VIRTUAL TABLE search_fts_tri USING fts5(title, body, keys, content='', tokenize='trigram')",
    "CREATE VIRTUAL TABLE search_fts_bi USING fts5(grams, content='', tokenize='unicode61')",
]


def apply(db: SqliteDatabase) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
