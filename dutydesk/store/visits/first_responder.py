"""Who is the first responder by default (V02): the staff member signed in on duty now.

One small function so the registration form does not depend on how attendance is stored. When
the duty feature's ``store.duty.attendance.on_duty_now(now)`` is present it is used; otherwise (or when
nobody has signed in) the logged-in account's name is the default. Staff can always change it.
"""

from __future__ import annotations

import datetime as dt
import importlib


def on_duty_names(now: dt.datetime) -> list[str]:
    """Names of staff signed in on duty at ``now`` (empty when attendance is not available)."""
    try:
        attendance = importlib.import_module("dutydesk.store.duty.attendance")
    except ImportError:
        return []
    finder = getattr(attendance, "on_duty_now", None)
    if finder is None:
        return []
    try:
        return [str(name) for name in finder(now)]
    except Exception:  # attendance tables may be missing in an old file: never block a registration
        return []


def default_responder(account_name: str, now: dt.datetime) -> str:
    """The first name signed in on duty now, else the logged-in account's name."""
    names = on_duty_names(now)
    if account_name in names or not names:
        return account_name
    return names[0]
