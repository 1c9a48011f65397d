"""Every window fits the desk PC's screen (1366×768 laptops, 1024×768 monitors, 125–150 % scaling).

One event filter on the QApplication clamps every top-level window to the available area of its
screen when it is shown, so a new dialog cannot forget it; the main window opens maximised on
the small screens village offices have.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QScrollArea, QVBoxLayout, QWidget

# The main window opens maximised on screens up to this wide (logical pixels): on a laptop or an
# old monitor every pixel counts; on a bigger screen it keeps the size the user gave it.
MAXIMISE_UP_TO = 1440
# Below this width a page shows its two columns one above the other.
TWO_COLUMNS_FROM = 1200



def available_area(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen not taken by the taskbar (the primary screen if unknown)."""
    # Not QWidget.screen(): under PySide 6.11 calling it while a window is being shown leaves a
    # dangling object behind and a later dialog crashes. Where the window is tells the same.
    screen = None
    if widget is not None:
        window = widget.window()
        screen = QGuiApplication.screenAt(window.frameGeometry().center())
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 728)


def should_maximise(widget: QWidget | None = None) -> bool:
    return available_area(widget).width() <= MAXIMISE_UP_TO


def fitted_size(wanted: QSize, widget: QWidget | None = None, margin: int = 0) -> QSize:
    """``wanted`` shrunk to the available area (less ``margin`` on each side)."""
    area = available_area(widget)
    return QSize(min(wanted.width(), area.width() - 2 * margin),
                 min(wanted.height(), area.height() - 2 * margin))


def fit_to_screen(widget: QWidget) -> None:
    """Shrink a top-level window to the available area and move it fully onto it.

    The window frame (title bar, borders) counts: it is what lies outside ``geometry()``.
    """
    if widget.isMaximized() or widget.isFullScreen():
        return
    area = available_area(widget)
    frame = widget.frameGeometry()
    geometry = widget.geometry()
    extra_w = max(frame.width() - geometry.width(), 0)
    extra_h = max(frame.height() - geometry.height(), 0)
    least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    if (least.width() > area.width() - extra_w or least.height() > area.height() - extra_h) \
            and not isinstance(widget, QMainWindow):
        scroll_contents(widget)
    width = min(widget.width(), area.width() - extra_w)
    height = min(widget.height(), area.height() - extra_h)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(max(width, 1), max(height, 1))
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.left()), max(y, area.top()))


def scroll_contents(window: QWidget) -> bool:
    """Last resort for a window whose layout cannot shrink to the screen (a large font on a
    small screen): its contents move into a scroll area, so every button can still be reached."""
    layout = window.layout()
    if layout is None or window.property("dutydesk_scrolled"):
        return False
    inner = QWidget()
    inner.setLayout(layout)  # Qt takes the layout, and the widgets it manages, from the window
    area = QScrollArea()
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(inner)
    outer = QVBoxLayout(window)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    area.show()  # made while the window is being shown: a new child is not shown by itself
    window.setMinimumSize(0, 0)
    window.setProperty("dutydesk_scrolled", True)
    outer.activate()
    return True


def wide_enough_for_two_columns(widget: QWidget | None = None) -> bool:
    """Whether a page may put two columns side by side (the screen, not the window, decides:
    the window is maximised on small screens anyway)."""
    return available_area(widget).width() >= TWO_COLUMNS_FROM


def _window_types() -> tuple:
    """Windows and dialogs (Qt's namespace is reached only when a window shows: its first use
    makes PySide create all 93 of its enums, ~19 ms, issue 17)."""
    from PySide6.QtCore import Qt

    return Qt.WindowType.Window, Qt.WindowType.Dialog


class ScreenFitFilter(QObject):
    """Clamps every window and dialog to its screen when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow() \
                and watched.windowType() in _window_types():
            fit_to_screen(watched)
        return False


# The application's filter, kept on its Python object: ``app.findChild`` would wrap every child
# of the application to look, the style among them, whose enums cost ~5 ms at the start (issue 17).
_FILTER_ATTRIBUTE = "_dutydesk_screen_fit"


def _installed(app: QApplication) -> ScreenFitFilter | None:
    return getattr(app, _FILTER_ATTRIBUTE, None)


def install_screen_fit(app: QApplication) -> ScreenFitFilter:
    """Install the filter once per application (called from ``app.make_app`` and the tests' app)."""
    existing = _installed(app)
    if existing is not None:
        return existing
    fit = ScreenFitFilter(app)
    app.installEventFilter(fit)
    setattr(app, _FILTER_ATTRIBUTE, fit)
    return fit


# Issue 17: a Python event filter on the whole application is called for every event of every
# object (thousands before the first paint), and the first event of an object whose class PySide
# does not wrap makes it set up every wrapper type and enum it has (≈130, 15 ms). The main window's
# first screen opens no dialog, so the app's start takes the filter off until it has shown; the
# window fits itself meanwhile.
_held: list[ScreenFitFilter] = []


def hold_screen_fit() -> bool:
    """Take the application's filter off (``resume_screen_fit`` puts it back); False if none."""
    app = QApplication.instance()
    fit = _installed(app) if isinstance(app, QApplication) and not _held else None
    if fit is None:
        return False
    app.removeEventFilter(fit)
    _held.append(fit)
    return True


def resume_screen_fit() -> None:
    """Put the filter taken off by ``hold_screen_fit`` back (nothing if it was not taken off)."""
    app = QApplication.instance()
    while _held:
        fit = _held.pop()
        if isinstance(app, QApplication):
            app.installEventFilter(fit)


def screen_fit_held() -> bool:
    return bool(_held)


class PageScroll(QScrollArea):
    """Holds a tab's page: the page shrinks to the visible area as far as its layout allows, and
    only what cannot shrink scrolls.

    A plain resizable QScrollArea gives a page with wrapped labels its *preferred* height, so on
    a small screen the page scrolls even where it could have fitted; here it gets the smallest
    height its layout accepts at that width (never less than the visible area).
    """

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setWidget(page)
        page.installEventFilter(self)

    def _min_height(self, page: QWidget, width: int) -> int:
        height = page.minimumSizeHint().height()
        layout = page.layout()
        if layout is not None and layout.hasHeightForWidth():
            height = max(height, layout.minimumHeightForWidth(width))
        return max(height, page.minimumHeight())

    def _preferred_height(self, page: QWidget, width: int) -> int:
        if page.hasHeightForWidth():
            return max(page.heightForWidth(width), 0)
        return page.sizeHint().height()

    def fit_page(self) -> None:
        page = self.widget()
        if page is None:
            return
        room = self.maximumViewportSize()
        bar_w = self.verticalScrollBar().sizeHint().width()
        bar_h = self.horizontalScrollBar().sizeHint().height()
        min_w = max(page.minimumSizeHint().width(), page.minimumWidth())
        width = max(room.width(), min_w)
        height = max(room.height(), self._min_height(page, width))
        if height > room.height():  # a vertical scroll bar takes some width
            width = max(room.width() - bar_w, min_w)
            # Scrolling anyway: the page gets its comfortable height, not a squeezed minimum.
            height = max(room.height(), self._min_height(page, width), self._preferred_height(page, width))
        if width > room.width():  # a horizontal one takes some height
            height = max(room.height() - bar_h, self._min_height(page, width))
        if page.size() != QSize(width, height):
            page.resize(width, height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_page()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self.fit_page()
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        page = self.widget()
        return page.minimumSizeHint() if page is not None else super().sizeHint()


class ListScroll(QScrollArea):
    """The scroll area ``scrolling`` puts a list that grows in: its entries (tick boxes, lines)
    scroll as a table's rows do, by design. Telling it apart from a ``PageScroll`` or a dialog
    scrolled as a last resort lets the screen-fit check hold those to "no scrolling" and not it."""


def scrolling(content: QWidget, min_height: int = 48) -> QScrollArea:
    """``content`` (a list that grows, a long label) in its own frameless scroll area, so it
    takes the room left over instead of pushing the page's buttons off the screen."""
    if isinstance(content, QLabel):
        from PySide6.QtCore import Qt

        content.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)  # text from the top
    area = ListScroll()
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setMinimumHeight(min_height)
    return area
