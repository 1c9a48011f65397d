"""Appointments (预约, V14).

Seed 003: "服务实行预约制和登记制". A resident books a day and time for a service (by phone or at
the desk); the booking shows on that day's screens and becomes a visit when the person comes. A
booking nobody came for is marked 未到 once its time has passed by a setting's number of minutes.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.settings import declare

BOOKED = "booked"
ARRIVED = "arrived"
MISSED = "missed"
CANCELLED = "cancelled"
STATE_LABELS = {BOOKED: "已预约", ARRIVED: "已到场", MISSED: "未到", CANCELLED: "已取消"}
BOOKED_VIA = ("电话", "当面", "其他")
MISSED_AFTER_MINUTES = declare("visits.appointment_missed_minutes", 30,
                               "预约时间过后多少分钟未到，可记为未到", "V14")


def missed_error(slot_at: dt.datetime, now: dt.datetime, minutes: int) -> str:
    """V14: "" when a booking may be marked 未到 at ``now``, otherwise why not."""
    if now < slot_at + dt.timedelta(minutes=minutes):
        return f"预约时间过后{minutes}分钟仍未到，才能记为未到"
    return ""
