"""Which person's name goes on paper where the books hold "who": 经办人, 代办员, handler.

Records keep the name the desk was logged in as (an account such as 管理员 or 李文书), but a
resident's copy is signed by a person: a form prints the staff member's own name. A name that is
a staff member's is printed as is; an account name becomes the staff member on duty at that time
(who was at the desk); when nobody was signed in the line is left blank to be signed by hand.
"""

from __future__ import annotations

import datetime as dt

from dutydesk.store.accounts.account import Account
from dutydesk.store.duty.staff import Staff
from dutydesk.store.visits.first_responder import on_duty_names

SYSTEM_NAMES = frozenset({"系统", "演示", "测试"})


def printed_name(name: str, at: dt.datetime) -> str:
    """The staff member's name to print for ``name`` recorded at ``at`` ('' when unknown)."""
    name = (name or "").strip()
    if not name:
        return ""
    if Staff.select().where(Staff.name == name).exists():
        return name
    if name in SYSTEM_NAMES or Account.select().where(Account.name == name).exists():
        on_duty = on_duty_names(at)
        return on_duty[0] if on_duty else ""
    return name  # typed by hand: a person's name not (yet) on the roster
