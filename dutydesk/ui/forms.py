"""Form building blocks: a labelled field with its error message right beside it.

Every form in the app uses ``FormField`` so bad input is reported the same way everywhere, in
Chinese, next to the field, without clearing anything already typed. The small builders below
(buttons, the closing button row, password and date inputs, an account chooser) keep the
accessible names equal to the visible labels, which screen readers and the GUI tests rely on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from PySide6 import QtWidgets  # QDateEdit: its type (and its five enums) made when first used (issue 17)
from PySide6.QtCore import QDate, QObject
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dutydesk.domain.text_input import fold_text


class TypedTextValidator(QValidator):
    """V09: what is typed or pasted shows, and is read, in normal form as it goes in: full-width
    digits and letters become ASCII, zero-width and control characters vanish (Chinese
    punctuation stays). Trimming is left to the store, since a trailing space may be mid-word."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        folded = fold_text(text)
        if folded != text:
            pos = len(fold_text(text[:pos]))
        return QValidator.State.Acceptable, folded, pos


def normalise_typing(edit: QLineEdit, owner: QObject | None = None) -> QLineEdit:
    """Give a line edit the ``TypedTextValidator`` unless it already checks its input otherwise."""
    if edit.validator() is None:
        edit.setValidator(TypedTextValidator(owner or edit))
    return edit


class FormField(QWidget):
    """An input with an error label under it; the input's accessible name is its visible label."""

    def __init__(self, label: str, editor: QWidget, hint: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label_text = label
        self.editor = editor
        editor.setAccessibleName(label)
        if isinstance(editor, QLineEdit) and editor.echoMode() == QLineEdit.EchoMode.Normal:
            normalise_typing(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.error = QLabel("")
        self.error.setProperty("role", "error")
        self.error.setAccessibleName(f"{label}错误提示")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setProperty("role", "hint")
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def clear_error(self) -> None:
        self.set_error("")

    @property
    def error_text(self) -> str:
        return self.error.text() if self.error.isVisible() or self.error.text() else ""


def add_field(form: QFormLayout, field: FormField) -> FormField:
    """Add a FormField to a QFormLayout with a buddy label (Alt+key focus works)."""
    label = QLabel(field.label_text + "：")
    label.setBuddy(field.editor)
    form.addRow(label, field)
    return field


def show_errors(fields: dict[str, FormField], errors: dict[str, str]) -> None:
    """Show each error beside its field, clear the others, and focus the first bad field."""
    first = None
    for name, field in fields.items():
        message = errors.get(name, "")
        field.set_error(message)
        if message and first is None:
            first = field
    if first is not None:
        first.editor.setFocus()


def push_button(text: str, slot: Callable[[], Any] | None = None, primary: bool = False) -> QPushButton:
    """A button named for screen readers and tests by its text without a shortcut hint ("保存登记
    (Ctrl+S)" is "保存登记"); ``primary`` marks the main action.

    ``slot`` is connected as it is (a bound method does not keep its dialog alive, a lambda
    would); a slot taking an argument is given the clicked signal's ``checked`` flag, so pass
    ``lambda: self.refresh()`` for a method with optional parameters."""
    button = QPushButton(text)
    button.setAccessibleName(re.split(r" \(|（", text)[0])
    if primary:
        button.setProperty("primary", True)
    if slot is not None:
        button.clicked.connect(slot)
    return button


def button_row(*buttons: QPushButton, at_left: bool = False) -> QHBoxLayout:
    """A row of buttons in the order given, on the right (a dialog's closing row) or ``at_left``."""
    row = QHBoxLayout()
    if not at_left:
        row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    if at_left:
        row.addStretch(1)
    return row


def message_label(name: str) -> QLabel:
    """An empty, wrapping line for results and hints, named for screen readers and tests."""
    label = QLabel("")
    label.setAccessibleName(name)
    label.setWordWrap(True)
    return label


def note_edit(height: int) -> QPlainTextEdit:
    """A few lines of free text of a fixed height; Tab moves on rather than typing a tab."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def password_edit() -> QLineEdit:
    """A password or PIN input: what is typed shows as dots."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def date_edit(day: dt.date, name: str = "") -> QtWidgets.QDateEdit:
    """A date with a calendar popup, shown as 2026-11-24 whatever the system locale."""
    edit = QtWidgets.QDateEdit(QDate(day.year, day.month, day.day))
    if name:
        edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def account_box(accounts: Iterable[Any], chosen: str | None = None,
                role: Callable[[Any], str] = lambda account: account.role_label) -> QComboBox:
    """Accounts to choose from as "王书记（主任）" (data: the name), ``chosen`` selected if listed."""
    box = QComboBox()
    for account in accounts:
        box.addItem(f"{account.name}（{role(account)}）", account.name)
    if chosen:
        box.setCurrentIndex(max(0, box.findData(chosen)))
    return box
