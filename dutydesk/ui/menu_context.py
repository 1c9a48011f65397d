"""What a menu handler (and a tab reaching another tab) may use of the main window.

Issue 15: handlers used to probe the window they were given for its attributes (its events, its
prefs) and search it for the tab they needed, so a renamed attribute or a tab not built yet
(``ui.lazy_tabs``) silently did nothing. The main window now hands every handler one ``MenuContext``; a handler
that needs a tab asks ``tab(key)`` or ``open_tab(key)``, which build it on demand.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QWidget

from dutydesk.desk import Desk
from dutydesk.ui.events import DeskEvents
from dutydesk.ui.lazy_tabs import LazyTabWidget
from dutydesk.ui.prefs import UiPrefs

if TYPE_CHECKING:
    from dutydesk.ui.session import IdleLock


@dataclass(eq=False, repr=False)  # never compared or printed: less to compile at start (issue 17)
class MenuContext:
    """What every menu handler is given: the window, the books, the events and the tabs."""
    window: QMainWindow  # the parent of the dialogs a handler opens
    desk: Desk
    events: DeskEvents
    prefs: UiPrefs
    tabs: LazyTabWidget
    keys: tuple[str, ...]  # the tabs' keys (``ui.tabs.TABS``), in tab-bar order
    shortcut_lines: Callable[[], list[str]]  # "F2\t新登记来访" for every visible shortcut
    idle_lock: IdleLock | None = None  # set by the app once the window exists (锁定窗口)

    def tab(self, key: str) -> QWidget:
        """The tab's page, built now if it was not yet; the tab showing does not change."""
        return self.tabs.widget(self.keys.index(key))

    def open_tab(self, key: str) -> QWidget:
        """Show the tab (building it if needed) and return its page."""
        index = self.keys.index(key)
        self.tabs.setCurrentIndex(index)
        return self.tabs.widget(index)

    def current_page(self) -> QWidget | None:
        return self.tabs.currentWidget()

    def current_tab_title(self) -> str:
        return self.tabs.tabText(self.tabs.currentIndex())

    def changed(self, kind: str) -> None:
        """After a committed write: every tab and the status bar refresh (``DeskEvents.changed``)."""
        self.events.changed.emit(kind)


# Weak both ways (the context holds its window): a closed window and its context go together.
_CONTEXTS: weakref.WeakKeyDictionary[QWidget, weakref.ref[MenuContext]] = weakref.WeakKeyDictionary()


def attach(context: MenuContext) -> None:
    """Make ``context`` the one ``context_of`` finds for every widget inside its window (the
    window keeps ``context`` alive: ``MainWindow.context``)."""
    _CONTEXTS[context.window] = weakref.ref(context)


def context_of(widget: QWidget | None) -> MenuContext | None:
    """The context of the main window ``widget`` sits in; None for a widget in another window (a
    tab shown on its own in a test, a dialog: pass the widget that opened it)."""
    ref = _CONTEXTS.get(widget.window()) if widget is not None else None
    return ref() if ref is not None else None
