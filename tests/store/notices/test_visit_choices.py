"""The visits 一次性告知 can start from, read as plain columns (issue 17): the same visits in the
same order as ``visits_to_serve``, which builds full models."""

from __future__ import annotations

import datetime as dt

from dutydesk.store.notices.notice import visit_choices, visits_to_serve
from dutydesk.store.visits.visit import register_visit, void_visit
from tests.store.conftest import draft


def _register(desk, at: dt.datetime, **changes):
    return register_visit(draft(**changes), desk.who, at, desk.calendar())


def test_visit_choices_are_visits_to_serve_in_the_same_order(desk, clock):
    today = desk.today()
    proxy = dict(category="代办", outcome="代办", result="", deadline_kind="complex")
    older = [_register(desk, dt.datetime(2026, 11, day, 10), person_name=f"王{day}", **proxy)
             for day in (10, 17, 20)]
    _register(desk, dt.datetime(2026, 11, 18, 9))  # done on the spot: not waiting for 代办
    voided = _register(desk, dt.datetime(2026, 11, 19, 9), **proxy)
    void_visit(voided, desk.who, desk.now(), "登记错了")
    todays = [_register(desk, dt.datetime(2026, 11, 24, 8, minute), person_name=f"李{minute}")
              for minute in (5, 30)]
    todays.append(_register(desk, dt.datetime(2026, 11, 24, 8, 45), request="身份证号 330102199001011234",
                            **proxy))

    choices = visit_choices(today)

    expected = visits_to_serve(today)
    assert [(c.id, c.ref, c.person_name, c.request) for c in choices] == [
        (v.id, v.ref, v.person_name, v.request) for v in expected]
    # Today's newest first, then the older ones still waiting for 代办, newest first; none twice.
    assert [c.id for c in choices] == [v.id for v in reversed(todays)] + [v.id for v in reversed(older)]
    assert choices[0].ref == f"2026-{todays[-1].id:06d}"
