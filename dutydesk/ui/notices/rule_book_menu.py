"""工具 menu entries of issue 18's notice, accountability and meeting duties (N07, V11, V12, P10),
declared in ``ui.tabs``."""

from __future__ import annotations

from dutydesk.ui.menu_context import MenuContext


def follow_up(context: MenuContext) -> None:
    from dutydesk.ui.notices.follow_up_dialog import open_follow_up

    open_follow_up(context.desk, context.window)


def accountability(context: MenuContext) -> None:
    from dutydesk.ui.accountability_dialog import open_accountability

    open_accountability(context.desk, context.window)


def meeting(context: MenuContext) -> None:
    from dutydesk.ui.analysis_meeting_dialog import open_analysis_meeting

    open_analysis_meeting(context.desk, context.window)


def agent(context: MenuContext) -> None:
    from dutydesk.ui.notices.agent_dialog import open_agent_dialog

    open_agent_dialog(context.desk, context.window)
