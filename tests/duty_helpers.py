"""Helpers for the duty tests: staff with realistic roles and a roster put in by hand."""

from __future__ import annotations

import datetime as dt

from dutydesk.desk import Desk
from dutydesk.store.duty.roster import RosterSlot
from dutydesk.store.duty.staff import Staff, StaffInput, add_staff

PEOPLE = [
    ("张书记", "书记", "13800000001"),
    ("李主任", "主任", "13800000002"),
    ("王委员", "两委委员", "13800000003"),
    ("赵文书", "文书", "13800000004"),
    ("钱村官", "大学生村官", "13800000005"),
    ("孙干部", "选派干部", "13800000006"),
    ("周协管", "协管员", "13800000007"),
]


def make_staff(desk: Desk, people=PEOPLE, since: dt.date = dt.date(2026, 1, 1)) -> dict[str, Staff]:
    result = {}
    for name, role, mobile in people:
        rotation = "all" if role == "协管员" else ""
        result[name] = add_staff(StaffInput(name, role, mobile, f"{role}职责", rotation, since),
                                 "测试", desk.now())
    return result


def put_on(desk: Desk, day: dt.date, session_key: str, staff: Staff, source: str = "generated") -> RosterSlot:
    return RosterSlot.create(day=day, session_key=session_key, staff=staff, source=source, created_at=desk.now())


def count_after_cutoff_as_late(desk: Desk) -> None:
    """D05: the centers that count a sign-in after the cutoff as 迟到 rather than an absence
    (seed 004's default); the tests written before that rule keep their meaning with it."""
    from dutydesk.domain.sign_in_book import AFTER_CUTOFF
    from dutydesk.store.settings import set_setting

    set_setting(AFTER_CUTOFF, "late", dt.date(2026, 1, 1), "测试", desk.now())
