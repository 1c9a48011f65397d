"""工具 menu entry and status-bar text of the duty feature."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk
from dutydesk.ui.extensions import MENU_ACTIONS, STATUS_ITEMS, MenuAction, StatusItem


def open_settings(desk: Desk, window: QWidget) -> None:
    from dutydesk.ui.duty.settings_dialog import open_duty_settings

    open_duty_settings(desk, window)


def on_duty_text(desk: Desk) -> str:
    """The status bar says who is at the desk now (D04)."""
    from dutydesk.store.duty.attendance import on_duty_now

    names = on_duty_now(desk.now())
    return f"当班：{'、'.join(names)}" if names else ""


MENU_ACTIONS.append(MenuAction("工具", "值班设置…", open_settings, director_only=True))
STATUS_ITEMS.append(StatusItem("duty", on_duty_text))


def open_liability(desk: Desk, window: QWidget) -> None:
    from dutydesk.ui.duty.liability_settings import open_liability_settings

    open_liability_settings(desk, window)


MENU_ACTIONS.append(MenuAction("工具", "追责设置…", open_liability, director_only=True))


def open_meetings(desk: Desk, window: QWidget) -> None:
    from dutydesk.ui.duty.meeting_settings import open_meeting_settings

    open_meeting_settings(desk, window)


MENU_ACTIONS.append(MenuAction("工具", "会议学习设置…", open_meetings, director_only=True))
