"""Declarations features use to add menu actions and status-bar items to the main window.

A feature appends a ``MenuAction`` or a ``StatusItem`` here (or in its own module, imported by
``dutydesk.ui.tabs``) instead of editing the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk


@dataclass(frozen=True)
class MenuAction:
    menu: str  # "文件", "导出", "工具" or "帮助"
    text: str
    handler: Callable[[Desk, QWidget], None]  # (desk, main window)
    shortcut: str = ""
    director_only: bool = False


@dataclass(frozen=True)
class StatusItem:
    """A short text for the status bar, recomputed every minute and after each write."""

    name: str
    text: Callable[[Desk], str]


MENU_ACTIONS: list[MenuAction] = []
STATUS_ITEMS: list[StatusItem] = []
