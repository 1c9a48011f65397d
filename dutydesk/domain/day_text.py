"""Reading a date typed by a person (command line, imported files): 2025-02-30 is a day that does
not exist, which is a different mistake from typing 2025/02/30, and the message says which."""

from __future__ import annotations

import datetime as dt
import re

_SHAPE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


class DayTextError(ValueError):
    """A date that cannot be read; the message is Chinese and names what was typed."""


def parse_day(text: str, what: str = "日期") -> dt.date:
    """``2026-11-24`` → the date; DayTextError '…不存在' for an impossible day, '…格式' otherwise."""
    match = _SHAPE.match(text or "")
    if match is None:
        raise DayTextError(f"{what}格式应为 YYYY-MM-DD，例如 2026-11-01：{text}")
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DayTextError(f"{what}不存在：{text.strip()}（{year}年没有{month}月{day}日）") from None
