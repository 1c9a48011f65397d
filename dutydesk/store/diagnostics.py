"""The diagnostics package (``dutydesk diagnose``) for the township's IT person.

A village PC nobody can visit sends one zip: program and library versions, the settings in
force, the ``check`` result, which years' holidays are known, and the last lines of the log and
of the crash log. No personal data leaves with it (V09): record contents are never read, and
phone and ID numbers in log lines are masked (``mask_personal_numbers``).
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import re
import sys
import zipfile
from collections import deque
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from dutydesk import __version__
from dutydesk.crash_reports import CRASH_LOG
from dutydesk.domain.calendar_years import missing_years
from dutydesk.domain.personal_numbers import mask_personal_numbers
from dutydesk.domain.settings import REGISTRY
from dutydesk.domain.workday_calendar import WorkdayCalendar, official_years
from dutydesk.store.atomic import atomic_path
from dutydesk.store.calendar_days import entered_days
from dutydesk.store.integrity import full_check, quick_check
from dutydesk.store.settings import get_setting, setting_history
from dutydesk.store.shipped_calendar import shipped_years

LOG_LINES = 400
README = """值班台诊断包
由 dutydesk diagnose 生成，供乡镇信息员排查问题。
内容：版本.txt（程序与组件版本）、设置.txt（当前生效的设置）、检查.txt（数据库检查结果）、
日历.txt（已知节假日的年份）、日志末尾.txt（运行日志与崩溃日志的最后若干行）。
不含来访、代办等记录的内容；日志中的电话号码和身份证号已隐去中间位数。
"""
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _requirements(name: str) -> list[str]:
    try:
        requires = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for requirement in requires:
        if "extra" in requirement.partition(";")[2]:
            continue
        found = _NAME.match(requirement)
        if found:
            names.append(found.group(1))
    return names


def runtime_versions() -> dict[str, str]:
    """dutydesk and every runtime package it pulls in, with the installed version."""
    versions: dict[str, str] = {}
    todo = ["dutydesk"]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in versions:
            continue
        try:
            versions[key] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        todo += _requirements(name)
    return dict(sorted(versions.items()))


def versions_text() -> str:
    lines = [f"值班台 DutyDesk {__version__}", f"Python {sys.version.split()[0]}（{platform.python_implementation()}）",
             f"系统 {platform.platform()}", f"打包版 {'是' if getattr(sys, 'frozen', False) else '否'}", "", "组件："]
    lines += [f"  {name}=={version}" for name, version in runtime_versions().items()]
    return "\n".join(lines) + "\n"


def settings_text(today: dt.date) -> str:
    lines = [f"{today:%Y-%m-%d} 生效的设置（键 = 值；默认值；依据条款）"]
    for key, setting in sorted(REGISTRY.items()):
        value = get_setting(setting, on=today)
        changed = "已修改" if setting_history(setting) else "默认"
        shown = json.dumps(value, ensure_ascii=False)
        lines.append(f"{key} = {shown}（{changed}；默认 {json.dumps(setting.default, ensure_ascii=False)}；"
                     f"{setting.label}{'；' + setting.rule if setting.rule else ''}）")
    return mask_personal_numbers("\n".join(lines)) + "\n"


def check_text(db, db_path: Path) -> str:
    report = full_check(db)
    lines = [f"schema version: {report.schema_version}", "记录数："]
    lines += [f"  {table}: {count}" for table, count in sorted(report.counts.items())]
    lines += [f"问题: {problem}" for problem in report.problems]
    lines.append("结果: 正常" if report.ok else "结果: 发现问题")
    return "\n".join(lines) + "\n"


def calendar_text(today: dt.date, calendar: WorkdayCalendar) -> str:
    entered = sorted({d.year for d in entered_days()})
    missing = missing_years(today, calendar)
    return "\n".join([
        f"chinesecalendar 内置年份：{_years(official_years())}",
        f"随软件附带（resources/calendar）：{_years(shipped_years())}",
        f"本中心录入：{_years(entered)}",
        f"缺少（{today:%Y-%m-%d}）：{_years(missing)}",
    ]) + "\n"


def _years(years: Iterable[int]) -> str:
    years = sorted(years)
    if not years:
        return "无"
    runs: list[str] = []
    start = prev = years[0]
    for year in [*years[1:], None]:
        if year is not None and year == prev + 1:
            prev = year
            continue
        runs.append(str(start) if start == prev else f"{start}-{prev}")
        if year is not None:
            start = prev = year
    return "、".join(runs)


def log_tail(logs_dir: Path, lines: int = LOG_LINES) -> str:
    """The last ``lines`` lines of the log (rotated files included) and of the crash log, masked."""
    parts = []
    for title, files in (("运行日志 dutydesk.log", _rotated(logs_dir, "dutydesk.log")),
                         (f"崩溃日志 {CRASH_LOG}", [logs_dir / CRASH_LOG])):
        tail: deque[str] = deque(maxlen=lines)
        for path in files:
            try:
                with path.open(encoding="utf-8", errors="replace") as handle:
                    tail.extend(line.rstrip("\n") for line in handle)
            except OSError:
                continue
        body = "\n".join(mask_personal_numbers(line) for line in tail) or "（无）"
        parts.append(f"===== {title}（最后 {len(tail)} 行） =====\n{body}\n")
    return "\n".join(parts)


def _rotated(logs_dir: Path, name: str) -> list[Path]:
    older = sorted(logs_dir.glob(f"{name}.*"), key=lambda p: -int(p.suffix[1:]) if p.suffix[1:].isdigit() else 0)
    return [*older, logs_dir / name]


def write_diagnostics(out: Path, logs_dir: Path, db_path: Path, today: dt.date, desk=None,
                      lines: int = LOG_LINES, opening_error: str = "") -> Path:
    """Write the zip to ``out`` (atomically). ``desk`` None: the books could not be opened
    (``opening_error`` says why); versions and logs are still packed."""
    parts = {"说明.txt": README, "版本.txt": versions_text(), "日志末尾.txt": log_tail(logs_dir, lines)}
    if desk is not None:
        parts["设置.txt"] = settings_text(today)
        parts["检查.txt"] = check_text(desk.db, db_path)
        parts["日历.txt"] = calendar_text(today, desk.calendar())
    else:
        problems = quick_check(db_path) if db_path.exists() else ["数据库文件不存在"]
        parts["检查.txt"] = "无法打开账本：" + mask_personal_numbers(opening_error or "；".join(problems)) + "\n"
    with atomic_path(out) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return out
