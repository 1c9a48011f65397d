"""How a tab lays out its pages so they fit the desk's small screens (issue 13): each page in its
own ``screen_fit.PageScroll`` (so the tallest page never makes the main window taller than the
screen), a page's two columns side by side only on a wide enough screen, and a page's or a
dialog's action buttons in a bar that stays in view while the form above them scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dutydesk.ui.forms import FormField
from dutydesk.ui.panes import Part, side_by_side
from dutydesk.ui.screen_fit import PageScroll, available_area, wide_enough_for_two_columns
from dutydesk.ui.theme import FONT_SIZES


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
    from PySide6.QtCore import Qt

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


# What a window's title bar and borders take from the screen's height (they lie outside the widget).
WINDOW_FRAME = 40


class BodyScroll(PageScroll):
    """The part of a page or dialog above its action bar: it scrolls on its own (only when it
    must), never sideways when the window is wide enough for it.

    In a dialog (``bar`` given) it asks for the body's whole height as far as the screen has room
    beside the bar, so the dialog opens tall enough not to scroll whenever the screen allows
    (Qt would otherwise open it at two thirds of the screen)."""

    def __init__(self, body: QWidget, bar: QWidget | None = None) -> None:
        self._scrolls = False  # set before PageScroll.__init__, which may fit the body at once
        self._bar = bar
        super().__init__(body)

    def fit_page(self) -> None:
        super().fit_page()
        body = self.widget()
        scrolls = body is not None and body.height() > self.maximumViewportSize().height()
        if scrolls != self._scrolls:
            self._scrolls = scrolls
            self.updateGeometry()

    def _min_height(self, page: QWidget, width: int) -> int:
        if self._bar is None:
            # A page's form: the least its fields accept, as the tab's PageScroll gave it before. A
            # form's height-for-width counts its text boxes at their preferred height, so a form
            # that fits at 字号 正常 would scroll for nothing. (A dialog keeps it: its messages.)
            return max(page.minimumSizeHint().height(), page.minimumHeight())
        return super()._min_height(page, width)

    def minimumSizeHint(self) -> QSize:
        least = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return least
        width = max(least.width(), body.minimumSizeHint().width(), body.minimumWidth())
        if self._scrolls:  # its scroll bar takes some width: never scroll sideways as well
            width += self.verticalScrollBar().sizeHint().width()
        height = least.height()
        if self._bar is not None:
            room = available_area(self).height() - WINDOW_FRAME - self._bar.sizeHint().height()
            height = max(height, min(self._min_height(body, width), room))
        return QSize(width, height)

    def sizeHint(self) -> QSize:
        body = self.widget()
        if self._bar is not None and body is not None:  # a dialog opens at its comfortable size
            hint = body.sizeHint().expandedTo(body.minimumSizeHint())
            width = self.width() if self.isVisible() else hint.width()  # the width it wraps at, unscrolled
            return QSize(hint.width(), max(hint.height(), self._min_height(body, width)))  # wrapped text too
        return super().sizeHint()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._bar is not None and watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # messages shown in a dialog's form: the dialog may grow (ui.grow)
        return super().eventFilter(watched, event)


def page_with_actions(body: QWidget, *actions: Part | tuple[QLayout, int], natural: bool = False) -> QWidget:
    """``body`` (a form, lists...) over a fixed bar holding ``actions`` (its 保存/登记/打印 buttons
    or rows of them, side by side, left to right; ``(widget, n)`` stretches by n).

    On a small screen with a large font only the body scrolls: the buttons that act on it never
    leave the screen (issue 13). Build ``body`` and the actions when the page or dialog builds
    itself and add the widget returned to its own top layout once: nothing already laid out is
    taken from its place. ``natural``: a dialog's size (the body's size hint), not a tab's least.
    The bar is named ``操作按钮``."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    bar = action_bar(*actions)
    column.addWidget(BodyScroll(body, bar if natural else None), 1)
    _place_bar(column, bar)
    return holder


def action_bar(*actions: Part | tuple[QLayout, int]) -> QWidget:
    """The bar ``page_with_actions`` puts under its body (named ``操作按钮``): ``actions`` side by
    side, left to right; ``(widget, n)`` stretches by n."""
    bar = QWidget()
    bar.setAccessibleName("操作按钮")
    row = QHBoxLayout(bar)
    for part in actions:
        if isinstance(part, tuple) and isinstance(part[0], QLayout):
            row.addLayout(*part)
        elif isinstance(part, tuple):
            row.addWidget(*part)
        elif isinstance(part, QLayout):
            row.addLayout(part)
        else:
            row.addWidget(part)
    row.addStretch()  # buttons at the left; a part given a stretch takes the room first
    return bar


def _place_bar(column: QVBoxLayout, bar: QWidget) -> None:
    """``bar`` under the body, with half the style's layout margin above and below: the margin as
    its layout has it once the bar is a child widget (alone it has a window's margin; asking QStyle
    for PM_LayoutLeftMargin would set up its enums first: ~14 ms on the app's start path)."""
    column.addWidget(bar)
    row = bar.layout()
    margin = row.contentsMargins().left()
    row.setContentsMargins(margin, margin // 2, margin, margin // 2)


def body_first(page: QWidget, body: QWidget) -> QVBoxLayout:
    """``page_layout.page_with_actions`` for a page built in steps, its body first: ``page``
    shows ``body`` (scrolling on its own) now, so each part added to it later is laid out and
    styled in its own turn; ``bar_last(column, *actions)`` adds the button bar under it once the
    body is complete (so Tab still reaches the buttons after the fields)."""
    holder, column = body_holder(body)
    fill(page, holder)
    return column


def body_holder(body: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """``body_first`` for a part of a page: the widget to lay out, and its column for ``bar_last``."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(BodyScroll(body), 1)
    return holder, column


def bar_last(column: QVBoxLayout, *actions: Part | tuple[QLayout, int]) -> None:
    _place_bar(column, action_bar(*actions))


def compact_at_large_font(*buttons: QPushButton) -> None:
    """Compact ``buttons`` (theme: normal text, less height) when the desk uses 字号 特大, where a
    big button is 70 px tall and a row of them pushes a page past a laptop screen.
    Decided when the page is built (the size the app started with)."""
    if QApplication.font().pointSize() >= FONT_SIZES["xlarge"]:
        for button in buttons:
            button.setProperty("compact", True)


def fill(widget: QWidget, inner: QWidget) -> None:
    """Give ``widget`` (a page or dialog being built, without a layout yet) ``inner`` as all it
    shows, edge to edge."""
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(inner)
