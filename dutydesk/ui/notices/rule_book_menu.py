"""工具 menu entries of issue 18's notice, accountability and meeting duties (N07, V11, V12, P10)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk
from dutydesk.ui.extensions import MENU_ACTIONS, MenuAction


def _follow_up(desk: Desk, window: QWidget) -> None:
    from dutydesk.ui.notices.follow_up_dialog import open_follow_up

    open_follow_up(desk, window)


def _accountability(desk: Desk, window: QWidget) -> None:
    from dutydesk.ui.accountability_dialog import open_accountability

    open_accountability(desk, window)


def _meeting(desk: Desk, window: QWidget) -> None:
    from dutydesk.ui.analysis_meeting_dialog import open_analysis_meeting

    open_analysis_meeting(desk, window)


def _agent(desk: Desk, window: QWidget) -> None:
    from dutydesk.ui.notices.agent_dialog import open_agent_dialog

    open_agent_dialog(desk, window)


MENU_ACTIONS.extend([
    MenuAction("工具", "告知跟进…", _follow_up),
    MenuAction("工具", "值班代办员…", _agent),
    MenuAction("工具", "民情分析会…", _meeting),
    MenuAction("工具", "问责记录…", _accountability, director_only=True),
])
