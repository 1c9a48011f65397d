"""Issue 17: the archive's 经办人 list by index seeks, same answer as the DISTINCT it replaces."""

from __future__ import annotations

from dutydesk.store.base import database
from dutydesk.store.search_index import staff_names


def test_staff_names_sorted_distinct_without_blanks(desk):
    rows = [("张三", 3), ("", 5), ("李四", 2), ("Ann", 1), ("张三", 2)]
    ref = 1000
    with database.atomic():
        for staff, n in rows:
            for _ in range(n):
                ref += 1
                database.execute_sql(
                    "INSERT INTO search_doc (ref_table, ref_id, kind, title, body, day, staff) "
                    "VALUES ('visit', ?, 'visit', 't', 'b', '2026-11-24', ?)", (ref, staff))
    expected = [r[0] for r in database.execute_sql(
        "SELECT DISTINCT staff FROM search_doc WHERE staff != '' ORDER BY staff")]
    assert staff_names() == expected
    assert {"张三", "李四", "Ann"} <= set(staff_names()) and "" not in staff_names()


def test_staff_names_use_the_staff_index(desk):
    plan = " ".join(str(r) for r in database.execute_sql(
        "EXPLAIN QUERY PLAN SELECT min(staff) FROM search_doc WHERE staff > ''"))
    assert "search_doc_staff" in plan
