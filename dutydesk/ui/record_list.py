"""Read-only record lists: the table set-up every list of records shares, and a dialog listing
records page by page under a row of filters (the audit trail, the lookup register).

Records here are never edited in place (A03): rows are selected whole and nothing is editable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.ui.forms import push_button
from dutydesk.ui.lazy_table import LazyTableModel

View = TypeVar("View", bound=QAbstractItemView)
Filter = TypeVar("Filter", bound=QWidget)


def read_only(view: View, name: str) -> View:
    """Whole rows selected, no cell editable, no row numbers; named for screen readers and tests."""
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    return view


class RecordListDialog(QDialog):
    """Records page by page under a filter bar; 筛选 reads them again with the filters shown.

    A subclass adds its filters with ``add_filter``, then calls ``show_records``, and says how to
    read a page in ``fetch``.
    """

    def __init__(self, desk: Desk, title: str, width: int, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(title)
        self.resize(width, height)
        self.bar = QHBoxLayout()

    def add_filter(self, label: str, widget: Filter) -> Filter:
        widget.setAccessibleName(label)
        self.bar.addWidget(QLabel(label + "："))
        self.bar.addWidget(widget)
        return widget

    def show_records(self, name: str, headers: Sequence[str], cell: Callable[[Any, int], str],
                     actions: Sequence[tuple[str, Callable[[], Any]]] = (), note: str = "") -> None:
        """Finish the bar (筛选, then ``actions`` at the right), add ``note`` and the table, read."""
        self.bar.addWidget(push_button("筛选", self.reload))
        self.bar.addStretch(1)
        for text, slot in actions:
            self.bar.addWidget(push_button(text, slot))
        layout = QVBoxLayout(self)
        layout.addLayout(self.bar)
        if note:
            layout.addWidget(QLabel(note))
        self.model = LazyTableModel(headers, self.fetch, cell, self)
        self.view = read_only(QTableView(), name)
        self.view.setModel(self.model)
        layout.addWidget(self.view)
        self.reload()

    def fetch(self, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    def reload(self) -> None:
        self.model.reload()
        self.view.resizeColumnsToContents()
