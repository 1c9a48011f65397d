"""The duty tab's other pages, in the order the desk uses them."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk


def extra_pages(desk: Desk) -> list[tuple[str, QWidget]]:
    return [(title, build()) for title, build in page_builders(desk)]


def page_builders(desk: Desk) -> list[tuple[str, Callable[[], QWidget]]]:
    """Each page's title and builder: the duty tab builds a page when it is first opened, and
    imports its module only then (issue 17: not before the window shows)."""

    def build(module: str, name: str) -> Callable[[], QWidget]:
        return lambda: getattr(import_module(f"dutydesk.ui.duty.{module}"), name)(desk)

    return [("排班", build("roster_page", "RosterPage")), ("请假", build("leave_page", "LeavePage")),
            ("值班记录簿", build("log_page", "LogPage")), ("督查", build("inspection_page", "InspectionPage")),
            ("周例会", build("review_page", "ReviewPage")), ("会议学习", build("meeting_page", "MeetingPage")),
            ("上传下达", build("relay_page", "RelayPage")), ("人员", build("staff_page", "StaffPage"))]
