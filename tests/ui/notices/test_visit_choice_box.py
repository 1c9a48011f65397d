"""Issue 17: 一次性告知's list of visits (来访记录) is read in a worker and shown through a list
model: the same entries in the same order as before, every visit still reachable, the one chosen
kept when the list is read again."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from dutydesk.store.notices import notice as notices
from dutydesk.store.privacy import mask_numbers
from dutydesk.store.visits.visit import VisitDraft, register_visit
from dutydesk.ui import lazy_tabs
from dutydesk.ui.notices.checklist_page import NO_VISIT, ChecklistPage
from dutydesk.ui.notices.visit_choice_box import VisitChoiceBox
from dutydesk.ui.page_loader import wait_for_loads
from tests.notice_helpers import proxy_visit, seed
from tests.ui.helpers import by_name


def entries(box: QComboBox) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


@pytest.fixture
def page(qtbot, app, desk):
    seed(desk)
    made = ChecklistPage(desk, show_notice=lambda *_: None, show_case_docs=lambda *_: None)
    qtbot.addWidget(made)
    return made


def test_v09_the_list_shows_every_visit_waiting_in_the_same_order_and_words(page, desk, clock):
    clock.set(dt.datetime(2026, 11, 20, 9, 0))
    older = [proxy_visit(desk, f"老{i}", f"办理养老保险 电话13812345678 第{i}件") for i in range(3)]
    clock.set(dt.datetime(2026, 11, 24, 9, 0))
    today = proxy_visit(desk, "张秀英")
    page.refresh_visits()
    box = by_name(page, "来访记录", QComboBox)
    choices = notices.visit_choices(desk.today())
    assert [c.id for c in choices] == [today.id, *(v.id for v in reversed(older))]
    assert entries(box) == [NO_VISIT, *(f"{c.ref} {c.person_name}｜{mask_numbers(c.request)[:20]}" for c in choices)]
    assert "13812345678" not in "".join(entries(box)) and "138****5678" in entries(box)[2]
    assert [box.itemData(i) for i in range(box.count())] == [None, *(c.id for c in choices)]
    assert box.findData(older[0].id) == box.count() - 1 and box.findData(None) == 0 and box.findData(-5) == -1


def test_choosing_a_visit_fills_the_person_and_a_reread_keeps_it(page, desk):
    first, second = proxy_visit(desk, "张秀英"), proxy_visit(desk, "李桂兰")
    page.refresh_visits()
    box = by_name(page, "来访记录", QComboBox)
    box.setCurrentIndex(box.findData(first.id))
    assert by_name(page, "群众姓名", QLineEdit).text() == "张秀英"
    proxy_visit(desk, "王建国")
    page.refresh_visits()
    assert box.currentData() == first.id and box.count() == 4
    assert by_name(page, "群众姓名", QLineEdit).text() == "张秀英"
    assert second.id in [box.itemData(i) for i in range(box.count())]


def test_a_visit_opened_from_the_register_is_listed_and_chosen(page, desk, clock):
    clock.set(dt.datetime(2026, 10, 1, 9, 0))
    draft = VisitDraft(channel="来访", category="求助", person_name="赵大爷", request="办理城乡居民养老保险参保",
                       responder_name="李文书", outcome="上报", escalate_level="镇", deadline_kind="review")
    done = register_visit(draft, desk.who, desk.now(), desk.calendar())  # escalated: not waiting for 代办
    clock.set(dt.datetime(2026, 11, 24, 9, 0))
    page.refresh_visits()
    box = by_name(page, "来访记录", QComboBox)
    assert box.findData(done.id) == -1
    page.start_from_visit(done.id)
    assert box.currentData() == done.id and box.currentText().endswith("赵大爷｜办理城乡居民养老保险参保")
    page.refresh_visits()  # read again: still there, still chosen
    assert box.currentData() == done.id


def test_the_list_is_read_off_the_gui_thread_and_then_shown(page, qtbot, desk, monkeypatch):
    visit = proxy_visit(desk, "张秀英")
    readers: list[threading.Thread] = []
    real = notices.visit_choices
    monkeypatch.setattr(notices, "visit_choices", lambda today: readers.append(threading.current_thread())
                        or real(today))
    lazy_tabs.build_on_demand(True)
    try:
        box = by_name(page, "来访记录", VisitChoiceBox)
        page.refresh_visits()
        qtbot.waitUntil(lambda: not box.loading and box.count() == 2, timeout=10_000)
        assert readers and threading.main_thread() not in readers
        assert box.itemData(1) == visit.id and box.itemText(1).endswith("张秀英｜办理城乡居民养老保险参保")
    finally:
        wait_for_loads()
        lazy_tabs.build_on_demand(False)
