"""工具 → 服务中心信息: directors correct the center's profile; the old values stay in the audit trail."""

from __future__ import annotations

from dutydesk.store.center import load_center, save_center
from dutydesk.store.center_keys import ensure_key_pair, fingerprint, public_raw, public_text
from dutydesk.ui.first_run import CenterProfileDialog
from dutydesk.ui.menu_context import MenuContext


def edit_center(context: MenuContext) -> bool:
    desk = context.desk
    key = ensure_key_pair(desk.folder.path).public_key()
    dialog = CenterProfileDialog(load_center(), parent=context.window, public_key=public_text(key),
                                 key_fingerprint=fingerprint(public_raw(key)))
    if dialog.exec() != CenterProfileDialog.DialogCode.Accepted or dialog.profile is None:
        return False
    save_center(dialog.profile, desk.who, desk.now())
    context.changed("center")
    return True
