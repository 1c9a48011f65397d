"""A read-only table model that fetches rows page by page as the view scrolls.

Archive lists (search results, the lookup register, the audit trail) can hold a million rows;
the view asks ``canFetchMore``/``fetchMore`` and only the pages looked at are read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

PAGE = 200
TEXT_ROLES = (0, 3)  # Qt.ItemDataRole.DisplayRole, ToolTipRole: by number, as the view asks a cell for
# about eight roles each time it paints it, and looking the names up costs more than the answer

Index = QModelIndex | QPersistentModelIndex


class LazyTableModel(QAbstractTableModel):
    """Rows come from ``fetch(offset, limit) -> list[row]``; ``cell(row, column) -> str``."""

    def __init__(
        self,
        headers: Sequence[str],
        fetch: Callable[[int, int], list[Any]],
        cell: Callable[[Any, int], str],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self._fetch = fetch
        self._cell = cell
        self.rows: list[Any] = []
        self._more = True

    def reload(self, fetch: Callable[[int, int], list[Any]] | None = None) -> None:
        self.beginResetModel()
        if fetch is not None:
            self._fetch = fetch
        self.rows = []
        self._more = True
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or not self._more:
            return
        page = self._fetch(len(self.rows), PAGE)
        self._more = len(page) == PAGE
        if not page:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = 0) -> Any:
        if role not in TEXT_ROLES or not index.isValid():
            return None
        return self._cell(self.rows[index.row()], index.column())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def row_at(self, row: int) -> Any:
        return self.rows[row]
