"""The status bar's note of the township's last decision on one of the last months (镇级退回 /
已审核), apart from 导入镇（街道）数据包's dialog: the window imports a status item's module in a
turn of its own once it has shown, and the dialog's module pulls the package format and its
signing library (~27 ms in one turn, issue 17); this note needs only the inbox."""

from __future__ import annotations

from dutydesk.desk import Desk
from dutydesk.store.township_inbox import decision_text, recent_decision


def decision_status_text(desk: Desk) -> str:
    """The township's last word on one of the last months (镇级退回 / 已审核), or nothing."""
    decision = recent_decision(desk.today())
    return decision_text(decision) if decision is not None else ""
