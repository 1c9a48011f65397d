"""The shapes of a menu action and a status-bar item of the main window.

They are declared in one place, ``dutydesk.ui.tabs`` (a tab's own in its ``TabDeclaration``, the
window's in ``APP_MENU_ACTIONS`` / ``APP_STATUS_ITEMS``), never appended on import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dutydesk.desk import Desk
from dutydesk.store.accounts.account import Account
from dutydesk.ui.menu_context import MenuContext


@dataclass(frozen=True)
class MenuAction:
    menu: str  # "文件", "导出", "工具" or "帮助"
    text: str
    handler: Callable[[MenuContext], object]  # gets the main window's context
    shortcut: str = ""
    director_only: bool = False  # shown only while a director (or administrator) is logged in
    admin_only: bool = False  # shown only while an administrator is logged in

    def allowed(self, account: Account | None) -> bool:
        """Whether ``account`` may use this entry; re-checked whenever the account changes."""
        if self.admin_only:
            return bool(account and account.role == "admin")
        if self.director_only:
            return bool(account and account.is_director)
        return True


@dataclass(frozen=True)
class StatusItem:
    """A short text for the status bar, recomputed every minute and after each write."""

    name: str
    text: Callable[[Desk], str]
