"""文件 → 查找 (Ctrl+F): puts the cursor in the search box of whatever page is showing.

One window-wide shortcut instead of one per tab (two shortcuts on the same key cancel each other
out in Qt). A page's search box is found by its accessible name, so a tab only has to name its box
as one of ``SEARCH_BOXES``; the visible one on the current tab wins.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTabWidget, QWidget

from dutydesk.desk import Desk
from dutydesk.ui import extensions

SEARCH_BOXES = ("检索词", "查找群众", "搜索事项", "查找代办单", "搜索目录")


def search_box(window: QWidget) -> QLineEdit | None:
    """The search box on the page showing in ``window``'s main tabs (None when it has none)."""
    tabs = getattr(window, "tabs", None)
    page = tabs.currentWidget() if isinstance(tabs, QTabWidget) else window
    if page is None:
        return None
    for name in SEARCH_BOXES:
        for edit in page.findChildren(QLineEdit):
            if edit.accessibleName() == name and edit.isVisibleTo(page):
                return edit
    return None


def focus_search(desk: Desk, window: QWidget) -> None:
    edit = search_box(window)
    if edit is not None:
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()


if not any(action.shortcut == "Ctrl+F" for action in extensions.MENU_ACTIONS):
    extensions.MENU_ACTIONS.append(extensions.MenuAction("文件", "查找", focus_search, "Ctrl+F"))
