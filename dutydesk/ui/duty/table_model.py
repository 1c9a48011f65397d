"""A read-only table model over a row source, fetched lazily page by page (lists that grow)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """Rows come from ``fetch(offset, limit)``; ``cells(row)`` gives the texts of one row.

    ``colour(row)`` may return a colour for the status column (``colour_column``).
    """

    PAGE = 200

    def __init__(self, headers: Sequence[str], fetch: Callable[[int, int], list[Any]],
                 cells: Callable[[Any], Sequence[str]], colour: Callable[[Any], str | None] | None = None,
                 colour_column: int = -1) -> None:
        super().__init__()
        self.headers = list(headers)
        self._fetch = fetch
        self._cells = cells
        self._colour = colour
        self._colour_column = colour_column
        self.rows: list[Any] = []
        self._texts: list[list[str]] = []
        self._exhausted = False

    def reload(self) -> None:
        self.beginResetModel()
        self.rows, self._texts, self._exhausted = [], [], False
        self._load_page()
        self.endResetModel()

    def _load_page(self) -> list[Any]:
        page = self._fetch(len(self.rows), self.PAGE)
        if len(page) < self.PAGE:
            self._exhausted = True
        self.rows.extend(page)
        self._texts.extend([str(c) for c in self._cells(r)] for r in page)
        return page

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        start = len(self.rows)
        page = self._fetch(start, self.PAGE)
        if len(page) < self.PAGE:
            self._exhausted = True
        if not page:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self.rows.extend(page)
        self._texts.extend([str(c) for c in self._cells(r)] for r in page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and self._colour and index.column() == self._colour_column:
            colour = self._colour(self.rows[index.row()])
            return QColor(colour) if colour else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
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
