"""The register's pages (issue 17): keyset paging on (received_at, id) gives, page after page,
exactly the rows one read of the whole filtered list gives, visits at the same minute included
(the key's range now starts at the last row shown, before the filter's own end date)."""

from __future__ import annotations

import datetime as dt

from dutydesk.store.visits.visit import register_visit
from dutydesk.store.visits.visit_queries import VisitFilter, visit_page
from tests.store.conftest import draft


def test_pages_after_the_key_are_the_whole_list_in_order(desk):
    times = [dt.datetime(2026, 11, day, hour) for day in (2, 9, 16, 23) for hour in (9, 9, 10)]
    times.append(dt.datetime(2026, 10, 1, 9))  # before the filter's start: never listed
    for n, at in enumerate(times):
        register_visit(draft(person_name=f"群众{n}", received_at=at), desk.who, desk.now(), desk.calendar())
    f = VisitFilter(start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 23))
    whole = [row.visit.id for row in visit_page(f, desk.calendar(), desk.today(), None, 100)]
    paged, after = [], None
    while True:
        page = visit_page(f, desk.calendar(), desk.today(), after, 2)
        paged += [row.visit.id for row in page]
        if len(page) < 2:
            break
        last = page[-1].visit
        after = (last.received_at, last.id)
    assert paged == whole
    assert len(whole) == 12  # Nov 2-23, three a day, two of them at the same minute
    received = [row.visit.received_at for row in visit_page(f, desk.calendar(), desk.today(), None, 100)]
    assert received == sorted(received, reverse=True)
