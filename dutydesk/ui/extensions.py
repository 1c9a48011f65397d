"""The shapes of a menu action and a status-bar item of the main window.

They are declared in one place, ``dutydesk.ui.tabs`` (a tab's own in its ``TabDeclaration``, the
window's in ``APP_MENU_ACTIONS`` / ``APP_STATUS_ITEMS``), never appended on import.

A handler or a status text is named lazily, ``"dutydesk.ui.duty.menu:open_settings"``, so that
importing the declarations imports none of the modules behind them (issue 17: the window's first
paint waits for none of them); ``resolve`` imports the module when the action is triggered or the
status bar first reads the item. A plain callable works too (tests declare their own).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple

from dutydesk.desk import Desk
from dutydesk.store.accounts.account import Account
from dutydesk.ui.menu_context import MenuContext

# "package.module:function", or the function itself
Reference = str | Callable[..., object]


def resolve(reference: Reference) -> Callable[..., object]:
    """The function ``reference`` names, its module imported now if it was not yet."""
    if callable(reference):
        return reference
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(module), name)


def module_of(reference: Reference) -> str | None:
    """The module a lazy reference imports (None for a plain callable)."""
    return None if callable(reference) else reference.partition(":")[0]


# A declaration (immutable): a NamedTuple, which compiles one method where a frozen dataclass compiles
# three before the first paint (issue 17); nothing iterates or compares it as a tuple.
class MenuAction(NamedTuple):
    """A menu entry a feature declares: its menu, text, handler, shortcut and who sees it."""
    menu: str  # "文件", "导出", "工具" or "帮助"
    text: str
    handler: Reference  # ``handler(context: MenuContext)``, "module:function" imported when triggered
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

    def run(self, context: MenuContext) -> object:
        return resolve(self.handler)(context)


class StatusItem(NamedTuple):  # as MenuAction
    """A short text for the status bar, recomputed every minute and after each write."""

    name: str
    text: Reference  # ``text(desk) -> str`` ("" hides it), "module:function" imported when first read

    def text_of(self, desk: Desk) -> str:
        return str(resolve(self.text)(desk))
