"""Issue 17: once the app runs, each 网格走访 page is built in steps (its main table first, its
form and buttons in later turns, its books read last); the page it becomes is the page built at
once: the same parts, the same rows, and it works (G02, G03, G05, G06)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTableWidget, QWidget

from dutydesk.store.grid.diary import DiaryDraft, DiaryEntry, add_entry
from dutydesk.store.grid.household_visit import HouseholdVisitDraft, record_household_visit
from dutydesk.ui import lazy_tabs
from dutydesk.ui.grid.tab import PAGES, GridTab
from dutydesk.ui.page_loader import wait_for_loads
from tests.ui.helpers import by_name, shown, type_text

NAMES = [name for name, *_rest in PAGES]


def make_tab(qtbot, desk) -> GridTab:
    return shown(qtbot, GridTab(desk))


def looks(page: QWidget) -> dict[str, object]:
    """What the user sees of a page: its named parts, labels, buttons and every table's cells."""
    tables = {t.accessibleName(): [[t.item(r, c).text() if t.item(r, c) else "" for c in range(t.columnCount())]
                                   for r in range(t.rowCount())] for t in page.findChildren(QTableWidget)}
    return {"names": sorted(w.accessibleName() for w in page.findChildren(QWidget) if w.accessibleName()),
            "labels": sorted(w.text() for w in page.findChildren(QLabel) if w.text()),
            "buttons": [b.text() for b in page.findChildren(QAbstractButton)], "tables": tables}


def tab_stops(start: QWidget, count: int) -> list[str]:
    """The names of the next ``count`` widgets Tab stops at after ``start``."""
    stops: list[str] = []
    widget = start
    while len(stops) < count:
        widget = widget.nextInFocusChain()
        assert widget is not start, stops
        if widget.isVisibleTo(start.window()) and widget.isEnabled() and widget.accessibleName() \
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus:
            stops.append(widget.accessibleName())
    return stops


@pytest.fixture
def books(desk, village):
    record_household_visit(HouseholdVisitDraft(dt.date(2026, 11, 10), village.h1.id, [village.member.id],
                                               found="屋顶漏雨"), desk.who, desk.now(), desk.calendar())
    add_entry(DiaryDraft(village.member.id, dt.date(2026, 11, 20), "反映路灯不亮", place="三组", major=True),
              desk.who, desk.now())
    return village


def test_g03_g05_each_page_built_in_steps_is_the_page_built_at_once(qtbot, app, desk, books):
    eager = make_tab(qtbot, desk)
    expected = {name: looks(getattr(eager, name)) for name in NAMES}
    assert expected["diary"]["tables"]["民情日记"][0][3] == "三组"  # the books are there to be shown

    lazy_tabs.build_on_demand(True)
    try:
        tab = make_tab(qtbot, desk)
        for index, name in enumerate(NAMES):
            tab.pages.setCurrentIndex(index)
            if index:  # the tab switch shows the empty page; building starts in the next turn
                assert name not in tab._built
            qtbot.waitUntil(lambda n=name: n in tab._built)
            page = tab._built[name]
            steps = page.steps
            qtbot.waitUntil(lambda s=steps: s.done)
            qtbot.waitUntil(lambda p=page, n=name: looks(p) == expected[n])
    finally:
        wait_for_loads()
        lazy_tabs.build_on_demand(False)


def test_g05_a_diary_entry_saved_on_a_page_built_in_steps(qtbot, app, desk, books):
    lazy_tabs.build_on_demand(True)
    try:
        tab = make_tab(qtbot, desk)
        tab.pages.setCurrentIndex(NAMES.index("diary"))
        qtbot.waitUntil(lambda: "diary" in tab._built)
        page = tab._built["diary"]
        qtbot.waitUntil(lambda: page.steps.done)
        listed = by_name(page, "民情日记", QTableWidget)
        qtbot.waitUntil(lambda: listed.rowCount() == 1)
        # Tab goes through the form in the order it is filled, though it came a turn after the list.
        assert tab_stops(page.staff, 7) == ["日期", "走访的户", "地点", "了解到的民情", "处理情况", "重大民情",
                                            "保存日记"]
        page.place.setText("四组")
        type_text(qtbot, page.heard, "群众反映水渠堵塞")
        qtbot.keyClick(page.heard, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert by_name(page, "日记保存结果", QLabel).text().startswith("已保存：")
        assert DiaryEntry.select().count() == 2
        qtbot.waitUntil(lambda: listed.rowCount() == 2)  # read again in a worker
        assert "群众反映水渠堵塞" in [listed.item(r, 4).text() for r in range(2)]
    finally:
        wait_for_loads()
        lazy_tabs.build_on_demand(False)


def test_g03_reaching_into_a_page_still_being_built_completes_it(qtbot, app, desk, books):
    """A scanned code or 待跟进 may ask for a page in the turn it started building: it is whole."""
    lazy_tabs.build_on_demand(True)
    try:
        tab = make_tab(qtbot, desk)
        QApplication.processEvents()
        assert tab.open_household_code("H0001")
        page = tab.visit_page
        assert page.steps.done
        assert "张三户" in by_name(page, "走访的户", QLabel).text()
        assert by_name(page, "走访干部").currentText().startswith("赵委员")  # the area's owner (G01)
    finally:
        wait_for_loads()
        lazy_tabs.build_on_demand(False)


def test_other_timers_run_between_the_steps_of_a_page(qtbot, app):
    """The window's timers (a clock, the cursor, the stall probe) are served between two steps:
    a step never runs right after the previous one in the same pass of the event loop."""
    ticks, seen = [0], []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    owner = QWidget()
    qtbot.addWidget(owner)
    lazy_tabs.build_on_demand(True)
    try:
        timer.start()
        steps = lazy_tabs.StagedBuild(*[lambda: seen.append(ticks[0])] * 6)
        steps.start(owner, first_now=True)
        assert seen == [0] and not steps.done  # the first step at once, the others later
        qtbot.waitUntil(lambda: steps.done)
    finally:
        timer.stop()
        lazy_tabs.build_on_demand(False)
    assert all(later > earlier for earlier, later in itertools.pairwise(seen)), seen
    tests_path = lazy_tabs.StagedBuild(*[lambda: seen.append(-1)] * 2)
    tests_path.start(owner)  # outside the app (tests, scripts): every step at once
    assert tests_path.done and seen[-2:] == [-1, -1]
