"""文件 → 查找 (Ctrl+F): puts the cursor in the search box of whatever page is showing.

One window-wide shortcut instead of one per tab (two shortcuts on the same key cancel each other
out in Qt). A page's search box is found by its accessible name, so a tab only has to name its box
as one of ``SEARCH_BOXES``; the visible one on the current tab wins.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from dutydesk.ui.menu_context import MenuContext

SEARCH_BOXES = ("检索词", "查找群众", "搜索事项", "查找代办单", "搜索目录")


def search_box(page: QWidget | None) -> QLineEdit | None:
    """The search box on ``page`` (the tab showing), None when it has none."""
    if page is None:
        return None
    for name in SEARCH_BOXES:
        for edit in page.findChildren(QLineEdit):
            if edit.accessibleName() == name and edit.isVisibleTo(page):
                return edit
    return None


def focus_search(context: MenuContext) -> None:
    edit = search_box(context.current_page())
    if edit is not None:
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()
