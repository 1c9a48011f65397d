"""Issue 17: the open matters (handover note D09, 待跟进, the status bar) are read in a worker
thread after a change of the books and shown when they are there; the same matters and texts as
read at once, and a change while the worker reads is not lost."""

from __future__ import annotations

import datetime as dt
import random
import threading

import pytest
from PySide6.QtWidgets import QLabel, QListWidget

from dutydesk.store import open_matters
from dutydesk.store.duty import handover
from dutydesk.store.duty.handover import OPEN_MATTERS_LOADING, open_matters_text
from dutydesk.store.visits.visit import VisitDraft, register_visit
from dutydesk.ui import lazy_tabs
from dutydesk.ui.duty.today import TodayPage
from dutydesk.ui.open_matters_feed import feed
from dutydesk.ui.page_loader import wait_for_loads
from dutydesk.ui.visits import followup_panel
from dutydesk.ui.visits.followup_panel import FollowupPanel, followup_status_text
from tests.ui.helpers import by_name


def add_visit(desk, name: str = "吴十", days: int = 0) -> None:
    """An escalated visit, due at its review deadline (overdue when registered ``days`` ago)."""
    register_visit(VisitDraft(channel="来电", category="求助", person_name=name, request="求助 13812345678",
                              responder_name="李文书", outcome="上报", escalate_level="镇",
                              deadline_kind="review"), desk.who, desk.now() - dt.timedelta(days=days),
                   desk.calendar())


@pytest.fixture
def in_worker(monkeypatch):
    """As in the app: reads go to a worker thread; nothing kept from an earlier test's books."""
    monkeypatch.setattr(open_matters, "_cache", {})
    monkeypatch.setattr(handover, "_text_cache", {})
    monkeypatch.setattr(handover, "_lines_cache", {})
    monkeypatch.setattr(followup_panel, "_urgent_cache", {})
    readers: list[threading.Thread] = []
    real = open_matters.daily_matters
    monkeypatch.setattr(open_matters, "daily_matters",
                        lambda today, calendar: readers.append(threading.current_thread()) or real(today, calendar))
    lazy_tabs.build_on_demand(True)
    try:
        yield readers
    finally:
        wait_for_loads()
        lazy_tabs.build_on_demand(False)


def test_d09_v04_the_worker_gives_the_same_matters_and_texts_as_reading_at_once(app, qtbot, desk, in_worker):
    add_visit(desk, "吴十", days=20)
    add_visit(desk, "郑七")
    with qtbot.waitSignal(feed().ready, timeout=10_000):
        assert feed().parts(desk) is None  # nothing read yet: asked, not waited for
    assert in_worker and threading.main_thread() not in in_worker
    shown = feed().matters(desk)
    text = feed().handover_text(desk)
    lazy_tabs.build_on_demand(False)
    open_matters._cache.clear()
    handover._text_cache.clear()
    handover._lines_cache.clear()
    at_once = open_matters.open_matters(desk.today(), desk.calendar(), desk.now())
    assert shown == at_once and len(shown) == 2
    assert text == open_matters_text(desk.today(), desk.calendar(), desk.now())
    assert "138****5678" in text and "13812345678" not in text  # V09


def test_a_change_while_the_worker_reads_is_not_lost(app, qtbot, desk, in_worker, monkeypatch):
    """The worker is held after reading the visits; a visit registered meanwhile (nobody asks
    again) is read by a second reading started when the first one's answer comes."""
    add_visit(desk, "吴十")
    release = threading.Event()

    def slow(today, calendar):
        if threading.current_thread() is not threading.main_thread():
            release.wait(10)
        return []

    monkeypatch.setattr(open_matters, "PROVIDERS", [*open_matters.PROVIDERS, slow])
    assert feed().parts(desk) is None
    assert feed().busy
    add_visit(desk, "郑七")
    release.set()
    qtbot.waitUntil(lambda: not feed().busy and len(feed().matters(desk) or []) == 2, timeout=10_000)
    assert sorted(m.summary.split("｜")[0] for m in feed().matters(desk)) == ["吴十", "郑七"]
    assert len(in_worker) == 2


def test_while_a_change_is_read_the_last_matters_stay_shown(app, qtbot, desk, in_worker):
    add_visit(desk, "吴十")
    with qtbot.waitSignal(feed().ready, timeout=10_000):
        feed().parts(desk)
    first = feed().matters(desk)
    add_visit(desk, "郑七")
    with qtbot.waitSignal(feed().ready, timeout=10_000):
        assert feed().matters(desk) == first  # the last answer, not 正在读取…, while the change is read
    assert len(feed().matters(desk)) == 2


def test_d09_the_handover_box_and_the_status_bar_show_the_matters_once_read(app, qtbot, desk, in_worker):
    add_visit(desk, "吴十", days=20)
    page = TodayPage(desk)
    qtbot.addWidget(page)
    page.complete()  # its parts now (the app builds them in the turns after the first paint)
    box = by_name(page, "未办结事项", QLabel)
    assert OPEN_MATTERS_LOADING in box.text()
    assert followup_status_text(desk) == "待跟进：正在读取…"
    qtbot.waitUntil(lambda: "吴十" in box.text(), timeout=10_000)
    assert "【已超期】" in box.text()
    assert followup_status_text(desk) == "待跟进：超期 1 件，即将到期 0 件"


def test_v04_the_followup_panel_fills_when_the_matters_are_read(app, qtbot, desk, in_worker):
    add_visit(desk, "吴十", days=20)
    panel = FollowupPanel(desk)
    qtbot.addWidget(panel)
    assert "正在读取" in by_name(panel, "待跟进标题", QLabel).text()
    qtbot.waitUntil(lambda: "超期 1 件" in by_name(panel, "待跟进标题", QLabel).text(), timeout=10_000)
    items = by_name(panel, "待跟进", QListWidget)
    assert "吴十" in items.item(0).text() and "【已超期】" in items.item(0).text()


def test_merging_the_hour_based_matters_keeps_the_one_order():
    """The day's matters and the hour-based ones come out as one sort of both would give them,
    equal ones in the same order (the day's first)."""
    rng = random.Random(17)
    day = dt.date(2026, 11, 24)

    def some(kind: str, n: int) -> tuple[open_matters.OpenMatter, ...]:
        found = [open_matters.OpenMatter(kind, f"R{rng.randint(1, 5)}", kind, day + dt.timedelta(rng.randint(-3, 3)),
                                         rng.choice(("ok", "due_soon", "overdue")), i) for i in range(n)]
        return tuple(sorted(found, key=open_matters._order))

    for _ in range(50):
        daily, timed = some("visit", rng.randint(0, 30)), some("message", rng.randint(0, 6))
        assert open_matters.merged(daily, timed) == sorted((*daily, *timed), key=open_matters._order)
        lines = handover.matters_text(daily, timed).split("\n")
        assert lines == [handover._line(m) for m in sorted((*daily, *timed), key=open_matters._order)]


def test_v04_the_followup_list_is_built_again_only_when_the_matters_changed(app, qtbot, desk, in_worker):
    add_visit(desk, "吴十", days=20)
    panel = FollowupPanel(desk)
    qtbot.addWidget(panel)
    items = by_name(panel, "待跟进", QListWidget)
    qtbot.waitUntil(lambda: items.count() == 1 and "吴十" in items.item(0).text(), timeout=10_000)
    first = items.item(0)
    panel.refresh()  # the 60 s refresh, nothing written: the same list
    assert items.item(0) is first
    add_visit(desk, "郑七", days=20)
    panel.refresh()
    qtbot.waitUntil(lambda: items.count() == 2, timeout=10_000)
    assert sorted(items.item(i).text().split("　")[-1].split("｜")[0] for i in range(2)) == ["吴十", "郑七"]
