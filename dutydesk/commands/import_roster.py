"""``dutydesk import residents FILE.xlsx|.csv [--yes]``: the village's 花名册 into the resident files (G02).

Without ``--yes`` the command only previews: it prints which header it found, how the columns
were mapped, every faulty row by its spreadsheet row number and why, and what would change, then
exits 1 saying to add ``--yes``. With ``--yes`` the good rows are imported in one transaction;
importing the same file again changes nothing. Imports write personal data, so the books are
opened with ``cli.identified_desk`` (``--user`` and a password once an account has one).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dutydesk.domain.text_input import normalize_text
from dutydesk.store.datafolder import DeskError

CONFIRM = "以上为预览，尚未导入。核对无误后，请加 --yes 重新运行以导入正确的行。"


def _import_parsers(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The subcommands of ``dutydesk import`` (created here, or found when another module made it)."""
    parser = sub.choices.get("import")
    if parser is None:
        parser = sub.add_parser("import", help="导入文件（residents 花名册）")
        parser.set_defaults(func=lambda args: _missing_what())
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="what", metavar="WHAT")


def _missing_what() -> int:
    raise DeskError("请指明导入什么，例如：dutydesk import residents 花名册.xlsx")


def add_import_command(sub: argparse._SubParsersAction, name: str, help: str, *, run,
                       source: str, source_metavar: str, source_help: str, yes_help: str,
                       option: str, option_metavar: str, option_help: str) -> argparse.ArgumentParser:
    """``dutydesk import NAME SOURCE [--yes] [OPTION 名称]``: the shape every import command shares
    (a preview unless ``--yes``; one optional name, typed text normalised)."""
    parser = _import_parsers(sub).add_parser(name, help=help)
    parser.add_argument(source, metavar=source_metavar, help=source_help)
    parser.add_argument("--yes", action="store_true", help=yes_help)
    parser.add_argument(option, default="", metavar=option_metavar, type=normalize_text, help=option_help)
    # cli.build_parser gives these to each top-level command; a nested one takes them itself.
    parser.add_argument("--data-dir", metavar="PATH", default=argparse.SUPPRESS, help="数据文件夹")
    parser.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help="以哪个账户执行")
    parser.set_defaults(func=run)
    return parser


def register(sub: argparse._SubParsersAction) -> None:
    add_import_command(
        sub, "residents", "导入村民花名册（.xlsx 或 .csv）：先预览，加 --yes 才导入", run=run,
        source="file", source_metavar="FILE", source_help="花名册文件（.xlsx 或 .csv）",
        yes_help="确认导入正确的行（不加时只预览）",
        option="--area", option_metavar="片区名称", option_help="新建的户归入哪个片区（省略时为“未划片区”）")


def preview_lines(plan) -> list[str]:
    """The preview as the command prints it (names only: no phone or ID number is printed, V09)."""
    roster = plan.roster
    lines = [f"表头在第{roster.header_row}行；{roster.columns_text}"]
    if roster.ignored_columns:
        lines.append(f"未使用的列：{'、'.join(roster.ignored_columns)}")
    if plan.problems:
        lines.append(f"有误的行（{len(plan.problems)}行，不会导入）：")
        lines += [f"  {p.text}" for p in plan.problems]
    upgraded = [f"第{p.row.row}行（{p.row.name}）" for p in plan.rows if p.row.upgraded]
    if upgraded:
        lines.append(f"15位身份证号码已升级为18位：{'、'.join(upgraded)}")
    lines.append(plan.summary())
    return lines


def _area_id(name: str) -> int | None:
    from dutydesk.store.grid.area import areas

    if not name:
        return None
    for area in areas():
        if area.name == name:
            return area.id
    raise DeskError(f"没有名为“{name}”的片区，可选：{'、'.join(a.name for a in areas()) or '（尚未建片区）'}")


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import identified_desk
    from dutydesk.domain.grid.roster_file import RosterFileError
    from dutydesk.store.audit import RecordLocked
    from dutydesk.store.grid.roster_import import apply_import, read_and_plan

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise DeskError(f"找不到文件：{path}")
    with identified_desk(args) as desk:
        area_id = _area_id(args.area)
        try:
            plan = read_and_plan(path, desk.today())
        except RosterFileError as exc:
            raise DeskError(str(exc)) from None
        for line in preview_lines(plan):
            print(line)
        if not args.yes:
            print(CONFIRM, file=sys.stderr)
            return 1
        if not plan.rows:
            raise DeskError("没有可导入的行，请先改正表中有误的行")
        if plan.to_write == 0:
            print("花名册中的人员都已在册，没有需要导入的变化")
            return 0
        try:
            result = apply_import(plan.roster, desk.who, desk.now(), area_id)
        except RecordLocked as exc:  # a resident filed in a closed year (A04): all or nothing
            raise DeskError(f"{exc}。没有导入任何记录") from None
    print(f"已导入：{result.text}")
    return 0
