"""The simple file a center uses to enter a year's holidays and make-up workdays.

When ``chinesecalendar`` does not yet know a year, the director types in the State Council's
notice or imports it from a file. Two formats are accepted (documented in README):

CSV, one day per line, header optional::

    date,type,name
    2027-01-01,休,元旦
    2027-02-07,班,春节调休

JSON, a list of objects::

    [{"date": "2027-01-01", "type": "holiday", "name": "元旦"}]

``type`` is 休/假/holiday/off for a day off and 班/workday/work for a make-up working day.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from dutydesk.domain.day_text import DayTextError, parse_day
from dutydesk.domain.import_guard import UnsafeImport, check_text, check_year, load_json
from dutydesk.domain.text_input import normalize_compact, normalize_text

_OFF = {"休", "假", "节假日", "holiday", "off", "rest"}
_WORK = {"班", "上班", "调休上班", "workday", "work"}


class CalendarFileError(ValueError):
    """A bad line in an import file; the message names the line (Chinese, for the user)."""


@dataclass(frozen=True)
class EnteredDay:
    day: dt.date
    is_workday: bool
    name: str


def _parse_type(raw: str, where: str) -> bool:
    text = normalize_compact(raw).lower()  # V09: "ｈｏｌｉｄａｙ" typed in 全角 mode too
    if text in _OFF:
        return False
    if text in _WORK:
        return True
    raise CalendarFileError(f"{where}：类型“{raw[:20]}”无法识别，应为“休”（放假）或“班”（调休上班）")


def _parse_date(raw: str, where: str) -> dt.date:
    try:
        day = parse_day(normalize_compact(raw))  # V09: ２０２７－０１－０１ too
    except DayTextError as exc:
        if "不存在" in str(exc):
            raise CalendarFileError(f"{where}：日期“{raw.strip()[:20]}”不存在") from None
        raise CalendarFileError(f"{where}：日期“{raw[:20]}”格式不正确，应为 2027-01-01") from None
    return check_year(day, where)


def parse_calendar_text(text: str) -> list[EnteredDay]:
    """Parse CSV or JSON (detected by the first character); raise with the line number.

    A damaged file (huge fields, deep nesting, NaN, lone surrogates, years outside 1900-2100)
    is refused whole with a Chinese message: nothing of it is imported."""
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        raise CalendarFileError("文件为空")
    try:
        days = _parse_json(stripped) if stripped[0] in "[{" else _parse_csv(stripped)
    except UnsafeImport as exc:
        raise CalendarFileError(str(exc)) from None
    seen: set[dt.date] = set()
    for entry in days:
        if entry.day in seen:
            raise CalendarFileError(f"日期 {entry.day} 重复出现")
        seen.add(entry.day)
    return days


def _parse_csv(text: str) -> list[EnteredDay]:
    days: list[EnteredDay] = []
    rows = csv.reader(io.StringIO(text))
    number = 0
    while True:
        number += 1
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error:  # a field longer than csv allows, a stray NUL
            raise CalendarFileError(f"第{rows.line_num}行：内容过长或有无法识别的字符，文件可能已损坏") from None
        if not row or not "".join(row).strip() or row[0].strip().startswith("#"):
            continue
        where = f"第{number}行"
        if number == 1 and row[0].strip().lower() in ("date", "日期"):
            continue
        if len(row) < 2:
            raise CalendarFileError(f"{where}：应为“日期,类型,名称”三列")
        day = _parse_date(row[0], where)
        is_workday = _parse_type(row[1], where)
        name = normalize_text(check_text(row[2], where)) if len(row) > 2 else ""
        days.append(EnteredDay(day, is_workday, name))
    return days


def _parse_json(text: str) -> list[EnteredDay]:
    try:
        data = load_json(text)
    except ValueError as exc:
        if isinstance(exc, UnsafeImport):
            raise
        raise CalendarFileError(f"第{getattr(exc, 'lineno', '?')}行：JSON 格式错误") from None
    if isinstance(data, dict):
        data = data.get("days", [])
    if not isinstance(data, list):
        raise CalendarFileError("JSON 文件应为日期列表")
    lines = text.splitlines()
    days: list[EnteredDay] = []
    for index, item in enumerate(data, start=1):
        where = f"第{index}条"
        if isinstance(item, dict) and "date" in item:
            line = next((n for n, t in enumerate(lines, 1) if str(item["date"]) in t), None)
            if line:
                where = f"第{line}行"
        if not isinstance(item, dict) or "date" not in item or "type" not in item:
            raise CalendarFileError(f"{where}：每条应有 date 和 type")
        name = item.get("name") or ""
        if not isinstance(name, str):
            raise CalendarFileError(f"{where}：name 应为文字")
        days.append(EnteredDay(_parse_date(str(item["date"]), where),
                               _parse_type(str(item["type"]), where), normalize_text(check_text(name, where))))
    return days
