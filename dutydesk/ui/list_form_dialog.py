"""A dialog that lists records above a form acting on the chosen one (告知跟进, 问责记录): the
table, the form's fields, a result line, and the action button beside 关闭. A subclass says what
differs: its columns, what stands above the table, its fields and its action."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.ui.forms import FormField, add_field, button_row, message_label, push_button
from dutydesk.ui.record_list import read_only

Record = TypeVar("Record")


class ListFormDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None, title: str, size: tuple[int, int],
                 headers: Sequence[str], table_name: str, result_name: str) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(*size)
        self.table = read_only(QTableWidget(0, len(headers)), table_name)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.result = message_label(result_name)

    def lay_out(self, above: QLayout | QWidget, fields: dict[str, FormField], action: QPushButton) -> None:
        """``above`` over the table, the fields under it (``self.fields``), then the result line
        and ``action`` beside 关闭."""
        form = QFormLayout()
        self.fields = {name: add_field(form, field) for name, field in fields.items()}
        layout = QVBoxLayout(self)
        if isinstance(above, QLayout):
            layout.addLayout(above)
        else:
            layout.addWidget(above)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addLayout(button_row(action, push_button("关闭", self.accept)))

    def fill(self, rows: Sequence[Sequence[str]]) -> None:
        """The table's rows, the first one chosen."""
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if rows:
            self.table.selectRow(0)

    def chosen(self, records: Sequence[Record], none_chosen: str) -> Record | None:
        """The record of the chosen row; None, saying ``none_chosen``, when there is none."""
        row = self.table.currentRow()
        if not 0 <= row < len(records):
            self.result.setText(none_chosen)
            return None
        return records[row]
