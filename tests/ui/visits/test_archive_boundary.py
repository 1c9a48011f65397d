"""A02: the 来访登记 tab serves daily work; a record of a filed (or finished, earlier) year is
neither listed nor opened there: the user is sent to 档案查询."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel, QMessageBox, QTableView, QWidget

from dutydesk.store.accounts.account import Account
from dutydesk.store.archive.year_filing import close_year
from dutydesk.store.visits.visit import Visit, register_visit
from dutydesk.ui.visits.tab import VisitsTab
from tests.store.conftest import draft
from tests.ui.helpers import by_name, when_modal


def _shown(tab: VisitsTab) -> list[str]:
    model = by_name(tab, "来访记录", QTableView).model()
    return [model.index(row, 3).data() for row in range(model.rowCount())]


def test_a02_visit_list_neither_shows_nor_opens_a_filed_year_record(qtbot, app, desk, clock):
    clock.set(dt.datetime(2025, 6, 3, 10, 0))
    old = register_visit(draft(person_name="赵归档"), desk.who, clock.now(), desk.calendar())
    clock.set(dt.datetime(2026, 1, 5, 9, 0))
    close_year(Account.get(Account.name == "王书记"), 2025, desk.folder.path / "archive" / "2025", [],
               clock.now())
    clock.set(dt.datetime(2026, 11, 24, 9, 0))
    register_visit(draft(person_name="钱今年"), desk.who, clock.now(), desk.calendar())

    tab = VisitsTab(desk)
    qtbot.addWidget(tab)
    tab.register.start.setDate(QDate(2024, 1, 1))  # the date filter reaching back into 2025
    tab.register.apply()
    assert _shown(tab) == ["钱今年"]
    assert "档案查询" in by_name(tab, "档案提示", QLabel).text()

    told: list[str] = []

    def read_and_close(box: QWidget) -> None:
        told.append(box.text())
        box.accept()

    when_modal(read_and_close, kind=QMessageBox)
    assert tab.open_visit(old.id) is None  # asked for by id (a link elsewhere): refused, not opened
    assert len(told) == 1
    assert "2025年已归档" in told[0] and "档案查询" in told[0]
    assert "A02" not in told[0]
    assert Visit.get_by_id(old.id).person_name == "赵归档"
