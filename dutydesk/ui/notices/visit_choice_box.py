"""The drop-down of visits a checklist can start from (一次性告知's 来访记录, issue 17).

On 1M-visit books thousands of visits wait for 代办 (7,668 in the benchmark books): filled one
``addItem`` at a time, each text worked out and masked at once, and measured for the box's width
on its first showing, the list held the window for a quarter of a second when the tab opened.
Here the visits are read in a worker (``ui.page_loader``), kept as they are read
(``store.notices.notice.VisitChoice``) in a list model whose text is worked out when a row is
shown, the box is as wide as a set number of characters (not its longest entry) and its popup's
rows are of one height. Every visit is still in the list, in the same order, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import QComboBox, QListView, QWidget

from dutydesk.store.notices.notice import VisitChoice
from dutydesk.store.privacy import mask_numbers
from dutydesk.ui.page_loader import PageLoader

REQUEST_SHOWN = 20  # characters of the request after the person's name

Index = QModelIndex | QPersistentModelIndex


def choice_text(choice: VisitChoice) -> str:
    """``2026-000123 张三｜申请低保…``: the visit's number, the person and the request, numbers
    masked (V09)."""
    return f"{choice.ref} {choice.person_name}｜{mask_numbers(choice.request)[:REQUEST_SHOWN]}"


class VisitChoiceModel(QAbstractListModel):
    """The first row (``none_text``, no visit), then the visits; the visit's id as UserRole."""

    def __init__(self, none_text: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.none_text = none_text
        self.choices: list[VisitChoice] = []
        self._rows: dict[int, int] = {}  # visit id -> row
        self._texts: dict[int, str] = {}  # row -> text, worked out when first shown

    def set_choices(self, choices: list[VisitChoice]) -> None:
        self.beginResetModel()
        self.choices = list(choices)
        self._rows = {}
        for row, choice in enumerate(self.choices, start=1):
            self._rows.setdefault(choice.id, row)
        self._texts = {}
        self.endResetModel()

    def add_choice(self, choice: VisitChoice) -> int:
        """One more visit at the end (one not in the list, opened from the register); its row."""
        row = len(self.choices) + 1
        self.beginInsertRows(QModelIndex(), row, row)
        self.choices.append(choice)
        self._rows.setdefault(choice.id, row)
        self.endInsertRows()
        return row

    def row_of(self, visit_id: object) -> int:
        """The row of a visit (0, the first row, for None), -1 when it is not in the list."""
        if visit_id is None:
            return 0
        return self._rows.get(visit_id, -1)  # type: ignore[arg-type]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.choices) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or row > len(self.choices):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            if row == 0:
                return self.none_text
            text = self._texts.get(row)
            if text is None:
                text = self._texts[row] = choice_text(self.choices[row - 1])
            return text
        if role == Qt.ItemDataRole.UserRole:
            return None if row == 0 else self.choices[row - 1].id
        return None


class VisitChoiceBox(QComboBox):
    """A ``QComboBox`` over a ``VisitChoiceModel``: ``currentData()`` is the chosen visit's id
    (None for the first row); ``findData(id)`` finds a visit without walking the list."""

    def __init__(self, none_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = VisitChoiceModel(none_text, self)
        self.setModel(self.choices)
        view = QListView(self)
        view.setUniformItemSizes(True)  # the popup lays out thousands of rows without asking each
        self.setView(view)
        # Measuring every entry for the box's width is what took long on big books: the box is as
        # wide as its first row (``sizeHint``), a visit's longer text is whole in the popup.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(0)
        self._loader = PageLoader(self)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()  # the frame and the arrow: no entry measured
        hint.setWidth(hint.width() + self.fontMetrics().horizontalAdvance(self.choices.none_text))
        return hint

    def load(self, read: Callable[[], list[VisitChoice]]) -> None:
        """Refill from ``read()`` (in a worker once the app runs), keeping the visit chosen."""
        self._loader.load(read, self.set_choices)

    @property
    def loading(self) -> bool:
        return self._loader.busy

    def set_choices(self, choices: list[VisitChoice]) -> None:
        """The visits in the list now; the one chosen stays chosen (an added one stays listed),
        without telling ``currentIndexChanged`` (nothing was chosen by the user)."""
        current = self.currentData()
        chosen = self.choices.choices[self.currentIndex() - 1] if self.currentIndex() > 0 else None
        self.blockSignals(True)
        self.choices.set_choices(choices)
        row = self.choices.row_of(current)
        if row < 0 and chosen is not None:
            row = self.choices.add_choice(chosen)
        self.setCurrentIndex(max(row, 0))
        self.blockSignals(False)

    def add_choice(self, choice: VisitChoice) -> int:
        return self.choices.add_choice(choice)

    def findData(self, data: object, role: int = Qt.ItemDataRole.UserRole,
                 flags: Qt.MatchFlag = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive) -> int:
        if role == Qt.ItemDataRole.UserRole:
            return self.choices.row_of(data)
        return super().findData(data, role, flags)
