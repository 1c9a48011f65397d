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


def test_a_new_minute_asks_only_the_hour_based_providers_again(desk, monkeypatch):
    """The day's matters (tens of thousands of visits at 1M) are not read again each minute; the
    hour-based ones are, and both come out in one order: overdue first, then by due date."""
    calls = counting_provider(monkeypatch)
    timed_calls: list[dt.datetime] = []
    due = desk.today() - dt.timedelta(days=3)

    def timed(now, calendar):
        timed_calls.append(now)
        return [feed.OpenMatter("message", "LY-1", "留言 13812345678", due, "overdue")]

    monkeypatch.setattr(feed, "TIMED_PROVIDERS", [timed])
    add_visit(desk)
    now = desk.now()
    first = feed.open_matters(desk.today(), desk.calendar(), now)
    later = feed.open_matters(desk.today(), desk.calendar(), now + dt.timedelta(seconds=30))
    next_minute = feed.open_matters(desk.today(), desk.calendar(), now + dt.timedelta(minutes=1))
    assert len(calls) == 1 and len(timed_calls) == 2
    assert first == later == next_minute
    assert [m.kind for m in first] == ["message", "visit"]  # the overdue message before the visit
    assert first[0].summary == "留言 138****5678"  # V09: masked like the day's matters


def test_the_handover_text_is_worked_out_once_per_change(desk):
    """D09: the text of the open matters is the same object while nothing changed (the 30 s
    refresh skips it), and follows a write."""
    from dutydesk.store.duty.handover import open_matters_text

    add_visit(desk)
    first = open_matters_text(desk.today(), desk.calendar(), desk.now())
    assert open_matters_text(desk.today(), desk.calendar(), desk.now()) is first
    [matter] = feed.open_matters(desk.today(), desk.calendar(), desk.now())
    assert first == f"{matter.ref} {matter.summary}，期限{matter.due:%m月%d日}"
    add_visit(desk)
    assert len(open_matters_text(desk.today(), desk.calendar(), desk.now()).splitlines()) == 2
