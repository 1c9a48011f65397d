"""A field over a resident's phone, ID number or note that shows personal numbers masked (V09).

An operator must be able to correct a record without reading its numbers: the field shows the
masked value, and ``value()`` is the stored value until the operator types. For a phone or ID
number the first key typed replaces the masked number entirely (its stars are never saved); in a
free-text field the numbers the operator left masked are put back in full (``restore_numbers``).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from dutydesk.domain.personal_numbers import mask_personal_numbers, restore_numbers
from dutydesk.store.privacy import mask_value

Kind = Literal["phone", "id_number", "text"]
_ERASE = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)


def masked(kind: Kind, value: str) -> str:
    if not value:
        return ""
    return mask_personal_numbers(value) if kind == "text" else mask_value(kind, value)


class MaskedLineEdit(QLineEdit):
    def __init__(self, kind: Kind, value: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._value = ""
        self._shown = ""
        self.set_value(value)

    def set_value(self, value: str) -> None:
        """Hold ``value`` and show it masked."""
        self._value = value or ""
        self._shown = masked(self.kind, self._value)
        self.setText(self._shown)

    def reveal(self) -> None:
        """Show the value in full (after a director's logged reveal)."""
        self._shown = self._value
        self.setText(self._value)

    @property
    def untouched(self) -> bool:
        return self.text() == self._shown

    def value(self) -> str:
        """What to save: the stored value unless the operator changed the field."""
        if self.untouched:
            return self._value
        return restore_numbers(self._value, self.text()) if self.kind == "text" else self.text()

    def clear(self) -> None:
        self._value = self._shown = ""
        super().clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        hides_something = self._shown != self._value
        if self.kind != "text" and hides_something and self.untouched:
            typed = event.text()
            if event.key() in _ERASE or (typed and typed.isprintable()):
                super().clear()  # replace the masked number, never edit around its stars
                if event.key() in _ERASE:
                    self.textEdited.emit("")
                    return
        super().keyPressEvent(event)
