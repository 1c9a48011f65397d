"""工具 → 服务中心信息: directors correct the center's profile; the old values stay in the audit trail."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk
from dutydesk.store.center import load_center, save_center
from dutydesk.ui.extensions import MENU_ACTIONS, MenuAction
from dutydesk.ui.first_run import CenterProfileDialog


def edit_center(desk: Desk, window: QWidget) -> bool:
    dialog = CenterProfileDialog(load_center(), parent=window)
    if dialog.exec() != CenterProfileDialog.DialogCode.Accepted or dialog.profile is None:
        return False
    save_center(dialog.profile, desk.who, desk.now())
    events = getattr(window, "events", None)
    if events is not None:
        events.changed.emit("center")
    return True


MENU_ACTIONS.append(MenuAction("工具", "服务中心信息…", edit_center, director_only=True))
