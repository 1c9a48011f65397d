"""Form building blocks: a labelled field with its error message right beside it.

Every form in the app uses ``FormField`` so bad input is reported the same way everywhere, in
Chinese, next to the field, without clearing anything already typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget


class FormField(QWidget):
    """An input with an error label under it; the input's accessible name is its visible label."""

    def __init__(self, label: str, editor: QWidget, hint: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label_text = label
        self.editor = editor
        editor.setAccessibleName(label)
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
