"""Issue 17: the archive's 年份 list by two seeks of the day index, same answer as before."""

from __future__ import annotations

from dutydesk.store.base import database
from dutydesk.store.search_index import YEARS_SQL, years


def test_years_newest_first_from_the_first_to_the_last_day(desk):
    with database.atomic():
        for ref, day in enumerate(("2024-03-01", "2026-11-24", "2021-07-15"), start=5000):
            database.execute_sql(
                "INSERT INTO search_doc (ref_table, ref_id, kind, title, body, day, staff) "
                "VALUES ('visit', ?, 'visit', 't', 'b', ?, '')", (ref, day))
    first, last = database.execute_sql("SELECT min(day), max(day) FROM search_doc").fetchone()
    assert years() == list(range(int(str(last)[:4]), int(str(first)[:4]) - 1, -1))
    assert years()[0] == 2026 and years()[-1] <= 2021


def test_years_of_an_empty_index(desk):
    database.execute_sql("DELETE FROM search_doc")
    assert years() == []


def test_years_seek_the_day_index_instead_of_scanning(desk):
    plan = " ".join(str(r) for r in database.execute_sql("EXPLAIN QUERY PLAN " + YEARS_SQL))
    assert "SEARCH search_doc USING COVERING INDEX search_doc_day" in plan and "SCAN search_doc" not in plan
