"""The duty pages' table model: pages of rows, each row's texts read once, a status colour."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from dutydesk.ui.duty.table_model import PagedTableModel, list_source
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
