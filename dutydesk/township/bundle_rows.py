"""The rows of a bundle as the township takes them: each line checked for shape before anything is
applied (issue 16 point 4).

A bundle's signature proves which village wrote it, not that its lines are records: valid JSON of
the wrong shape (a list, a string, a row without its id, an id that is text, negative or beyond
what the books hold, a row of another table, the same id twice in one file, a correction of a
record of this month or a later one) is refused here with a Chinese sentence naming the file and
line, so nothing of the bundle is applied and nothing reaches the books half-read. Rows are keyed
at the township by village, table and id (``village_record``), so no bundle can touch another
village's records whatever its rows say.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from dutydesk.domain.import_guard import MAX_NUMBER, UnsafeImport, load_json
from dutydesk.township.bundle import BundleError
from dutydesk.township.bundle_tables import BY_NAME, BundleTable

MAX_RECORD_ID = 2**31 - 1  # the township's record_id column is a 32-bit INTEGER on PostgreSQL
_DATE_COLUMN = re.compile(r"^date\((\w+)\)")
_MONTH = re.compile(r"^(\d{4}-\d{2})")


def parse_lines(name: str, data: bytes) -> list[dict]:
    """Every line of a bundle file as a JSON object (BundleError otherwise, naming the line)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleError(f"数据包文件 {name} 不是有效的文字，不能导入") from None
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = load_json(line)
        except (UnsafeImport, ValueError):
            raise BundleError(f"数据包文件 {name} 第{number}行无法读取，不能导入") from None
        if not isinstance(row, dict):
            raise BundleError(f"数据包文件 {name} 第{number}行不是一条记录，不能导入")
        rows.append(row)
    return rows


def key_column(spec: BundleTable) -> str:
    """The column that files a table's row in its month: its owner's id, else its date."""
    if spec.owner is not None:
        return spec.owner[1]
    match = _DATE_COLUMN.match(spec.month_sql)
    return match.group(1) if match else "id"


def record_id(value: object) -> int | None:
    """A village's record id as the books hold it, or None (text, bool, negative, too large)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_RECORD_ID:
        return None
    return value


def _month_of(spec: BundleTable, row: Mapping) -> str | None:
    """The month of a row filed by its own date ("YYYY-MM"), None for a child row."""
    if spec.owner is not None:
        return None
    match = _MONTH.match(str(row.get(key_column(spec)) or ""))
    return match.group(1) if match else ""


def _is_date_column(column: str) -> bool:
    return column in ("day", "deadline") or column.endswith(("_at", "_date", "_day"))


def _date_ok(value: object) -> bool:
    """A date column's value as the desk writes it: empty, or text starting with an ISO date."""
    if value in (None, ""):
        return True
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def check_row(spec: BundleTable, row: Mapping, where: str) -> int:
    """The row's id once its shape is that of ``spec``'s table (BundleError otherwise): a flat
    row (text, numbers, empty; no list or object), its dates readable as dates, so no screen or
    summary of the township stops on it."""
    rid = record_id(row.get("id"))
    if rid is None:
        raise BundleError(f"{where}的记录编号不对，不能导入")
    column = key_column(spec)
    if column not in row or (spec.owner is not None and record_id(row[column]) is None):
        raise BundleError(f"{where}不是该表的记录（缺少 {column}），不能导入")
    for name, value in row.items():
        if not isinstance(value, str | int | float | None):
            raise BundleError(f"{where}的 {name} 不是一项数据，不能导入")
        if _is_date_column(name) and not _date_ok(value):
            raise BundleError(f"{where}的 {name} 不是日期，不能导入")
    return rid


def check_month_rows(name: str, spec: BundleTable, rows: list[dict], period: str) -> list[dict]:
    """A month file's rows: each of its table's shape, of the bundle's month, each id once."""
    seen: set[int] = set()
    for number, row in enumerate(rows, start=1):
        where = f"数据包文件 {name} 第{number}行"
        rid = check_row(spec, row, where)
        if rid in seen:
            raise BundleError(f"{where}的记录编号 {rid} 在文件中重复，不能导入")
        seen.add(rid)
        month = _month_of(spec, row)
        if month is not None and month != period:
            raise BundleError(f"{where}不是{period}的记录，不能导入")
    return rows


def check_corrections(name: str, corrections: list[dict], period: str) -> list[dict]:
    """Corrections of earlier months' records: each names a table and carries a whole row of
    that table, of a month before the bundle's, each record once. Tables this township does not
    keep are left out (a newer desk's), as ``apply_corrections`` always did."""
    seen: set[tuple[str, int]] = set()
    kept = []
    for number, correction in enumerate(corrections, start=1):
        where = f"数据包文件 {name} 第{number}行"
        table, row = correction.get("table"), correction.get("row")
        if not isinstance(table, str) or not isinstance(row, dict):
            raise BundleError(f"{where}不是一条更正记录，不能导入")
        spec = BY_NAME.get(table)
        if spec is None:
            continue
        rid = check_row(spec, row, where)
        if (table, rid) in seen:
            raise BundleError(f"{where}的记录编号 {rid} 在文件中重复，不能导入")
        seen.add((table, rid))
        month = _month_of(spec, row)
        if month is not None and not (month and month < period):
            raise BundleError(f"{where}更正的不是{period}以前的记录，不能导入")
        if not isinstance(correction.get("changes", []), list):
            raise BundleError(f"{where}的修改记录不对，不能导入")
        kept.append(correction)
    return kept


TALLY_FIGURES = ("absent", "findings", "penalty", "joint_liability")  # what the township sums (D14)
QUOTA_FIGURES = ("required", "done")  # G03/G04


def check_figures(name: str, rows: list[dict], figures: tuple[str, ...]) -> list[dict]:
    """The desk-computed lines (考勤统计, 走访完成情况): every figure the township adds up a whole
    number from 0 to ``MAX_NUMBER`` (or absent), so the summary never stops on a damaged line."""
    for number, row in enumerate(rows, start=1):
        for figure in figures:
            value = row.get(figure)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                      or not 0 <= value <= MAX_NUMBER):
                raise BundleError(f"数据包文件 {name} 第{number}行的数字不对，不能导入")
    return rows
