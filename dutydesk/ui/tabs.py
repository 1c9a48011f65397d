"""The main window's tabs, in the order the desk uses them.

Each feature replaces its placeholder here with its own tab widget; the main window knows
nothing about what is inside a tab.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

import dutydesk.ui.calendar_status  # noqa: F401  (registers the status-bar note of a year's holidays missing)
from dutydesk.desk import Desk
from dutydesk.ui import find, ledger_export, township_package_dialog  # noqa: F401  (文件 → 查找, 导出到U盘…, 导入镇数据包…)


@dataclass(frozen=True)
class TabSpec:
    """A tab: its title, its builder (called when the tab is first needed, see ``ui.lazy_tabs``)
    and the module that registers its menu entries and status items (imported before the menus
    are built, without building the tab)."""

    title: str
    build: Callable[[Desk], QWidget]
    module: str = ""

    def register(self) -> None:
        if self.module:
            importlib.import_module(self.module)


def _duty(desk: Desk) -> QWidget:
    from dutydesk.ui.duty.tab import DutyTab

    return DutyTab(desk)


def _visits(desk: Desk) -> QWidget:
    from dutydesk.ui.visits.tab import build_visits_tab

    return build_visits_tab(desk)


def _notices(desk: Desk) -> QWidget:
    from dutydesk.ui.notices.tab import build

    return build(desk)


def _messages(desk: Desk) -> QWidget:
    from dutydesk.ui.messages.tab import build_messages_tab

    return build_messages_tab(desk)


def _archive(desk: Desk) -> QWidget:
    from dutydesk.ui.archive.tab import ArchiveTab

    return ArchiveTab(desk)


def _grid(desk: Desk) -> QWidget:
    from dutydesk.ui.grid.tab import build

    return build(desk)


TABS: list[TabSpec] = [
    TabSpec("今日值班", _duty, "dutydesk.ui.duty.tab"),
    TabSpec("来访登记", _visits, "dutydesk.ui.visits.tab"),
    TabSpec("一次性告知", _notices, "dutydesk.ui.notices.tab"),
    TabSpec("档案查询", _archive, "dutydesk.ui.archive.tab"),
    TabSpec("网格走访", _grid, "dutydesk.ui.grid.tab"),
    TabSpec("留言预约", _messages, "dutydesk.ui.messages.tab"),
]
