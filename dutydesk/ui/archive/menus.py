"""Menu entries of the archive feature (accounts, backups, audit trail, 锁定窗口), declared in
``ui.tabs``."""

from __future__ import annotations

from dutydesk.ui.menu_context import MenuContext


def accounts(context: MenuContext) -> None:
    from dutydesk.ui.accounts_dialog import show_accounts

    show_accounts(context.desk, context.window)


def backups(context: MenuContext) -> None:
    from dutydesk.ui.backup_dialog import show_backups

    show_backups(context.desk, context.window)


def audit(context: MenuContext) -> None:
    from dutydesk.ui.archive.audit_viewer import show_audit_viewer

    show_audit_viewer(context.desk, context.window)


def retention(context: MenuContext) -> None:
    from dutydesk.ui.archive.retention_dialog import show_retention

    show_retention(context.desk, context.window)


def lock(context: MenuContext) -> None:
    if context.idle_lock is not None:
        context.idle_lock.lock()
