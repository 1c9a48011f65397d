"""The archive search index (档案查询, A01): every searchable record as one document, kept in step
with every audited write inside the same transaction.

How a feature makes its records searchable (one call, in the module that defines the model)::

    from dutydesk.store.search_index import SearchDoc, register

    register(Visit, "visit", "来访记录", lambda v: SearchDoc(
        title=f"{v.person_name} {v.category}", text=f"{v.request} {v.result}",
        day=v.received_at.date(), staff=v.responder_name, keys=v.contact))

``title``/``text`` are shown (with highlights), ``keys`` is searched but not shown (phone and ID
digits, slip numbers, pinyin initials), ``day`` files the record in its year (A04) and drives the
year/date filters, ``staff`` the staff filter. Pass ``day=`` (a function of the row giving its filing date,
working on unsaved rows) so the closed-year guard (A04) need not build the whole document.
``register_dependent(ChildModel, parent_of)``
re-indexes a parent when a child row (a phone, a follow-up) is written. Rows inserted in bulk
without the audit trail (demo data, imports) call ``search_rebuild.reindex_all()`` afterwards
(set-based: pass ``bulk_sql=`` to ``register`` for a table that grows large).

Matching: terms of three or more characters use the trigram table, two-character terms the
bigram table; several terms (separated by spaces) must all match. Results come newest first.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from peewee import CharField, DateField, IntegerField, Model, TextField

from dutydesk.domain.phone import normalize_phone
from dutydesk.domain.text_input import normalize_text
from dutydesk.store import audit
from dutydesk.store.base import BaseModel, database
from dutydesk.store.feature_loading import load_features


@dataclass(frozen=True)
class SearchDoc:
    title: str
    text: str
    day: dt.date
    staff: str = ""
    keys: str = ""


@dataclass(frozen=True)
class Searchable:
    model: type[Model]
    kind: str  # stable code, e.g. "visit"
    label: str  # shown in the type filter and results, e.g. "来访记录"
    document: Callable[[Model], SearchDoc | None]  # None: leave this record out of search
    day: Callable[[Model], dt.date | None] | None = None  # cheap filing date, also of unsaved rows
    bulk_sql: str | None = None  # set-based documents for reindex_all (see register)

    @property
    def table(self) -> str:
        return self.model._meta.table_name


SOURCES: dict[str, Searchable] = {}  # by table name
DEPENDENTS: dict[str, Callable[[Model], Model | None]] = {}  # child table -> its indexed parent


def register(model: type[Model], kind: str, label: str, document: Callable[[Model], SearchDoc | None],
             day: Callable[[Model], dt.date | None] | None = None, bulk_sql: str | None = None) -> Searchable:
    """Make a model searchable. ``day`` (the date that files a record in its year, A04) must work
    on a row not yet saved; without it the closed-year guard calls ``document``.

    ``bulk_sql`` (optional, for tables that grow to hundreds of thousands of rows) is a SELECT of
    ``ref_id, title, body, keys, day, staff, voided`` for every row that has a document, giving
    exactly what ``document`` gives (``day`` as ``YYYY-MM-DD``); it may call ``dd_join(...)``
    (the non-empty parts joined by spaces) and functions added with
    ``search_rebuild.sql_function``. ``search_rebuild.reindex_all`` then builds the whole table's
    documents in one statement; a test compares it with ``document``
    (tests/store/test_search_rebuild.py)."""
    source = Searchable(model, kind, label, document, day, bulk_sql)
    SOURCES[source.table] = source
    return source


def register_dependent(model: type[Model], parent: Callable[[Model], Model | None]) -> None:
    DEPENDENTS[model._meta.table_name] = parent


def filing_day(instance: Model) -> dt.date | None:
    """The date a record is filed under (its year is the archive year, A04); None if unknown."""
    source = SOURCES.get(instance._meta.table_name)
    if source is None:
        return None
    try:
        if source.day is not None:
            value = source.day(instance)
        else:
            doc = source.document(instance)
            value = doc.day if doc else None
    except Exception:  # an unsaved row the document function cannot describe yet
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def kinds() -> dict[str, str]:
    """kind -> label, in registration order (for the type filter)."""
    load_features()  # every searchable kind registered
    return {s.kind: s.label for s in SOURCES.values()}


def source_for_kind(kind: str) -> Searchable | None:
    load_features()
    return next((s for s in SOURCES.values() if s.kind == kind), None)


class SearchDocRow(BaseModel):
    """A row of ``search_doc`` (the index's stored text); written only by this module."""

    ref_table = CharField()
    ref_id = IntegerField()
    kind = CharField()
    title = TextField()
    body = TextField()
    keys = TextField(default="")
    day = DateField()
    staff = CharField(default="")
    voided = IntegerField(default=0)

    class Meta:
        table_name = "search_doc"


# -- text to index --------------------------------------------------------------------------
_RUN = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    return text.casefold()


def bigrams(*parts: str) -> str:
    """Every two-character gram of every run of letters/digits, space-separated (one token each)."""
    grams: list[str] = []
    for part in parts:
        for run in _RUN.findall(normalise(part)):
            grams.extend(run[i:i + 2] for i in range(len(run) - 1))
    return " ".join(grams)


def _insert_fts(rowid: int, title: str, body: str, keys: str) -> None:
    database.execute_sql(
        "INSERT INTO search_fts_tri (rowid, title, body, keys) VALUES (?, ?, ?, ?)",
        (rowid, normalise(title), normalise(body), normalise(keys)),
    )
    database.execute_sql(
        "INSERT INTO search_fts_bi (rowid, grams) VALUES (?, ?)", (rowid, bigrams(title, body, keys))
    )


def _delete_fts(rowid: int, title: str, body: str, keys: str) -> None:
    """Contentless tables forget a row only when given exactly what was indexed."""
    database.execute_sql(
        "INSERT INTO search_fts_tri (search_fts_tri, rowid, title, body, keys) VALUES ('delete', ?, ?, ?, ?)",
        (rowid, normalise(title), normalise(body), normalise(keys)),
    )
    database.execute_sql(
        "INSERT INTO search_fts_bi (search_fts_bi, rowid, grams) VALUES ('delete', ?, ?)",
        (rowid, bigrams(title, body, keys)),
    )


def index_record(instance: Model) -> None:
    """(Re)index one record of a registered model; call inside the writing transaction."""
    source = SOURCES.get(instance._meta.table_name)
    if source is None:
        return
    doc = source.document(instance)
    ref = (source.table, int(instance.get_id()))
    with database.atomic():
        old = SearchDocRow.get_or_none((SearchDocRow.ref_table == ref[0]) & (SearchDocRow.ref_id == ref[1]))
        if old is not None:
            _delete_fts(old.id, old.title, old.body, old.keys)
        if doc is None:
            if old is not None:
                old.delete_instance()
            return
        voided = 1 if getattr(instance, "voided_at", None) is not None else 0
        day = doc.day.date() if isinstance(doc.day, dt.datetime) else doc.day
        values = dict(ref_table=ref[0], ref_id=ref[1], kind=source.kind, title=doc.title, body=doc.text,
                      keys=doc.keys, day=day, staff=doc.staff, voided=voided)
        if old is None:
            row_id = SearchDocRow.insert(**values).execute()
        else:
            SearchDocRow.update(**values).where(SearchDocRow.id == old.id).execute()
            row_id = old.id
        _insert_fts(row_id, doc.title, doc.text, doc.keys)


def _after_write(instance: Model, action: str) -> None:
    table = instance._meta.table_name
    if table in SOURCES:
        index_record(instance)
    parent_of = DEPENDENTS.get(table)
    if parent_of is not None:
        parent = parent_of(instance)
        if parent is not None:
            index_record(parent)


if _after_write not in audit.AFTER_WRITE:
    audit.AFTER_WRITE.append(_after_write)


# -- querying -------------------------------------------------------------------------------
class QueryError(ValueError):
    """A query the index cannot answer, with a Chinese message for the search box."""


@dataclass(frozen=True)
class SearchFilter:
    kinds: tuple[str, ...] = ()  # empty: all types
    start: dt.date | None = None
    end: dt.date | None = None  # inclusive
    staff: str = ""
    include_voided: bool = True


@dataclass(frozen=True)
class Hit:
    doc_id: int
    ref_table: str
    ref_id: int
    kind: str
    title: str
    body: str
    day: dt.date
    staff: str
    voided: bool

    @property
    def label(self) -> str:
        source = SOURCES.get(self.ref_table)
        return source.label if source else self.kind


def clean_query(query: str) -> str:
    """The query without control characters: a pasted NUL or escape code would end SQLite's
    MATCH string early ("unterminated string"), so line breaks and tabs become spaces and the
    other invisible characters are dropped. (A shared ``normalize_text`` for all input may
    replace this once it exists.)"""
    spaced = _SPACE_CONTROLS.sub(" ", query)
    return "".join(ch for ch in spaced if unicodedata.category(ch) not in _INVISIBLE)


_SPACE_CONTROLS = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
_INVISIBLE = {"Cc", "Cf", "Cs"}  # not Co: rare name characters live in private use


_STORED_PHONE = re.compile(r"1\d{10}|0\d{2,3}-\d{7,8}")
_COUNTRY_WORDS = ("+86", "0086", "86")


def _as_phone(text: str) -> str | None:
    """V09: a phone as the books store it (13822223333, 0571-88886666), however it was typed
    (+86 138 2222 3333, 0086-138…, 057188886666, (0571)88886666); None for anything else."""
    if not any(ch.isdigit() for ch in text):
        return None
    canonical = normalize_phone(text)
    return canonical if _STORED_PHONE.fullmatch(canonical) else None


def terms(query: str) -> list[str]:
    """The words of a query; each must be at least two characters (QueryError otherwise)."""
    raw = normalize_text(clean_query(query)).split()  # V09: ０５７１ finds 0571
    if len(raw) > 1 and raw[0] in _COUNTRY_WORDS and raw[1][:1].isdigit():
        raw = raw[1:]  # "+86 138 2222 3333": the country code is stored nowhere
    words = [normalise(_as_phone(w) or w) for w in raw]  # 0086-138…, 057188886666: as stored
    short = [w for w in words if len(w) < 2]
    if short:
        raise QueryError("每个检索词至少两个字（或两位数字）")
    return words


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search(query: str, flt: SearchFilter = SearchFilter(), offset: int = 0, limit: int = 50,
           before: int | None = None) -> list[Hit]:
    """Documents matching every term of ``query`` and the filters, newest first.

    The FTS table drives the query in rowid order (newest documents have the largest ids), so a
    page costs the same whether a term matches ten records or half a million. ``before``: only
    documents older than that ``doc_id`` (the last one shown): the next page without counting its
    way past every earlier one, as ``offset`` does (issue 17: scrolling far down froze the window).
    """
    words = terms(query)
    long_terms = [w for w in words if len(w) >= 3]
    short_terms = [w for w in words if len(w) == 2]
    where: list[str] = []
    params: list[object] = []
    if long_terms:
        source = "search_fts_tri f JOIN search_doc d ON d.id = f.rowid"
        where.append("search_fts_tri MATCH ?")
        params.append(" AND ".join(_phrase(t) for t in long_terms))
        if short_terms:
            where.append("d.id IN (SELECT rowid FROM search_fts_bi WHERE search_fts_bi MATCH ?)")
            params.append(" AND ".join(_phrase(t) for t in short_terms))
        order = "f.rowid DESC"
    elif short_terms:
        source = "search_fts_bi f JOIN search_doc d ON d.id = f.rowid"
        where.append("search_fts_bi MATCH ?")
        params.append(" AND ".join(_phrase(t) for t in short_terms))
        order = "f.rowid DESC"
    else:
        source = "search_doc d"
        order = "d.id DESC"
    if flt.kinds:
        where.append("d.kind IN (" + ",".join("?" * len(flt.kinds)) + ")")
        params.extend(flt.kinds)
    if flt.start:
        where.append("d.day >= ?")
        params.append(flt.start.isoformat())
    if flt.end:
        where.append("d.day <= ?")
        params.append(flt.end.isoformat())
    if flt.staff:
        where.append("d.staff = ?")
        params.append(flt.staff)
    if not flt.include_voided:
        where.append("d.voided = 0")
    if before is not None:
        where.append(("f.rowid" if source != "search_doc d" else "d.id") + " < ?")
        params.append(before)
    sql = (
        "SELECT d.id, d.ref_table, d.ref_id, d.kind, d.title, d.body, d.day, d.staff, d.voided FROM "
        + source + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {order} LIMIT ? OFFSET ?"
    )
    params.extend([limit, offset])
    return [
        Hit(r[0], r[1], r[2], r[3], r[4], r[5], dt.date.fromisoformat(str(r[6])), r[7], bool(r[8]))
        for r in database.execute_sql(sql, params)
    ]


def staff_names() -> list[str]:
    """Every 经办人 in the index, sorted: one index seek per name (a DISTINCT read every row,
    seconds on ten years of books, issue 17)."""
    return [r[0] for r in database.execute_sql(
        "WITH RECURSIVE s(staff) AS ("
        " SELECT (SELECT min(staff) FROM search_doc WHERE staff > '')"
        " UNION ALL SELECT (SELECT min(staff) FROM search_doc WHERE staff > s.staff) FROM s"
        " WHERE s.staff IS NOT NULL)"
        " SELECT staff FROM s WHERE staff IS NOT NULL")]


YEARS_SQL = "SELECT (SELECT min(day) FROM search_doc), (SELECT max(day) FROM search_doc)"


def years() -> list[int]:
    """The years of the index, newest first: two seeks of the day index (``min`` and ``max`` in one
    SELECT scan every row, 80 ms on ten years of books each time 档案查询 was built, issue 17)."""
    row = database.execute_sql(YEARS_SQL).fetchone()
    if not row or row[0] is None:
        return []
    return list(range(int(str(row[1])[:4]), int(str(row[0])[:4]) - 1, -1))


def doc_for(ref_table: str, ref_id: int) -> Hit | None:
    row = SearchDocRow.get_or_none((SearchDocRow.ref_table == ref_table) & (SearchDocRow.ref_id == ref_id))
    if row is None:
        return None
    return Hit(row.id, row.ref_table, row.ref_id, row.kind, row.title, row.body, row.day, row.staff,
               bool(row.voided))


def record_for(hit: Hit) -> Model | None:
    load_features()
    source = SOURCES.get(hit.ref_table)
    if source is None:
        return None
    return source.model.get_or_none(source.model._meta.primary_key == hit.ref_id)


def docs_of_year(year: int, kind: str) -> Iterator[Hit]:
    """Every document of a kind filed in a year, oldest first (yearly archive catalogues)."""
    last = 0
    while True:
        rows = list(database.execute_sql(
            "SELECT id, ref_table, ref_id, kind, title, body, day, staff, voided FROM search_doc "
            "WHERE kind = ? AND day >= ? AND day <= ? AND id > ? ORDER BY id LIMIT 1000",
            (kind, f"{year}-01-01", f"{year}-12-31", last)))
        if not rows:
            return
        for r in rows:
            yield Hit(r[0], r[1], r[2], r[3], r[4], r[5], dt.date.fromisoformat(str(r[6])), r[7], bool(r[8]))
        last = rows[-1][0]
