"""工具 menu entries and status-bar text of the duty feature (declared in ``ui.tabs``)."""

from __future__ import annotations

from dutydesk.desk import Desk
from dutydesk.ui.menu_context import MenuContext


def open_settings(context: MenuContext) -> None:
    from dutydesk.ui.duty.settings_dialog import open_duty_settings

    open_duty_settings(context)


def on_duty_text(desk: Desk) -> str:
    """The status bar says who is at the desk now (D04)."""
    from dutydesk.store.duty.attendance import on_duty_now

    names = on_duty_now(desk.now())
    return f"当班：{'、'.join(names)}" if names else ""



def open_liability(context: MenuContext) -> None:
    from dutydesk.ui.duty.liability_settings import open_liability_settings

    open_liability_settings(context)


def open_meetings(context: MenuContext) -> None:
    from dutydesk.ui.duty.meeting_settings import open_meeting_settings

    open_meeting_settings(context)
