"""The duty tab's other pages, in the order the desk uses them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk


def extra_pages(desk: Desk) -> list[tuple[str, QWidget]]:
    from dutydesk.ui.duty.inspection_page import InspectionPage
    from dutydesk.ui.duty.leave_page import LeavePage
    from dutydesk.ui.duty.log_page import LogPage
    from dutydesk.ui.duty.meeting_page import MeetingPage
    from dutydesk.ui.duty.relay_page import RelayPage
    from dutydesk.ui.duty.review_page import ReviewPage
    from dutydesk.ui.duty.roster_page import RosterPage
    from dutydesk.ui.duty.staff_page import StaffPage

    return [("排班", RosterPage(desk)), ("请假", LeavePage(desk)), ("值班记录簿", LogPage(desk)),
            ("督查", InspectionPage(desk)), ("周例会", ReviewPage(desk)),
            ("会议学习", MeetingPage(desk)), ("上传下达", RelayPage(desk)), ("人员", StaffPage(desk))]
