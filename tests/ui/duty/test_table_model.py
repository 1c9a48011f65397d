"""The duty pages' table model: pages of rows, each row's texts read once, a status colour."""

from __future__ import annotations

import threading

from PySide6.QtCore import QModelIndex, Qt

from dutydesk.ui import lazy_tabs
from dutydesk.ui.duty.table_model import PagedTableModel, list_source
from dutydesk.ui.page_loader import PageLoader, wait_for_loads
from dutydesk.ui.theme import OVERDUE_RED


def test_paged_model_reads_each_row_once_pages_lazily_and_colours_the_status(app):
    rows = list(range(250))
    read: list[int] = []

    def cells(n: int) -> list[str]:
        read.append(n)
        return [f"第{n}行", "缺勤" if n % 2 else ""]

    model = PagedTableModel(["行", "状态"], list_source(lambda: rows), cells,
                            lambda n: OVERDUE_RED if n % 2 else None, 1)
    model.reload()
    assert model.rowCount() == 200 and model.canFetchMore(QModelIndex())
    assert model.index(3, 0).data() == "第3行" and model.text(3, 1) == "缺勤"
    assert model.index(3, 1).data(Qt.ItemDataRole.ForegroundRole).name().upper() == OVERDUE_RED.upper()
    assert model.index(2, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 250 and not model.canFetchMore(QModelIndex())
    assert model.text(249, 0) == "第249行" and read == rows  # every row read once, as its page arrived
    rows[:] = [7]
    model.reload()
    assert model.rowCount() == 1 and model.text(0, 0) == "第7行"


def test_first_page_read_in_a_worker_once_the_app_runs_then_shown_whole(app, qtbot):
    """Issue 17: ``reload_with`` reads the first page and its texts off the GUI thread; the list
    is empty meanwhile, then holds the same rows and texts as ``reload``, and ``then`` runs."""
    readers: list[threading.Thread] = []
    rows = list(range(230))

    def cells(n: int) -> list[str]:
        readers.append(threading.current_thread())
        return [f"第{n}行", ""]

    model = PagedTableModel(["行", "状态"], list_source(lambda: rows), cells)
    shown: list[int] = []
    lazy_tabs.build_on_demand(True)
    try:
        loader = PageLoader()
        model.reload_with(loader, lambda: shown.append(model.rowCount()))
        assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
        qtbot.waitUntil(lambda: shown == [200])
    finally:
        wait_for_loads()
        lazy_tabs.build_on_demand(False)
    assert model.text(199, 0) == "第199行" and model.canFetchMore(QModelIndex())
    assert readers and threading.main_thread() not in readers
    model.fetchMore(QModelIndex())  # the next page as the view scrolls, on the GUI thread
    assert model.rowCount() == 230 and model.text(229, 0) == "第229行"
