"""How a tab lays out its pages so they fit the desk's small screens (issue 13): each page in its
own ``screen_fit.PageScroll`` (so the tallest page never makes the main window taller than the
screen), and a page's two columns side by side only on a wide enough screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QSplitter, QTabWidget, QWidget

from dutydesk.ui.forms import FormField
from dutydesk.ui.panes import side_by_side
from dutydesk.ui.screen_fit import PageScroll, wide_enough_for_two_columns


class ScrolledPages(QTabWidget):
    """A tab widget whose pages each sit in a ``PageScroll``.

    Callers keep speaking of the pages themselves: ``currentWidget()``, ``widget(i)`` and
    ``indexOf(page)`` answer with the page, ``setCurrentWidget(page)`` shows it, as if the
    scroll area were not there.
    """

    def addTab(self, page: QWidget, title: str) -> int:  # type: ignore[override]
        return super().addTab(PageScroll(page), title)

    def _holder(self, page: QWidget | None) -> QWidget | None:
        for index in range(self.count()):
            holder = super().widget(index)
            if holder is page or (isinstance(holder, PageScroll) and holder.widget() is page):
                return holder
        return None

    def widget(self, index: int) -> QWidget | None:  # type: ignore[override]
        holder = super().widget(index)
        return holder.widget() if isinstance(holder, PageScroll) else holder

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self.widget(self.currentIndex())

    def indexOf(self, page: QWidget) -> int:  # type: ignore[override]
        holder = self._holder(page)
        return super().indexOf(holder) if holder is not None else -1

    def setCurrentWidget(self, page: QWidget) -> None:  # type: ignore[override]
        holder = self._holder(page)
        if holder is not None:
            super().setCurrentWidget(holder)


def columns(first: QWidget, second: QWidget, sizes: tuple[int, int], widget: QWidget | None = None) -> QSplitter:
    """``first`` beside ``second`` (split at ``sizes`` pixels) on a screen wide enough for two
    columns, else ``first`` above ``second``; the user may drag the splitter either way."""
    if wide_enough_for_two_columns(widget):
        return side_by_side(first, second, sizes)
    splitter = QSplitter(Qt.Orientation.Vertical)
    splitter.addWidget(first)
    splitter.addWidget(second)
    splitter.setChildrenCollapsible(False)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 2)  # the second part (a list or the detail) is the taller one
    return splitter


def add_pair(form: QFormLayout, first: FormField, second: FormField) -> tuple[FormField, FormField]:
    """Two short fields on one row of ``form`` (first's label at the left, second's between
    them): a long form then fits a laptop screen without scrolling."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first, 1)
    label = QLabel(second.label_text + "：")
    label.setBuddy(second.editor)
    row.addWidget(label)
    row.addWidget(second, 1)
    first_label = QLabel(first.label_text + "：")
    first_label.setBuddy(first.editor)
    form.addRow(first_label, row)
    return first, second
