"""``dutydesk calendar``: show a year's holidays, import a year the package does not know, and
answer "what date is N working days after this one?" (the V04 deadline rule)."""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from pathlib import Path

from dutydesk.domain.day_text import DayTextError, parse_day
from dutydesk.domain.text_input import normalize_compact
from dutydesk.store.datafolder import DeskError

WEEKDAYS = "一二三四五六日"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("calendar", help="工作日日历：查看、导入节假日，计算办结期限")
    actions = parser.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="列出某年的节假日和调休上班日及来源")
    show.add_argument("year", type=int, metavar="YEAR")
    show.set_defaults(func=run_show)
    imp = actions.add_parser("import", help="从 CSV 或 JSON 文件导入节假日（格式见 README）")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(func=run_import)
    due = actions.add_parser("due", help="计算 DATE 之后 DAYS 个工作日的办结日期")
    due.add_argument("date", metavar="DATE", type=normalize_compact, help="受理日期，如 2026-09-30")
    due.add_argument("days", type=int, metavar="DAYS", help="工作日数")
    due.set_defaults(func=run_due)
    for action in (show, imp, due):  # "dutydesk calendar show 2027 --data-dir X" works too
        action.add_argument("--data-dir", metavar="PATH", default=argparse.SUPPRESS, help="数据文件夹")
    imp.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help="以哪个账户导入（账户设了密码时必填）")


@contextmanager
def _calendar(args: argparse.Namespace):
    """The desk's calendar when a data folder exists, else the official one alone."""
    from dutydesk.cli import folder_from, locked_desk
    from dutydesk.domain.workday_calendar import WorkdayCalendar

    if folder_from(args).db_path.exists():
        with locked_desk(args) as desk:
            yield desk.calendar()
    else:
        yield WorkdayCalendar()


def missing_year_warning(year: int) -> str:
    return (f"提示：软件内置的国家法定节假日安排不含 {year} 年，目前只按周末计算。"
            f"请在“工具 → 工作日日历”中录入，或用 dutydesk calendar import 文件 导入（格式见 README）。")


def run_show(args: argparse.Namespace) -> int:
    with _calendar(args) as calendar:
        days = calendar.special_days(args.year)
        if not calendar.has_official_year(args.year) and not calendar.has_entered_year(args.year):
            print(missing_year_warning(args.year))
        print(f"{args.year} 年节假日与调休上班日（共 {len(days)} 天）")
        for special in days:
            kind = "上班" if special.is_workday else "放假"
            source = "软件内置" if special.source == "package" else "本中心录入"
            print(f"{special.day} 星期{WEEKDAYS[special.day.weekday()]}  {kind}  {special.name}  [{source}]")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from dutydesk.cli import identified_desk
    from dutydesk.domain.calendar_file import CalendarFileError, parse_calendar_text
    from dutydesk.store.calendar_days import import_days

    if args.file.exists() and not args.file.is_dir() and not args.file.is_file():
        raise DeskError(f"{args.file} 不是普通文件，请指定节假日文件（CSV 或 JSON）")  # a device never ends
    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except IsADirectoryError:
        raise DeskError(f"{args.file} 是文件夹，请指定节假日文件（CSV 或 JSON）") from None
    except OSError as exc:  # said in Chinese, not the system's English strerror
        from dutydesk.store.faults import file_fault_message

        raise DeskError(file_fault_message(exc, args.file)) from None
    except UnicodeDecodeError:
        raise DeskError(f"文件 {args.file} 不是 UTF-8 编码，请另存为 UTF-8") from None
    try:
        days = parse_calendar_text(text)
    except CalendarFileError as exc:
        raise DeskError(f"{args.file.name} {exc}") from None
    with identified_desk(args) as desk:
        from dutydesk.cli_identity import require_manager

        require_manager(desk.account, "导入节假日")  # as 工具 → 工作日日历 in the window
        count = import_days(days, desk.who, desk.now())
    years = sorted({d.day.year for d in days})
    print(f"已导入 {count} 天（{'、'.join(str(y) for y in years)} 年）")
    return 0


def run_due(args: argparse.Namespace) -> int:
    try:
        start = parse_day(args.date, "受理日期")
    except DayTextError as exc:
        raise DeskError(str(exc)) from None
    if args.days < 0:
        raise DeskError("工作日数不能为负数")
    with _calendar(args) as calendar:
        try:
            due = calendar.add_workdays(start, args.days)
        except OverflowError:  # past 9999-12-31: a typo in the date or the number of days
            raise DeskError(f"{start} 之后 {args.days} 个工作日超出了可计算的日期范围，请检查日期和天数") from None
        for year in sorted({start.year, due.year}):
            if not calendar.has_official_year(year) and not calendar.has_entered_year(year):
                print(missing_year_warning(year))
    print(f"{due} 星期{WEEKDAYS[due.weekday()]}")
    return 0
