"""The duty tab's other pages, in the order the desk uses them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk


def extra_pages(desk: Desk) -> list[tuple[str, QWidget]]:
    return [(title, build()) for title, build in page_builders(desk)]


def page_builders(desk: Desk) -> list[tuple[str, Callable[[], QWidget]]]:
    """Each page's title and builder: the duty tab builds a page when it is first opened."""
    from dutydesk.ui.duty.inspection_page import InspectionPage
    from dutydesk.ui.duty.leave_page import LeavePage
    from dutydesk.ui.duty.log_page import LogPage
    from dutydesk.ui.duty.meeting_page import MeetingPage
    from dutydesk.ui.duty.relay_page import RelayPage
    from dutydesk.ui.duty.review_page import ReviewPage
    from dutydesk.ui.duty.roster_page import RosterPage
    from dutydesk.ui.duty.staff_page import StaffPage

    return [("排班", lambda: RosterPage(desk)), ("请假", lambda: LeavePage(desk)),
            ("值班记录簿", lambda: LogPage(desk)), ("督查", lambda: InspectionPage(desk)),
            ("周例会", lambda: ReviewPage(desk)), ("会议学习", lambda: MeetingPage(desk)),
            ("上传下达", lambda: RelayPage(desk)), ("人员", lambda: StaffPage(desk))]
