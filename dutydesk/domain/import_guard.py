"""What an imported file (holiday calendar, service catalogue) may hold before it is read.

Such files come on USB sticks from elsewhere and may be damaged or simply wrong. Python's
``json`` happily returns NaN, lone UTF-16 surrogates (``"\\ud800"``, which SQLite cannot store),
strings of millions of characters and lists nested thousands deep (a RecursionError); ``csv``
stops at a huge field with an English error. Each is refused here with a Chinese sentence
before anything is imported, so an import is all or nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

MAX_FIELD_CHARS = 10_000  # longer than any real item text; a pasted file is not a field
MAX_DEPTH = 8  # a catalogue is document → items → item → materials → material → field
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_NUMBER = 1_000_000  # copies, days, fees: anything larger is a damaged file (and overflows SQLite)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class UnsafeImport(ValueError):
    """The file holds something no import may take; the message is Chinese, for the user."""


def load_json(text: str) -> Any:
    """``json.loads`` refusing NaN/Infinity, nesting deeper than ``MAX_DEPTH`` and bad text."""

    def no_constant(name: str) -> Any:
        raise UnsafeImport("文件中有无效的数值（不是数字）")

    try:
        data = json.loads(text, parse_constant=no_constant)
    except RecursionError:
        raise UnsafeImport("文件的层级嵌套过深，不是有效的导入文件") from None
    except json.JSONDecodeError:
        raise  # the caller names the line
    except UnsafeImport:
        raise
    except ValueError:  # e.g. an integer of thousands of digits
        raise UnsafeImport("文件中有超出范围的数值") from None
    check_tree(data)
    return data


def check_tree(data: Any, depth: int = 0) -> None:
    """Every value of parsed JSON: nesting, numbers and texts within bounds."""
    if depth > MAX_DEPTH:
        raise UnsafeImport("文件的层级嵌套过深，不是有效的导入文件")
    if isinstance(data, dict):
        for key, value in data.items():
            check_text(key)
            check_tree(value, depth + 1)
    elif isinstance(data, list):
        for value in data:
            check_tree(value, depth + 1)
    elif isinstance(data, str):
        check_text(data)
    elif isinstance(data, bool):
        pass
    elif isinstance(data, int | float) and not -MAX_NUMBER <= data <= MAX_NUMBER:  # also NaN
        raise UnsafeImport("文件中有超出范围的数值")


def check_text(text: str, where: str = "") -> str:
    """A text field: not absurdly long, no lone surrogate (not a character at all) and no
    control character other than tab and line breaks."""
    prefix = f"{where}：" if where else ""
    if len(text) > MAX_FIELD_CHARS:
        raise UnsafeImport(f"{prefix}有一项内容超过 {MAX_FIELD_CHARS} 个字，文件可能已损坏")
    if CONTROL.search(text) or not _encodable(text):
        raise UnsafeImport(f"{prefix}有无法识别的字符（文件可能已损坏或编码错误）")
    return text


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate such as "\ud800"
        return False
    return True


def check_year(day: dt.date, where: str = "") -> dt.date:
    prefix = f"{where}：" if where else ""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UnsafeImport(f"{prefix}日期 {day.isoformat()} 的年份应在 {FIRST_YEAR} 至 {LAST_YEAR} 年之间")
    return day
