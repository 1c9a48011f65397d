"""V09 in 档案查询: the result list masks numbers for directors too; they see a record's numbers in
full only by opening it with an approval and a lookup-register entry (A02), a logged act."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from dutydesk.ui.archive.tab import ArchiveTab
from tests.ui.archive.test_tab import _acc, _rows, _search, books  # noqa: F401
from tests.ui.helpers import by_name


def test_v09_search_results_are_masked_for_a_director(app, qtbot, books):  # noqa: F811
    books.account = _acc("王书记")
    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    _search(qtbot, tab, "低保")
    rows = _rows(by_name(tab, "检索结果", QTableView))
    assert rows and all("13812345678" not in "".join(row) for row in rows)
    assert "138****5678" in rows[0][4]
