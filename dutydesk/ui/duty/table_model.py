"""The duty pages' table model: rows fetched page by page, texts read once, a status colour."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from dutydesk.ui.lazy_table import PAGE, LazyTableModel

if TYPE_CHECKING:
    from dutydesk.ui.page_loader import PageLoader

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(LazyTableModel):
    """A ``LazyTableModel`` whose ``cells(row)`` gives all the texts of one row, read once as the
    page arrives (cells may follow a foreign key); ``colour(row)`` may colour ``colour_column``."""

    def __init__(self, headers: Sequence[str], fetch: Callable[[int, int], list[Any]],
                 cells: Callable[[Any], Sequence[Any]], colour: Callable[[Any], str | None] | None = None,
                 colour_column: int = -1) -> None:
        super().__init__(headers, self._fetch_with_texts, lambda _row, _column: "")
        self._fetch_rows = fetch
        self._cells = cells
        self._colour = colour
        self._colour_column = colour_column
        self._texts: list[list[str]] = []  # _texts[i] are the texts of rows[i]

    def _fetch_with_texts(self, offset: int, limit: int) -> list[Any]:
        page = self._fetch_rows(offset, limit)
        del self._texts[offset:]  # offset 0: a reload
        self._texts.extend([str(c) for c in self._cells(r)] for r in page)
        return page

    def reload_with(self, loader: PageLoader, then: Callable[[], None] | None = None) -> None:
        """``reload()`` with the first page and its texts read by ``loader``: in a worker thread
        once the app runs (issue 17: rows whose texts follow foreign keys cost a query or two
        each), at once otherwise. ``fetch`` and ``cells`` must not touch widgets. Until the page
        is there the list is empty and asks for nothing; ``then()`` runs once it is shown."""
        fetch, cells = self._fetch_rows, self._cells

        def read() -> tuple[list[Any], list[list[str]]]:
            page = fetch(0, PAGE)
            return page, [[str(c) for c in cells(r)] for r in page]

        self.beginResetModel()
        self.rows, self._texts, self._more = [], [], False
        self.endResetModel()
        loader.load(read, lambda first: self._show_first(first, then))

    def _show_first(self, first: tuple[list[Any], list[list[str]]], then: Callable[[], None] | None) -> None:
        page, texts = first
        self.beginResetModel()
        self.rows, self._texts, self._more = list(page), texts, len(page) == PAGE
        self.endResetModel()
        if then is not None:
            then()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and self._colour and index.column() == self._colour_column:
            colour = self._colour(self.rows[index.row()])
            return QColor(colour) if colour else None
        return None

    def text(self, row: int, column: int) -> str:
        return self._texts[row][column]


def list_source(rows_of: Callable[[], list[Any]]) -> Callable[[int, int], list[Any]]:
    """A fetch function over a bounded list (one day's log): still paged for the view."""
    cache: dict[str, list[Any]] = {}

    def fetch(offset: int, limit: int) -> list[Any]:
        if offset == 0 or "rows" not in cache:
            cache["rows"] = rows_of()
        return cache["rows"][offset:offset + limit]

    return fetch
