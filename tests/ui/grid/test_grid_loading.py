"""Issue 17: once the app runs, the 网格走访 pages are built when first shown, and 入户走访, 走访进度
and 片区与住户 read their books in a worker thread and show the same rows when they are there (G03
progress and recent visits, G02 an area's households and ledger)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QTableWidget

from dutydesk.store.grid.household_visit import HouseholdVisitDraft, record_household_visit
from dutydesk.ui import lazy_tabs
from dutydesk.ui.grid.tab import GridTab
from dutydesk.ui.page_loader import wait_for_loads
from tests.ui.helpers import by_name


@pytest.fixture
def in_app():
    lazy_tabs.build_on_demand(True)
    yield
    wait_for_loads()
    lazy_tabs.build_on_demand(False)


def cells(view: QTableWidget, column: int) -> list[str]:
    return [view.item(r, column).text() for r in range(view.rowCount())]


def test_g03_g02_board_and_area_read_off_the_gui_thread(qtbot, app, desk, village, in_app):
    record_household_visit(HouseholdVisitDraft(dt.date(2026, 11, 10), village.h1.id, [village.member.id],
                                               found="正常"), desk.who, desk.now(), desk.calendar())
    tab = GridTab(desk)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    qtbot.waitUntil(lambda: "visit_page" in tab._built)  # 入户走访, the page shown first, a turn later
    recent = by_name(tab, "近期入户走访", QTableWidget)
    qtbot.waitUntil(lambda: recent.rowCount() == 1)
    assert cells(recent, 1) == ["H0001 张三户"]
    named = {w.accessibleName() for w in tab.findChildren(QTableWidget)}
    assert "干部走访进度" not in named and "住户档案" not in named  # built when first shown
    tab.pages.setCurrentIndex(1)  # 走访进度
    qtbot.waitUntil(lambda: "board" in tab._built)
    board = by_name(tab, "干部走访进度", QTableWidget)
    qtbot.waitUntil(lambda: board.rowCount() > 0)
    assert "赵委员" in cells(board, 0)
    unvisited = by_name(tab, "尚未走访的户", QTableWidget)
    qtbot.waitUntil(lambda: unvisited.rowCount() > 0 or not tab.board.loader.busy)

    tab.pages.setCurrentIndex(3)  # 片区与住户
    qtbot.waitUntil(lambda: "areas" in tab._built)
    households = by_name(tab, "住户档案", QTableWidget)
    qtbot.waitUntil(lambda: households.rowCount() == 2)
    assert cells(households, 0) == ["H0001", "H0002"]
    ledger = by_name(tab, "片区工作台账", QTableWidget)
    qtbot.waitUntil(lambda: ledger.rowCount() == 1)
    assert cells(ledger, 1) == ["张三户"] and cells(ledger, 2) == ["走访"]
