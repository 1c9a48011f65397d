"""Issue 17: open matters are computed once per change of the books and shared by the handover
note, the 待跟进 panel and the status bar (and their 30 s / 60 s timers)."""

from __future__ import annotations

import datetime as dt
import threading

from dutydesk.domain.workday_calendar import SpecialDay
from dutydesk.store import open_matters as feed
from dutydesk.store.calendar_days import enter_day
from dutydesk.store.visits.visit import VisitDraft, register_visit


def counting_provider(monkeypatch) -> list[dt.date]:
    calls: list[dt.date] = []

    def provider(today, calendar):
        calls.append(today)
        return []

    monkeypatch.setattr(feed, "PROVIDERS", [*feed.PROVIDERS, provider])
    return calls


def add_visit(desk) -> None:
    register_visit(VisitDraft(channel="来电", category="求助", person_name="吴十", request="求助",
                              responder_name="李文书", outcome="上报", escalate_level="镇",
                              deadline_kind="review"), desk.who, desk.now(), desk.calendar())


def test_repeated_asks_with_no_write_share_one_answer(desk, monkeypatch):
    calls = counting_provider(monkeypatch)
    add_visit(desk)
    first = feed.open_matters(desk.today(), desk.calendar())
    for _ in range(3):  # handover note, 待跟进, status bar
        assert feed.open_matters(desk.today(), desk.calendar()) == first
    assert len(calls) == 1
    assert [m.summary.split("｜")[0] for m in first] == ["吴十"]


def test_a_write_the_next_day_or_another_calendar_recomputes(desk, clock, monkeypatch):
    calls = counting_provider(monkeypatch)
    feed.open_matters(desk.today(), desk.calendar())
    add_visit(desk)
    assert len(feed.open_matters(desk.today(), desk.calendar())) == 1
    assert len(calls) == 2
    feed.open_matters(desk.today() + dt.timedelta(days=1), desk.calendar())
    assert len(calls) == 3
    enter_day(dt.date(2026, 11, 27), False, "调休", desk.who, desk.now())
    feed.open_matters(desk.today() + dt.timedelta(days=1), desk.calendar())
    assert len(calls) == 4
    other = desk.calendar()
    other._entered[dt.date(2026, 11, 30)] = SpecialDay(dt.date(2026, 11, 30), False, "x", "entered")
    feed.open_matters(desk.today() + dt.timedelta(days=1), other)
    assert len(calls) == 5


def test_a_write_on_another_connection_recomputes(desk, monkeypatch):
    calls = counting_provider(monkeypatch)
    assert feed.open_matters(desk.today(), desk.calendar()) == []
    worker = threading.Thread(target=lambda: (add_visit(desk), desk.db.close()))
    worker.start()
    worker.join()
    assert len(feed.open_matters(desk.today(), desk.calendar())) == 1
    assert len(calls) == 2
