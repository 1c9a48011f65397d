"""Declarations features use to add menu actions and status-bar items to the main window.

A feature appends a ``MenuAction`` or a ``StatusItem`` here (or in its own module, imported by
``dutydesk.ui.tabs``) instead of editing the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk
from dutydesk.store.accounts.account import Account


@dataclass(frozen=True)
class MenuAction:
    menu: str  # "文件", "导出", "工具" or "帮助"
    text: str
    handler: Callable[[Desk, QWidget], None]  # (desk, main window)
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


MENU_ACTIONS: list[MenuAction] = []
STATUS_ITEMS: list[StatusItem] = []
