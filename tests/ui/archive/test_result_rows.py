"""Issue 17: 档案查询 keeps its results as plain tuples the garbage collector leaves alone (96,576
results for 低保 on 1M-visit books were walked by every full collection), and gives the same
results, pages and selection as the search itself."""

from __future__ import annotations

import gc

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QTableView

from dutydesk.store.search_index import search
from dutydesk.store.visits.visit import register_visit
from dutydesk.ui.archive.tab import ArchiveTab
from dutydesk.ui.lazy_table import PAGE
from tests.store.conftest import draft
from tests.ui.helpers import by_name, type_text


def test_results_page_on_as_plain_rows_outside_the_collector(app, qtbot, desk):
    for i in range(PAGE + 15):
        register_visit(draft(person_name=f"张{i}", request=f"咨询低保续办材料 第{i}次"), desk.who, desk.now(),
                       desk.calendar())
    tab = ArchiveTab(desk)
    qtbot.addWidget(tab)
    box = by_name(tab, "检索词", QLineEdit)
    type_text(qtbot, box, "低保")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    view = by_name(tab, "检索结果", QTableView)
    model = view.model()
    assert model.rowCount() == PAGE
    model.fetchMore(QModelIndex())  # the next page, after the last result shown
    assert model.rowCount() == PAGE + 15
    expected = search("低保", limit=PAGE + 15)
    gc.collect()
    assert not any(gc.is_tracked(row) for row in model.rows)
    view.selectRow(PAGE + 3)
    assert tab.selected_hit() == expected[PAGE + 3]
    assert model.index(PAGE + 3, 3).data() == tab._cell_text(expected[PAGE + 3], 3)  # the title, highlighted
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == [f"{h.day:%Y-%m-%d}" for h in expected]
