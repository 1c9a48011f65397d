"""Issue 17: lists of proxy cases carry their item's version, read in the same query (the 代办跟踪
table and the open matters showed its name with a query per row)."""

from __future__ import annotations

import pytest

from dutydesk.store.base import database
from dutydesk.store.notices import proxy_cases
from tests.notice_helpers import new_case, seed


@pytest.fixture
def books(desk):
    seed(desk)
    for _ in range(3):
        new_case(desk)
    return desk


def queries_while(fn) -> list[str]:
    seen: list[str] = []
    connection = database.connection()
    connection.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        connection.set_trace_callback(None)
    return seen


def test_a_page_of_cases_names_its_items_in_one_query(books):
    page: list = []
    seen = queries_while(lambda: page.extend(proxy_cases.cases_page(0, 50)))
    assert len(page) == 3 and len(seen) == 1
    names = []
    assert queries_while(lambda: names.extend(c.item_version.name for c in page)) == []
    assert all(names)


def test_open_cases_name_their_items_in_one_query(books):
    cases: list = []
    seen = queries_while(lambda: cases.extend(proxy_cases.open_cases()))
    assert len(cases) == 3 and len(seen) == 1
    assert queries_while(lambda: [c.item_version.name for c in cases]) == []
