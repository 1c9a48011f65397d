"""How the township's books are read for the 镇级汇总表 over a year (issue 16 point 9): without
timing anything, the queries asked for every village and month are answered through an index on
both engines, and a village's month read with its newest bundle given is the one read without."""

from __future__ import annotations

from dutydesk.township.bundle_import import imports_of
from dutydesk.township.importing import IMPORTED, import_bundles
from dutydesk.township.migrations.ddl import is_postgres
from dutydesk.township.village import village_by_code
from dutydesk.township.village_tally import QUOTA_KIND, TALLY_KIND, month_quota, month_tally, tally_query
from tests.township.books.conftest import MONTHS, A


def _plan(db, query) -> str:
    sql, params = query.sql()
    if is_postgres(db):
        db.execute_sql("SET enable_seqscan = off")  # a handful of rows: the planner would scan them anyway
        try:
            return "\n".join(row[0] for row in db.execute_sql(f"EXPLAIN {sql}", params).fetchall())
        finally:
            db.execute_sql("RESET enable_seqscan")
    return "\n".join(str(row[-1]) for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())


def test_a_bundles_tally_is_found_through_its_index(township, hand_offs):
    assert {o.outcome for o in import_bundles(township, hand_offs.of((A, MONTHS[0])), lambda _q: True)} == {IMPORTED}
    bundle = imports_of(village_by_code(A), MONTHS[0])[-1]
    plan = _plan(township.db, tally_query(bundle.id, TALLY_KIND))
    assert "village_tally_bundle" in plan, plan
    assert "Seq Scan" not in plan and "SCAN " not in plan, plan  # no table read through


def test_a_month_read_with_its_newest_bundle_given_is_the_month_read_without(township, hand_offs):
    paths = hand_offs.of((A, MONTHS[0]), (A, MONTHS[1]), (A, "2026-10 again"))
    assert {o.outcome for o in import_bundles(township, paths, lambda _q: True)} == {IMPORTED}
    village = village_by_code(A)
    bundles = imports_of(village, MONTHS[0])
    assert len(bundles) == 2  # October handed in twice: the newer bundle's figures count
    for kind in (TALLY_KIND, QUOTA_KIND):
        assert month_tally(village, MONTHS[0], kind, newest=bundles[-1]) == month_tally(village, MONTHS[0], kind)
    assert month_quota(village, MONTHS[0], bundles[-1]) == month_quota(village, MONTHS[0])
