"""Menu entries of the archive feature (accounts, backups, audit trail), registered once on import."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk
from dutydesk.ui.extensions import MENU_ACTIONS, MenuAction


def _accounts(desk: Desk, window: QWidget) -> None:
    from dutydesk.ui.accounts_dialog import show_accounts

    show_accounts(desk, window)


def _backups(desk: Desk, window: QWidget) -> None:
    from dutydesk.ui.backup_dialog import show_backups

    show_backups(desk, window)


def _audit(desk: Desk, window: QWidget) -> None:
    from dutydesk.ui.archive.audit_viewer import show_audit_viewer

    show_audit_viewer(desk, window)


def _retention(desk: Desk, window: QWidget) -> None:
    from dutydesk.ui.archive.retention_dialog import show_retention

    show_retention(desk, window)


def _lock(desk: Desk, window: QWidget) -> None:
    lock = getattr(window, "idle_lock", None)
    if lock is not None:
        lock.lock()


ACTIONS = [
    MenuAction("工具", "账户与权限…", _accounts, admin_only=True),
    MenuAction("工具", "备份与恢复…", _backups, admin_only=True),
    MenuAction("工具", "审计记录…", _audit, director_only=True),
    MenuAction("工具", "档案保管期限…", _retention, director_only=True),
    MenuAction("文件", "锁定窗口", _lock, "Ctrl+L"),
]

for _action in ACTIONS:
    if _action not in MENU_ACTIONS:
        MENU_ACTIONS.append(_action)
