"""One small form for one action of the 留言预约 tab (a new message, a booking, a reply ...).

A refused action shows each Chinese message beside its own field (``FieldErrors``), the first
bad field gets the cursor, and nothing typed is lost; the dialog closes only after a committed write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dutydesk.domain.field_errors import FieldErrors
from dutydesk.ui.forms import FormField, add_field, button_row, message_label, push_button, show_errors
from dutydesk.ui.masked_edit import MaskedLineEdit

Fields = list[tuple[str, str, QWidget]]


def value(editor: QWidget) -> Any:
    """What an editor holds, as the store takes it."""
    if isinstance(editor, MaskedLineEdit):
        return editor.value()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QComboBox):
        return editor.currentText()
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QDateTimeEdit) and not isinstance(editor, QDateEdit):
        return editor.dateTime().toPython().replace(second=0, microsecond=0)
    if isinstance(editor, QDateEdit):
        return editor.date().toPython()
    if isinstance(editor, QSpinBox):
        return editor.value()
    raise TypeError(editor)


def combo(items) -> QComboBox:
    box = QComboBox()
    box.addItems(list(items))
    return box


def when(at: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(at)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


class RecordFormDialog(QDialog):
    """``action(values)`` writes the record; a ``FieldErrors`` it raises is shown per field."""

    def __init__(self, title: str, fields: Fields, action: Callable[[dict[str, Any]], object],
                 parent: QWidget | None = None, save_text: str = "保存") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.action = action
        self.result_record: object = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.fields: dict[str, FormField] = {}
        for key, label, editor in fields:
            if isinstance(editor, QPlainTextEdit):
                editor.setTabChangesFocus(True)
                editor.setFixedHeight(80)
            self.fields[key] = add_field(form, FormField(label, editor))
        self.message = message_label(f"{title}提示")
        self.message.setProperty("role", "error")
        layout.addWidget(self.message)
        self.save_button = push_button(save_text, self.save, primary=True)
        self.save_button.setDefault(True)
        layout.addLayout(button_row(self.save_button, push_button("取消", self.reject)))
        if fields:
            self.fields[fields[0][0]].editor.setFocus()

    def editor(self, key: str) -> QWidget:
        return self.fields[key].editor

    def save(self) -> None:
        try:
            self.result_record = self.action({k: value(f.editor) for k, f in self.fields.items()})
        except FieldErrors as exc:
            shown = {k: v for k, v in exc.errors.items() if k in self.fields}
            show_errors(self.fields, shown)
            self.message.setText("；".join(v for k, v in exc.errors.items() if k not in self.fields))
            return
        self.accept()
