"""The two-pane pages (a list on the left, its detail on the right) share one way of building
each side: a column without margins, so the splitter between them lines up with the tab."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QSplitter, QVBoxLayout, QWidget

Part = QWidget | QLayout | tuple[QWidget, int]


def pane(*parts: Part) -> QWidget:
    """A margin-less column of widgets and layouts, top to bottom; ``(widget, n)`` stretches by n."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, tuple):
            column.addWidget(*part)
        elif isinstance(part, QLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    return holder


def side_by_side(left: QWidget, right: QWidget, sizes: tuple[int, int]) -> QSplitter:
    """The list and its detail, split at ``sizes`` pixels (the user may drag it)."""
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setSizes(list(sizes))
    return splitter
