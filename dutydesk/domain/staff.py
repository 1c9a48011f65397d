"""Staff roles on the roster and what they mean for duty (D03, D11, D14).

Staff are the people who sit at the desk; they are not the same as app accounts. A role decides
whether someone takes rotation duty by default, belongs to the committee (all on post in special
periods, D11) and which penalty row applies (D14).
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.settings import declare

STAFF_ROLES: tuple[str, ...] = (
    "书记", "主任", "副书记", "两委委员", "文书", "大学生村官", "选派干部",
    "协管员", "社保员", "党员志愿者", "代办员",
)

# D11: committee members (两委) are all on post in special periods.
COMMITTEE_ROLES = frozenset({"书记", "主任", "副书记", "两委委员"})
# D14: secretary and director bear joint liability and get the admonition talk.
LEADER_ROLES = frozenset({"书记", "主任"})
# D14: assistants are advised to resign at the threshold.
ASSISTANT_ROLES = frozenset({"协管员", "社保员", "代办员"})

# How someone takes part in the rotation (D03).
ROTATION_MODES = {"all": "参加轮值", "non_workday": "仅节假日和周末", "none": "不参加轮值"}


def default_rotation(role: str) -> str:
    """D03: cadres take duty; volunteers may take weekend duty; assistants only if the center says so."""
    if role == "党员志愿者":
        return "non_workday"
    if role in ASSISTANT_ROLES:
        return "none"
    return "all"


def validate_role(role: str) -> str:
    if role not in STAFF_ROLES:
        raise ValueError("请选择职务")
    return role


# A changed phone number is reported within 24 hours (seed 000).
PHONE_REPORT_HOURS = declare("duty.phone_report_hours", 24, "变更手机号须在多少小时内报告", "D12")


def phone_reported_late(changed_at: dt.datetime | None, reported_at: dt.datetime, hours: int) -> bool:
    """D12: a phone change reported more than ``hours`` after it happened is late."""
    return changed_at is not None and reported_at - changed_at > dt.timedelta(hours=hours)
