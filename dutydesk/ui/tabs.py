"""The main window's tabs, menu actions and status-bar items, each declared once, here.

A tab's declaration holds its builder and the menu actions and status items it brings; the
window's own ones (查找, 导出到U盘, 帮助 …) are ``APP_MENU_ACTIONS`` / ``APP_STATUS_ITEMS``. The main
window iterates these: the window's own come first, then each tab's in tab order, which is the
order of every menu and of the status bar. Nothing registers itself on import. A handler gets the
window's ``ui.menu_context.MenuContext``; a tab's widget is built when first needed
(``ui.lazy_tabs``), its menu actions and status items are there without it.

Handlers and status texts are named ``"module:function"`` (``ui.extensions.resolve``) and each
tab's builder imports its module itself, so importing this file imports none of them: the
window's first paint waits for no other tab and no menu module (issue 17,
``tests/ui/test_start_path.py``); a handler's module is imported when it is triggered, a status
text's once the window has shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk
from dutydesk.ui.extensions import MenuAction, StatusItem


# A declaration (immutable): a NamedTuple, which compiles one method where a frozen dataclass compiles
# three before the first paint (issue 17); nothing iterates or compares it as a tuple.
class TabDeclaration(NamedTuple):
    """A tab: ``key`` (what ``MenuContext.tab`` asks for), its title, its builder (called when the
    tab is first needed, see ``ui.lazy_tabs``), and the menu actions and status items it brings."""

    key: str
    title: str
    build: Callable[[Desk], QWidget]
    menu_actions: tuple[MenuAction, ...] = ()
    status_items: tuple[StatusItem, ...] = ()


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


APP_MENU_ACTIONS: tuple[MenuAction, ...] = (
    MenuAction("工具", "服务中心信息…", "dutydesk.ui.center_menu:edit_center", director_only=True),
    MenuAction("工具", "导入镇（街道）数据包…", "dutydesk.ui.township_package_dialog:open_township_package",
               director_only=True),
    MenuAction("帮助", "使用说明", "dutydesk.ui.help.menu:open_guide", "F1"),
    MenuAction("帮助", "打开数据文件夹", "dutydesk.ui.help.menu:open_data_folder"),
    MenuAction("帮助", "打开日志文件夹", "dutydesk.ui.help.menu:open_logs_folder"),
    MenuAction("文件", "查找", "dutydesk.ui.find:focus_search", "Ctrl+F"),
    MenuAction("导出", "导出到U盘…", "dutydesk.ui.ledger_export:open_handoff", "Ctrl+Shift+E"),
)

APP_STATUS_ITEMS: tuple[StatusItem, ...] = (
    # a year's holidays unknown (V04)
    StatusItem("calendar.missing_years", "dutydesk.ui.calendar_status:calendar_status_text"),
    # 镇级退回 / 已审核
    StatusItem("township.decision", "dutydesk.ui.township_decision_status:decision_status_text"),
)

TABS: tuple[TabDeclaration, ...] = (
    TabDeclaration("duty", "今日值班", _duty, menu_actions=(
        MenuAction("工具", "值班设置…", "dutydesk.ui.duty.menu:open_settings", director_only=True),
        MenuAction("工具", "追责设置…", "dutydesk.ui.duty.menu:open_liability", director_only=True),
        MenuAction("工具", "会议学习设置…", "dutydesk.ui.duty.menu:open_meetings", director_only=True),
    ), status_items=(StatusItem("duty", "dutydesk.ui.duty.menu:on_duty_text"),)),
    TabDeclaration("visits", "来访登记", _visits, menu_actions=(
        MenuAction("文件", "新登记来访", "dutydesk.ui.visits.tab:new_registration", "F2"),
        MenuAction("工具", "工作日日历…", "dutydesk.ui.visits.tab:calendar_settings", director_only=True),
        MenuAction("工具", "合并重复群众记录…", "dutydesk.ui.visits.tab:merge_residents", director_only=True),
        MenuAction("工具", "来访情况汇总…", "dutydesk.ui.visits.tab:summary"),
    ), status_items=(StatusItem("visits.followup", "dutydesk.ui.visits.followup_panel:followup_status_text"),)),
    TabDeclaration("notices", "一次性告知", _notices, menu_actions=(
        MenuAction("工具", "告知跟进…", "dutydesk.ui.notices.rule_book_menu:follow_up"),
        MenuAction("工具", "值班代办员…", "dutydesk.ui.notices.rule_book_menu:agent"),
        MenuAction("工具", "民情分析会…", "dutydesk.ui.notices.rule_book_menu:meeting"),
        MenuAction("工具", "问责记录…", "dutydesk.ui.notices.rule_book_menu:accountability", director_only=True),
        MenuAction("文件", "按代办单号打开…", "dutydesk.ui.notices.tab:open_by_number", "Ctrl+G"),
    ), status_items=(StatusItem("proxy_open", "dutydesk.ui.notices.tab:open_count_text"),)),
    TabDeclaration("archive", "档案查询", _archive, menu_actions=(
        MenuAction("工具", "账户与权限…", "dutydesk.ui.archive.menus:accounts", admin_only=True),
        MenuAction("工具", "备份与恢复…", "dutydesk.ui.archive.menus:backups", admin_only=True),
        MenuAction("工具", "审计记录…", "dutydesk.ui.archive.menus:audit", director_only=True),
        MenuAction("工具", "档案保管期限…", "dutydesk.ui.archive.menus:retention", director_only=True),
        MenuAction("文件", "锁定窗口", "dutydesk.ui.archive.menus:lock", "Ctrl+L"),
    )),
    TabDeclaration("grid", "网格走访", _grid, menu_actions=(
        MenuAction("工具", "网格走访设置…", "dutydesk.ui.grid.settings_dialog:open_grid_settings", director_only=True),
    )),
    TabDeclaration("messages", "留言预约", _messages, menu_actions=(
        MenuAction("文件", "记录留言转告", "dutydesk.ui.messages.tab:new_message", "F3"),
    )),
)


def menu_actions() -> Iterator[MenuAction]:
    """Every feature menu action, in menu order: the window's own, then each tab's in tab order."""
    yield from APP_MENU_ACTIONS
    for tab in TABS:
        yield from tab.menu_actions


def status_items() -> Iterator[StatusItem]:
    """Every status-bar item, in the order they are shown."""
    yield from APP_STATUS_ITEMS
    for tab in TABS:
        yield from tab.status_items
