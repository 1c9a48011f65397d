"""A matter sent up for a higher level's approval, told to the person (V04).

Seed 003: "经办事项需上级机关批准的，应当在承诺期未满前上报，并告知服务对象本部门上报的时间、上级批准
所需时间等。上级批准时间不计承诺办结的时限。" The desk records the day it went up and the usual time
the higher level takes (the item's own time limit when known, otherwise a setting), and that the
person was told; the approval wait itself is a pause of the deadline (``visit_progress``).
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.settings import declare
from dutydesk.domain.workday_calendar import WorkdayCalendar

LEVELS = ("镇", "县", "其他上级部门")
TOLD_METHODS = ("电话", "当面", "短信", "书面")
USUAL_DAYS = declare("visits.higher_approval_usual_days", 20,
                     "上级审批通常所需工作日（事项目录未写明时限时使用）", "V04")


def sent_up_errors(sent_on: dt.date, effective_deadline: dt.date | None, today: dt.date, level: str,
                   usual_days: int, told_method: str) -> dict[str, str]:
    """V04: the date it went up (not in the future, before the promise ran out), the level, the
    usual time and how the person was told; field -> Chinese message."""
    errors: dict[str, str] = {}
    if sent_on > today:
        errors["sent_on"] = "上报日期不能晚于今天"
    elif effective_deadline is not None and sent_on > effective_deadline:
        errors["sent_on"] = f"须在承诺期限（{effective_deadline:%Y年%m月%d日}）届满前上报"
    if level not in LEVELS:
        errors["level"] = "请选择上报到哪一级：镇 / 县 / 其他上级部门"
    if not 1 <= usual_days <= 365:
        errors["usual_days"] = "上级审批通常所需工作日应在1到365之间"
    if told_method not in TOLD_METHODS:
        errors["told_method"] = "请选择告知群众的方式：电话 / 当面 / 短信 / 书面"
    return errors


def expected_reply(calendar: WorkdayCalendar, sent_on: dt.date, usual_days: int) -> dt.date:
    """The day the higher level's answer is usually back: ``usual_days`` working days after."""
    return calendar.add_workdays(sent_on, usual_days)


def told_text(sent_on: dt.date, level: str, usual_days: int, expected: dt.date) -> str:
    """What the person is told (and the note prints)."""
    return (f"您的事项已于{sent_on:%Y年%m月%d日}报送{level}审批，上级审批通常需要{usual_days}个工作日，"
            f"预计{expected:%Y年%m月%d日}前后有结果；上级审批期间不计入本中心承诺的办结时限。")
