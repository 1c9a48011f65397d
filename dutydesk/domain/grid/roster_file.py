"""The village's 花名册 (household roster) as a file: read an xlsx or csv sheet, find its header row,
map its columns, and check every row before anything is imported (G02).

Villages keep the roster in Excel, each in its own layout: one or two title rows above the header
("青石村村民花名册", "填报日期…"), headers that say 身份证号 or 公民身份号码, 户主姓名 or 户主, and
rows typed by many hands. Reading is pure (no database): ``read_roster`` returns the good rows and
every faulty one named by its spreadsheet row number and why, so the desk can show a preview and
import only what is right. Matching against the books is ``store.grid.roster_import``'s job.

Text is normalised on the way in (V09: full-width digits, zero-width characters); names keep
their rare characters (𠀀, 堃, 喆), which NFKC leaves alone. 15-digit IDs are upgraded to 18.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dutydesk.domain.grid.key_persons import split_tags
from dutydesk.domain.idcard import IdNumberError, parse_id_number
from dutydesk.domain.import_guard import UnsafeImport, check_text
from dutydesk.domain.phone import PhoneError, parse_phone
from dutydesk.domain.text_input import normalize_compact, normalize_text

# Import guard (absurd files): a village has a few thousand people; anything far larger is not a roster.
MAX_FILE_BYTES = 30_000_000
MAX_ROWS = 50_000
MAX_COLUMNS = 200
HEADER_SEARCH_ROWS = 30  # title rows above the header: a few at most

HEAD = "户主"
_PHONE_SEPARATORS = re.compile(r"[/、，,;；]")  # several phones in one cell (not spaces: 138 1234 5678)

# Column field -> header texts villages use for it (compared without spaces, "*" and brackets' content).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "居民姓名", "村民姓名", "成员姓名", "人员姓名"),
    "id_number": ("公民身份号码", "身份证号", "身份证号码", "身份证", "证件号码", "身份号码", "居民身份证号码"),
    "relation": ("与户主关系", "与户主的关系", "家庭关系", "关系"),
    "head_name": ("户主", "户主姓名"),
    "phone": ("手机号", "手机号码", "联系电话", "电话", "电话号码", "联系方式", "手机"),
    "village_group": ("村民小组", "组别", "小组", "所在小组", "组"),
    "address": ("家庭住址", "住址", "地址", "现住址", "居住地址", "门牌号"),
    "tags": ("人员类别", "标签", "重点人员", "人员类型", "类别", "重点人群", "特殊人群"),
}
LABELS = {"name": "姓名", "id_number": "身份证号码", "relation": "与户主关系", "head_name": "户主",
          "phone": "联系电话", "village_group": "村民小组", "address": "住址", "tags": "人员类别"}

# 与户主关系 as villages write it -> the household's relation words (store.grid.household.RELATIONS).
_RELATIONS: dict[str, tuple[str, ...]] = {
    HEAD: ("户主", "本人", "户主本人", "之户主"),
    "配偶": ("配偶", "妻", "妻子", "夫", "丈夫", "老婆", "老公", "爱人"),
    "子": ("子", "儿子", "长子", "次子", "三子", "四子", "独生子", "养子", "继子"),
    "女": ("女", "女儿", "长女", "次女", "三女", "四女", "独生女", "养女", "继女"),
    "父母": ("父母", "父亲", "母亲", "父", "母", "公公", "婆婆", "岳父", "岳母"),
    "孙子女": ("孙子女", "孙子", "孙女", "外孙", "外孙子", "外孙女"),
    "兄弟姐妹": ("兄弟姐妹", "兄", "弟", "姐", "妹", "哥哥", "弟弟", "姐姐", "妹妹"),
}
RELATION_WORDS = (*_RELATIONS, "其他")


class RosterFileError(ValueError):
    """The file cannot be read as a roster at all; the message is Chinese, for the user."""


@dataclass
class RosterRow:
    """One good person row, normalised. ``row`` is the spreadsheet row number (1-based)."""

    row: int
    name: str
    id_number: str = ""  # the 18-digit form, or "" when the roster has none for this person
    upgraded: bool = False  # a 15-digit ID upgraded to 18
    phones: list[str] = field(default_factory=list)
    relation: str = HEAD
    head_row: int = 0  # the row of this person's head (their own row for a head)
    village_group: str = ""
    address: str = ""
    tags: list[str] = field(default_factory=list)  # key-person tags (the setting's words)
    other_tags: list[str] = field(default_factory=list)  # 人员类别 that are no key-person tag

    @property
    def is_head(self) -> bool:
        return self.relation == HEAD


@dataclass(frozen=True)
class RowProblem:
    row: int
    name: str
    message: str

    @property
    def text(self) -> str:
        who = f"（{self.name}）" if self.name else ""
        return f"第{self.row}行{who}：{self.message}"


@dataclass
class Roster:
    header_row: int
    columns: dict[str, str]  # field -> the header text found for it
    rows: list[RosterRow]
    problems: list[RowProblem]
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def columns_text(self) -> str:
        return "；".join(f"{LABELS[key]}←“{header}”" for key, header in self.columns.items())


# -- reading cells ----------------------------------------------------------------------------

def _cell_text(value: object) -> str:
    """A cell as text. Excel keeps a typed number as a float: 13812345678.0 is the phone it was."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%Y-%m-%d}"
    return str(value)


def _xlsx_rows(path: Path) -> Iterator[list[object]]:
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        if isinstance(exc, FileNotFoundError | PermissionError):
            raise
        raise RosterFileError("无法读取该Excel文件（文件已损坏，或不是.xlsx格式；.xls请先另存为.xlsx）") from None
    try:
        sheet = book.worksheets[0]
        for values in sheet.iter_rows(values_only=True):  # max_col would pad every row to it
            yield list(values[:MAX_COLUMNS])
    finally:
        book.close()


def _decode(data: bytes) -> str:
    """CSV saved by WPS or Excel: UTF-8 (with or without BOM) or GBK (GB18030, its superset, so a
    rare character such as 𠀀 survives too)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterFileError("无法识别CSV文件的编码，请在WPS或Excel中另存为“CSV UTF-8”后重试")


def _csv_rows(path: Path) -> Iterator[list[object]]:
    text = _decode(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        yield from reader
    except csv.Error:
        raise RosterFileError(f"CSV文件第{reader.line_num}行格式有误（引号不成对或单元格过长）") from None


def raw_rows(path: Path) -> list[tuple[int, list[object]]]:
    """(row number, cells) of the first sheet, blank rows left out; refuses absurd files."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise RosterFileError("花名册应为 .xlsx 或 .csv 文件（.xls 请先另存为 .xlsx）")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise RosterFileError(f"文件超过 {MAX_FILE_BYTES // 1_000_000} MB，不像是花名册，请检查")
    rows = []
    source = _xlsx_rows(path) if suffix == ".xlsx" else _csv_rows(path)
    for number, cells in enumerate(source, start=1):
        if number > MAX_ROWS:
            raise RosterFileError(f"文件超过 {MAX_ROWS} 行，不像是一个村的花名册，请检查")
        if len(cells) > MAX_COLUMNS:
            cells = cells[:MAX_COLUMNS]
        if any(_cell_text(c).strip() for c in cells):
            rows.append((number, cells))
    return rows


# -- the header ---------------------------------------------------------------------------------

def _header_key(text: str) -> str:
    key = normalize_compact(text).replace("*", "")  # full-width （＊： are folded already
    return key.split("(")[0].rstrip(":")


_BY_HEADER = {word: key for key, words in SYNONYMS.items() for word in words}


def map_columns(cells: Iterable[object]) -> tuple[dict[str, int], list[str]]:
    """The header row's columns: field -> index (first one wins), and headers that map to nothing."""
    found: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(cells):
        text = _cell_text(cell)
        key = _BY_HEADER.get(_header_key(text))
        if key is None:
            if text.strip():
                ignored.append(normalize_text(text))
        elif key not in found:
            found[key] = index
    return found, ignored


def find_header(rows: list[tuple[int, list[object]]]) -> tuple[int, dict[str, int], list[str]]:
    """G02: the header is the first row (within the first few) naming 姓名 and at least one other
    known column, so title rows above it are skipped whatever they say."""
    for position, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns, ignored = map_columns(cells)
        if "name" in columns and len(columns) >= 2:
            return position, columns, ignored
    raise RosterFileError("找不到表头：前几行中没有“姓名”和“身份证号码”“与户主关系”等列名")


# -- one row ------------------------------------------------------------------------------------

def relation_word(text: str) -> str | None:
    """与户主关系 as the household records it; None for a blank cell, 其他 for anything unknown."""
    key = normalize_compact(text)
    if not key:
        return None
    for word, spellings in _RELATIONS.items():
        if key in spellings:
            return word
    return "其他"


def map_tags(text: str, known: list[str]) -> tuple[list[str], list[str]]:
    """人员类别 -> (key-person tags of the setting, other words). "低保" finds 低保户 and
    "残疾" finds 残疾人: a word matches a tag it is the start of, or that is its start."""
    tags: list[str] = []
    other: list[str] = []
    for word in split_tags(normalize_text(text)):
        if word in known:
            match = word
        else:
            close = [t for t in known if t.startswith(word) or word.startswith(t)]
            match = close[0] if len(close) == 1 else None
        target = tags if match is not None else other
        item = match if match is not None else word
        if item not in target:
            target.append(item)
    return tags, other


@dataclass
class _Parsed:
    row: RosterRow  # filled as far as it could be read, faulty or not
    head_name: str
    problems: list[str]


def _parse_row(number: int, cells: list[object], columns: dict[str, int], today: dt.date,
               known_tags: list[str]) -> _Parsed:
    def cell(key: str) -> object:
        index = columns.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    problems: list[str] = []
    texts: dict[str, str] = {}
    for key in columns:
        raw = _cell_text(cell(key))
        try:
            check_text(raw)
        except UnsafeImport as exc:
            problems.append(f"{LABELS[key]}：{exc}")
            raw = ""
        texts[key] = normalize_text(raw)
    name = texts.get("name", "")
    row = RosterRow(number, name)
    if not name:
        problems.append("没有姓名")
    raw_id = cell("id_number")
    if isinstance(raw_id, int | float) and len(_cell_text(raw_id)) > 15:
        problems.append("身份证号码被Excel存成了数字，末几位已丢失，请把该列设为“文本”后重新填写")
    elif texts.get("id_number"):
        try:
            parsed = parse_id_number(texts["id_number"], today)
        except IdNumberError as exc:
            problems.append(str(exc))
        else:
            row.id_number = parsed.number
            row.upgraded = len(normalize_compact(texts["id_number"]).replace("-", "")) == 15
    for raw in _PHONE_SEPARATORS.split(texts.get("phone", "")):
        if not raw.strip():
            continue
        try:
            phone = parse_phone(raw)
        except PhoneError as exc:
            problems.append(str(exc))
        else:
            if phone not in row.phones:
                row.phones.append(phone)
    row.village_group = texts.get("village_group", "")
    row.address = texts.get("address", "")
    row.tags, row.other_tags = map_tags(texts.get("tags", ""), known_tags)
    head_name = texts.get("head_name", "")
    relation = relation_word(texts.get("relation", ""))
    if relation is None:  # blank: the head's own row, or a member whose relation nobody wrote
        relation = HEAD if not head_name or head_name == name else "其他"
    row.relation = relation
    return _Parsed(row, head_name, problems)


# -- the whole sheet ----------------------------------------------------------------------------

def parse_rows(rows: list[tuple[int, list[object]]], today: dt.date, known_tags: list[str]) -> Roster:
    """Check every row after the header (G02). A faulty row is named by its row number and why:
    no name, a bad ID (check digit, date), an ID or a name and phone twice in the file, a member
    whose head is missing or faulty. Members join the household of their head: the row named in
    户主, else the head row above them (a merged 户主 cell leaves the rows below it blank)."""
    start, columns, ignored = find_header(rows)
    header_number, header_cells = rows[start]
    headers = {key: normalize_text(_cell_text(header_cells[index])) for key, index in columns.items()}
    problems: list[RowProblem] = []
    good: list[RosterRow] = []
    by_id: dict[str, int] = {}
    by_name_phone: dict[tuple[str, str], int] = {}
    heads: dict[str, list[int]] = {}  # head name -> their rows, good or faulty
    head_ok: dict[int, bool] = {}
    last_head: int | None = None
    pending: list[tuple[RosterRow, str, int | None]] = []
    for number, cells in rows[start + 1:]:
        if _skipped(cells, columns):
            continue
        parsed = _parse_row(number, cells, columns, today, known_tags)
        row = parsed.row
        if not parsed.problems:
            if row.id_number and row.id_number in by_id:
                parsed.problems.append(f"身份证号码与第{by_id[row.id_number]}行重复")
            elif not row.id_number:
                twice = [by_name_phone[(row.name, p)] for p in row.phones if (row.name, p) in by_name_phone]
                if twice:
                    parsed.problems.append(f"姓名和电话与第{twice[0]}行相同")
        if row.is_head:
            last_head = number
            heads.setdefault(row.name, []).append(number)
            head_ok[number] = not parsed.problems
        if parsed.problems:
            problems.append(RowProblem(number, row.name, "；".join(parsed.problems)))
            continue
        if row.id_number:
            by_id[row.id_number] = number
        for phone in row.phones:
            by_name_phone.setdefault((row.name, phone), number)
        if row.is_head:
            row.head_row = number
            good.append(row)
        else:
            pending.append((row, parsed.head_name, last_head))
    for row, head_name, above in pending:
        head = _head_of(row, head_name, above, heads)
        if head is None:
            named = f"户主“{head_name}”" if head_name else "户主"
            problems.append(RowProblem(row.row, row.name, f"表中找不到{named}的户主行（与户主关系为“户主”的一行）"))
        elif not head_ok.get(head, False):
            problems.append(RowProblem(row.row, row.name, f"户主（第{head}行）有误，本行暂不导入"))
        else:
            row.head_row = head
            good.append(row)
    good.sort(key=lambda r: r.row)
    problems.sort(key=lambda p: p.row)
    return Roster(header_number, headers, good, problems, ignored)


def _skipped(cells: list[object], columns: dict[str, int]) -> bool:
    """Rows that hold no person: the header repeated on each printed page, and template rows
    with only a 序号 (every mapped column blank)."""
    mapped = [_cell_text(cells[i]).strip() for i in columns.values() if i < len(cells)]
    if not any(mapped):
        return True
    found, _ignored = map_columns(cells)
    return "name" in found and len(found) >= 2


def _head_of(row: RosterRow, head_name: str, above: int | None, heads: dict[str, list[int]]) -> int | None:
    """The row of a member's head: the named head's row nearest above the member (names repeat in
    a village), or below it when the head is listed after; with no name, the head row above."""
    if not head_name:
        return above
    candidates = heads.get(head_name, [])
    before = [r for r in candidates if r < row.row]
    if before:
        return before[-1]
    return candidates[0] if candidates else None


def read_roster(path: Path, today: dt.date, known_tags: list[str]) -> Roster:
    """G02: read a roster file (xlsx or csv) and check every row; nothing is written."""
    rows = raw_rows(path)
    if not rows:
        raise RosterFileError("文件是空的")
    return parse_rows(rows, today, known_tags)
