"""工具 → 服务中心信息: directors correct the center's profile; the old values stay in the audit trail."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk
from dutydesk.store.center import load_center, save_center
from dutydesk.store.center_keys import ensure_key_pair, fingerprint, public_raw, public_text
from dutydesk.ui.extensions import MENU_ACTIONS, MenuAction
from dutydesk.ui.first_run import CenterProfileDialog


def edit_center(desk: Desk, window: QWidget) -> bool:
    key = ensure_key_pair(desk.folder.path).public_key()
    dialog = CenterProfileDialog(load_center(), parent=window, public_key=public_text(key),
                                 key_fingerprint=fingerprint(public_raw(key)))
    if dialog.exec() != CenterProfileDialog.DialogCode.Accepted or dialog.profile is None:
        return False
    save_center(dialog.profile, desk.who, desk.now())
    events = getattr(window, "events", None)
    if events is not None:
        events.changed.emit("center")
    return True


MENU_ACTIONS.append(MenuAction("工具", "服务中心信息…", edit_center, director_only=True))
