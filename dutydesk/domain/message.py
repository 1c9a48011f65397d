"""Messages left at the desk (留言/转告, V10).

Seed 003 gives the desk "受理办事群众的咨询、留言、转告等事项": a message for a cadre, a resident or
a unit is written down (from whom, for whom, content, contact) and followed until it is passed
on. One left undelivered too long joins 待跟进; how long is a setting (hours).
"""

from __future__ import annotations

import datetime as dt

from dutydesk.domain.settings import declare

FOR_KINDS = ("干部", "群众", "单位")
CHANNELS = ("来访", "来电", "其他")
DELIVERY_METHODS = ("当面", "电话", "短信", "微信", "书面")
FOLLOWUP_HOURS = declare("visits.message_followup_hours", 24,
                         "留言转告超过多少小时仍未转达，列入待跟进", "V10")


def waiting_too_long(received_at: dt.datetime, now: dt.datetime, hours: int) -> bool:
    """V10: an undelivered message has waited ``hours`` or more."""
    return now - received_at >= dt.timedelta(hours=hours)


def waited_text(received_at: dt.datetime, now: dt.datetime) -> str:
    """How long a message has waited, as staff read it (小时, or 天 past two days)."""
    hours = max(0, int((now - received_at).total_seconds() // 3600))
    return f"已等{hours // 24}天" if hours >= 48 else f"已等{hours}小时"
