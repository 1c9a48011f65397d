"""A page of the 留言预约 tab: a read-only list of records over a row of action buttons, with a
line for results. Subclasses give the headers, the rows and the actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from dutydesk.desk import Desk
from dutydesk.ui.forms import message_label, push_button
from dutydesk.ui.record_list import read_only
from dutydesk.ui.theme import OK_GREEN, OVERDUE_RED


class RecordPage(QWidget):
    """``headers`` and ``cells(record)`` describe the table; ``records()`` loads it in ``refresh``."""

    headers: Sequence[str] = ()
    list_name = ""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.rows: list[Any] = []
        self.on_change: Callable[[], None] = lambda: None
        layout = QVBoxLayout(self)
        self.buttons_row = QHBoxLayout()
        layout.addLayout(self.buttons_row)
        self.second_row = QHBoxLayout()  # more actions go on a second line, so the page fits a laptop
        layout.addLayout(self.second_row)
        self.message = message_label(f"{self.list_name}提示")
        layout.addWidget(self.message)
        self.table = read_only(QTableWidget(0, len(self.headers)), self.list_name)
        self.table.setHorizontalHeaderLabels(list(self.headers))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.itemSelectionChanged.connect(self.refresh_buttons)
        layout.addWidget(self.table, 1)
        self.buttons: dict[str, Any] = {}

    def add_button(self, text: str, slot: Callable[[], None], primary: bool = False, second_row: bool = False):
        button = push_button(text, slot, primary)
        (self.second_row if second_row else self.buttons_row).addWidget(button)
        self.buttons[text] = button
        return button

    def finish_buttons(self) -> None:
        self.buttons_row.addStretch(1)
        self.second_row.addStretch(1)
        self.refresh()

    # -- to override ----------------------------------------------------------------------------
    def records(self) -> list[Any]:
        return []

    def cells(self, record: Any) -> Sequence[str]:
        return ()

    def enabled(self, record: Any | None) -> dict[str, bool]:
        return {}

    # -------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        chosen = self.current()
        chosen_id = chosen.id if chosen is not None else None
        self.rows = self.records()
        self.table.setRowCount(len(self.rows))
        for r, record in enumerate(self.rows):
            for c, text in enumerate(self.cells(record)):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if record.id == chosen_id:
                self.table.selectRow(r)
        self.table.resizeColumnsToContents()
        self.refresh_buttons()

    def current(self) -> Any | None:
        row = self.table.currentRow() if self.table.selectionModel().hasSelection() else -1
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def select(self, record_id: int) -> None:
        for r, record in enumerate(self.rows):
            if record.id == record_id:
                self.table.selectRow(r)

    def refresh_buttons(self) -> None:
        state = self.enabled(self.current())
        for text, button in self.buttons.items():
            button.setEnabled(state.get(text, True))

    def say(self, text: str, ok: bool = True) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {OK_GREEN if ok else OVERDUE_RED};")

    def changed(self) -> None:
        self.refresh()
        self.on_change()
