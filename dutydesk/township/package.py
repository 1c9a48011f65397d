"""The township's package for its villages (issue 16, the channel back down): signed like the
village's bundle (``signed_folder``), read by every village, each taking only what is addressed
to its division code.

It carries a catalogue version (the township's catalogue export, as 导入目录 reads it), holiday
files for years DutyDesk does not ship, dated settings (penalty standards, deadlines), the
township's decisions on villages' monthly hand-offs (退回 with reasons / 审核通过) and the results
of villages' 代办单 handled at the township (上级已办结 / 退回补件 with the reason, by slip number).
The manifest names the township, its code, its key and the previous package's hash.

``write_package`` is the township's side; ``read_package`` the village's first step (signature,
hashes, then every row checked, in Chinese). ``add_package_parser``/``run_package`` give
``dutydesk township package --out DIR`` to whatever module holds the township's books.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dutydesk import __version__
from dutydesk.domain.calendar_file import CalendarFileError, EnteredDay, parse_calendar_text
from dutydesk.domain.catalogue import CatalogueError, parse_catalogue
from dutydesk.domain.division_code import DivisionCodeError, parse_division_code
from dutydesk.domain.import_guard import UnsafeImport, load_json
from dutydesk.domain.text_input import normalize_text
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.atomic import atomic_write
from dutydesk.store.center_keys import ensure_key_pair
from dutydesk.store.datafolder import DeskError
from dutydesk.township.signed_folder import MANIFEST, jsonl, verify_signed, write_signed

FORMAT = "dutydesk-township-package"
SCHEMA_VERSION = 1
CATALOGUE = "catalogue.json"
SETTINGS = "settings.jsonl"
DECISIONS = "decisions.jsonl"
PROXY_RESULTS = "proxy_results.jsonl"
HOLIDAYS = "holidays_{year}.json"
FOLDER = "镇（街道）数据包"  # the package's folder name under ``--out``

RETURNED, APPROVED = "returned", "approved"
DECISION_LABELS = {RETURNED: "镇级退回", APPROVED: "已审核"}
DONE, RETURNED_FOR_MATERIALS = "done", "returned_for_materials"
RESULT_LABELS = {DONE: "上级已办结", RETURNED_FOR_MATERIALS: "退回补件"}


class PackageError(DeskError):
    """A package that cannot be written or read; the message is for the user."""


@dataclass(frozen=True)
class Decision:
    """The township's word on one village's month (报送情况 → 退回 / 审核通过)."""

    village_code: str
    period: str  # "YYYY-MM"
    decision: str  # RETURNED | APPROVED
    reasons: str
    at: dt.datetime
    by: str


@dataclass(frozen=True)
class ProxyResult:
    """What the township did with a village's 代办单 (P03), by its slip number."""

    village_code: str
    slip_number: str
    result: str  # DONE | RETURNED_FOR_MATERIALS
    reason: str
    at: dt.datetime
    by: str


@dataclass(frozen=True)
class DatedSetting:
    """A township standard (a ``domain.settings`` key) in force from a date on."""

    key: str
    value: Any
    effective_from: dt.date


@dataclass(frozen=True)
class PackageManifest:
    """What ``verify_package`` found: a package whose signature and files hold."""

    township: str
    township_code: str
    written_at: str
    sha256: str
    previous_sha256: str
    fingerprint: str
    public_key: str
    catalogue: str = ""  # the catalogue file's name, "" when the package carries none
    holidays: dict[int, str] = field(default_factory=dict)  # year → file name
    rows: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class WrittenPackage:
    folder: Path
    sha256: str
    previous_sha256: str
    rows: dict[str, int]


@dataclass(frozen=True)
class PackageContent:
    """A verified package, every row parsed and checked (nothing of it applied yet)."""

    folder: Path
    manifest: PackageManifest
    decisions: list[Decision]
    proxy_results: list[ProxyResult]
    settings: list[DatedSetting]
    catalogue_text: str | None
    holidays: dict[int, list[EnteredDay]]


def _check_decision(d: Decision) -> None:
    if d.decision not in DECISION_LABELS:
        raise PackageError(f"审核结果只能是退回或审核通过：{d.decision}")
    if d.decision == RETURNED and not d.reasons.strip():
        raise PackageError(f"退回{d.period}的报送须写明原因")
    dt.datetime.strptime(d.period, "%Y-%m")  # ValueError: the caller says which row


def _check_result(r: ProxyResult) -> None:
    if r.result not in RESULT_LABELS:
        raise PackageError(f"代办结果只能是上级已办结或退回补件：{r.result}")
    if r.result == RETURNED_FOR_MATERIALS and not r.reason.strip():
        raise PackageError(f"代办单{r.slip_number}退回补件须写明原因")


def _check_filled(text: str) -> None:
    """A catalogue going down to the villages holds no template blank (N05): a village's filled-in
    window phone must never be replaced by "（请填写窗口电话）"."""
    from dutydesk.domain.placeholders import unfilled

    for item in parse_catalogue(text):
        missing = unfilled(item)
        if missing:
            raise PackageError(f"办事指南目录中“{item.name}”还有未填写的内容：{'、'.join(missing)}，"
                               "请镇（街道）填写后再下发")


def _holiday_file(year: int, path: Path) -> bytes:
    """A year's holiday file as the package carries it: checked, one canonical JSON list."""
    try:
        days = parse_calendar_text(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, CalendarFileError) as exc:
        raise PackageError(f"{year}年节假日文件无法读取：{exc}") from None
    wrong = [d.day for d in days if d.day.year != year]
    if wrong:
        raise PackageError(f"{year}年节假日文件中有其他年份的日期：{wrong[0]}")
    records = [{"date": d.day.isoformat(), "type": "班" if d.is_workday else "休", "name": d.name} for d in days]
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def holiday_files(calendar: WorkdayCalendar, years: Iterable[int], folder: Path) -> dict[int, Path]:
    """``write_package``'s ``holiday_years`` from the township's own calendar: a file per year
    the township entered (工作日日历) that DutyDesk does not know by itself, written in ``folder``."""
    files = {}
    for year in sorted(set(years)):
        if calendar.has_official_year(year) or not calendar.has_entered_year(year):
            continue
        records = [{"date": d.day.isoformat(), "type": "班" if d.is_workday else "休", "name": d.name}
                   for d in calendar.special_days(year) if d.source == "entered"]
        path = Path(folder) / f"{year}.json"
        with atomic_write(path) as fh:
            fh.write(json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8"))
        files[year] = path
    return files


def write_package(target: Path, *, township_name: str, township_code: str, key_folder: Path,
                  decisions: Iterable[Decision], proxy_results: Iterable[ProxyResult],
                  settings: Iterable[DatedSetting], catalogue: Path | None = None,
                  holiday_years: Mapping[int, Path] | None = None, previous_sha256: str = "",
                  written_at: dt.datetime, written_by: str = "") -> WrittenPackage:
    """Write the package into the (new or empty) folder ``target`` and sign it with the
    township's key pair (made in ``key_folder`` on first use). Refuses a row it would be
    ashamed to send (unknown decision, a return without a reason) with PackageError."""
    try:
        code = parse_division_code(township_code)
    except DivisionCodeError as exc:
        raise PackageError(str(exc)) from None
    decisions, proxy_results, settings = list(decisions), list(proxy_results), list(settings)
    try:
        for d in decisions:
            _check_decision(d)
    except ValueError:
        raise PackageError("审核结果的月份应写成 2026-11 的形式") from None
    for r in proxy_results:
        _check_result(r)
    files: list[tuple[str, bytes]] = []
    if catalogue is not None:
        try:
            text = Path(catalogue).read_text(encoding="utf-8-sig")
            _check_filled(text)
        except (OSError, UnicodeDecodeError, CatalogueError) as exc:
            raise PackageError(f"办事指南目录文件无法读取：{exc}") from None
        files.append((CATALOGUE, text.encode("utf-8")))
    holidays = {}
    for year, path in sorted((holiday_years or {}).items()):
        name = HOLIDAYS.format(year=int(year))
        files.append((name, _holiday_file(int(year), path)))
        holidays[str(int(year))] = name
    files += [
        (SETTINGS, jsonl([{"key": s.key, "value": s.value, "effective_from": s.effective_from.isoformat()}
                          for s in settings])),
        (DECISIONS, jsonl([asdict(d) for d in decisions])),
        (PROXY_RESULTS, jsonl([asdict(r) for r in proxy_results])),
    ]
    header = {
        "format": FORMAT, "schema_version": SCHEMA_VERSION, "app_version": __version__,
        "township": township_name, "township_code": code,
        "written_at": written_at.isoformat(timespec="seconds"), "written_by": written_by,
        "previous_sha256": previous_sha256, "catalogue": CATALOGUE if catalogue is not None else "",
        "holidays": holidays,
    }
    manifest, sha = write_signed(Path(target), header, files, ensure_key_pair(Path(key_folder)))
    return WrittenPackage(Path(target), sha, previous_sha256, {f["name"]: f["rows"] for f in manifest["files"]})


def verify_package(folder: Path) -> PackageManifest:
    """Signature, format, hashes and line counts of a package (PackageError, in Chinese); the
    village then compares ``fingerprint`` with the township key it confirmed."""
    checked = verify_signed(folder, FORMAT, SCHEMA_VERSION, PackageError, "镇（街道）数据包", "镇（街道）")
    m = checked.manifest
    try:
        holidays = {int(year): str(name) for year, name in (m.get("holidays") or {}).items()}
        dt.datetime.fromisoformat(m["written_at"])  # compared with the last package applied (replays)
        parse_division_code(m["township_code"])
        return PackageManifest(normalize_text(m["township"]), str(m["township_code"]), str(m["written_at"]),
                               checked.sha256,
                               str(m.get("previous_sha256", "")), checked.fingerprint, str(m["public_key"]),
                               str(m.get("catalogue") or ""), holidays, checked.rows)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise PackageError(f"镇（街道）数据包的清单不完整，不能导入：{folder}") from None


def find_package(folder: Path) -> Path:
    """The package in ``folder``: the folder itself, or the newest package folder inside it (a
    stick's root); PackageError when there is none."""
    folder = Path(folder)
    if (folder / MANIFEST).exists():
        return folder
    try:
        inside = sorted(p for p in folder.iterdir() if (p / MANIFEST).exists())
    except OSError:
        raise PackageError(f"找不到文件夹：{folder}") from None
    if not inside:
        raise PackageError(f"这个文件夹里没有镇（街道）数据包：{folder}")
    return inside[-1]


def _rows(folder: Path, manifest: PackageManifest, name: str) -> list[dict]:
    if name not in manifest.rows:  # only files the signed manifest lists are read
        return []
    text = (folder / name).read_text(encoding="utf-8")
    return [load_json(line) for line in text.splitlines() if line.strip()]


def _text(value: object, multiline: bool = False) -> str:
    """A text field of a package row as the village shows it (V09: no invisible marks); ValueError
    when it is not text at all (the caller refuses the package)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(value)
    return normalize_text(value, multiline=multiline)


def _parsed(folder: Path, manifest: PackageManifest) -> PackageContent:
    decisions = [Decision(_text(r["village_code"]), _text(r["period"]), _text(r["decision"]),
                          _text(r.get("reasons"), multiline=True), dt.datetime.fromisoformat(r["at"]),
                          _text(r.get("by")))
                 for r in _rows(folder, manifest, DECISIONS)]
    results = [ProxyResult(_text(r["village_code"]), _text(r["slip_number"]), _text(r["result"]),
                           _text(r.get("reason"), multiline=True), dt.datetime.fromisoformat(r["at"]),
                           _text(r.get("by")))
               for r in _rows(folder, manifest, PROXY_RESULTS)]
    settings = [DatedSetting(r["key"], r["value"], dt.date.fromisoformat(r["effective_from"]))
                for r in _rows(folder, manifest, SETTINGS)]
    for d in decisions:
        _check_decision(d)
    for r in results:
        _check_result(r)
    catalogue_text = None
    if manifest.catalogue and manifest.catalogue in manifest.rows:
        catalogue_text = (folder / manifest.catalogue).read_text(encoding="utf-8")
        _check_filled(catalogue_text)
    holidays = {}
    for year, name in manifest.holidays.items():
        if name not in manifest.rows:
            raise PackageError(f"{year}年节假日文件不在清单中")
        days = parse_calendar_text((folder / name).read_text(encoding="utf-8"))
        holidays[year] = [d for d in days if d.day.year == year]  # a file speaks for its own year only
    return PackageContent(folder, manifest, decisions, results, settings, catalogue_text, holidays)


def read_package(folder: Path) -> PackageContent:
    """Find, verify and parse a package; nothing is applied. PackageError (Chinese) on any fault."""
    folder = find_package(folder)
    manifest = verify_package(folder)
    try:
        return _parsed(folder, manifest)
    except (CatalogueError, CalendarFileError, UnsafeImport, PackageError) as exc:
        raise PackageError(f"镇（街道）数据包的内容有误，不能导入：{exc}") from None
    except (KeyError, TypeError, ValueError, OSError):
        raise PackageError(f"镇（街道）数据包的内容不完整或已损坏，不能导入：{folder}") from None


# -- ``dutydesk township package --out DIR`` --------------------------------------------------

ContentLoader = Callable[[argparse.Namespace], dict[str, Any]]


def add_package_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """``package --out DIR`` under the township's command group; the caller sets its ``func``
    (e.g. ``lambda args: run_package(args, loader)``)."""
    parser = subparsers.add_parser("package", help="生成发给各村（社区）的镇（街道）数据包")
    parser.add_argument("--out", required=True, metavar="DIR", help="写到的文件夹（如U盘）")
    return parser


def write_into(out: Path, content: Mapping[str, Any]) -> WrittenPackage:
    """Write a package (``write_package``'s keyword arguments) into a new folder under ``out``."""
    out = Path(out).expanduser()
    if not out.is_dir():
        raise PackageError(f"导出文件夹不存在：{out}")
    target = out / f"{FOLDER}{content['written_at']:%Y%m%d%H%M}"
    if target.exists() and any(target.iterdir()):
        raise PackageError(f"文件夹 {target} 已有内容，请稍后再生成或换一个文件夹")
    return write_package(target, **content)


def run_package(args: argparse.Namespace, content_loader: ContentLoader,
                on_written: Callable[[WrittenPackage], None] | None = None) -> int:
    """Write the package under ``args.out``; ``content_loader(args)`` returns ``write_package``'s
    keyword arguments (township, key folder, decisions, results, settings, files, written_at);
    ``on_written`` is told the package written (the township logs it: the chain)."""
    written = write_into(Path(args.out), content_loader(args))
    if on_written is not None:
        on_written(written)
    print(f"已生成镇（街道）数据包：{written.folder}（审核结果 {written.rows[DECISIONS]} 条，"
          f"代办结果 {written.rows[PROXY_RESULTS]} 条，设置 {written.rows[SETTINGS]} 项）")
    return 0
