"""``dutydesk township …``: the township's side of the monthly hand-off (issue 16).

``init`` makes the township's data folder; ``import DIR…`` takes villages' bundles (a stick's
root or hand-off folders); ``status --month`` shows 报送情况; ``return`` / ``approve`` decide a
village's month; ``proxy-result`` records the township's result for a village's 代办单;
``backup`` copies the books; ``export summary`` writes the 镇级汇总表 and ``package`` the package
back down to the villages (a chain: each after the last one written). ``--database postgresql://…``
puts (or finds) the books on a PostgreSQL server instead of the folder's SQLite file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dutydesk.domain.text_input import normalize_compact, normalize_text
from dutydesk.store.datafolder import DeskError

DATABASE_HELP = "镇级数据放在 PostgreSQL 服务器上：postgresql://用户名@服务器:端口/数据库名（密码用 PGPASSWORD）"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("township", help="镇（街道）汇总各村报送的数据：建立、导入、报送情况、审核")
    actions = parser.add_subparsers(dest="township_command", metavar="ACTION", required=True)

    def action(name: str, text: str, run) -> argparse.ArgumentParser:
        p = actions.add_parser(name, help=text)
        p.add_argument("--data-dir", metavar="PATH", default=argparse.SUPPRESS, help="镇级数据文件夹")
        p.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help="以哪个账户执行")
        p.add_argument("--database", metavar="URL", default=None, help=DATABASE_HELP)
        p.set_defaults(func=run)
        return p

    p = action("init", "建立镇级数据文件夹", _init)
    p.add_argument("--name", required=True, type=normalize_text, help="乡镇（街道）名称")
    p.add_argument("--code", required=True, help="乡镇（街道）的12位统计用区划代码")
    p = action("import", "导入各村的数据包（U盘根目录或交出的文件夹，可多个）", _import)
    p.add_argument("dirs", nargs="+", metavar="DIR", help="U盘或文件夹")
    p.add_argument("--yes", action="store_true", help="首次登记的村和中间缺少数据包的情况一律确认导入")
    p = action("status", "某月各村的报送情况", _status)
    p.add_argument("--month", required=True, metavar="YYYY-MM", type=normalize_compact, help="月份")
    for name, text, run in (("return", "退回某村某月的数据（须写原因）", _return),
                            ("approve", "审核通过某村某月的数据", _approve)):
        p = action(name, text, run)
        p.add_argument("--village", required=True, metavar="CODE", type=normalize_compact, help="村的统计用区划代码")
        p.add_argument("--month", required=True, metavar="YYYY-MM", type=normalize_compact, help="月份")
        p.add_argument("--reason", default="", type=normalize_text, help="原因")
    p = action("proxy-result", "登记镇里对某村代办单的办理结果", _proxy_result)
    p.add_argument("--village", required=True, metavar="CODE", type=normalize_compact, help="村的统计用区划代码")
    p.add_argument("--slip", required=True, metavar="单号", type=normalize_compact, help="代办单号，如 DB2026-000123")
    p.add_argument("--result", required=True, metavar="已办结|退回补件", help="办理结果")
    p.add_argument("--reason", default="", type=normalize_text, help="原因（退回补件时必填）")
    p = action("backup", "备份镇级数据", _backup)
    p.add_argument("--list", action="store_true", help="列出已有的备份（最新的在前），不做新的备份")
    p = action("set-setting", "设定各村的设置（按日期生效，随下发数据包带回各村）", _set_setting)
    p.add_argument("--key", required=True, metavar="KEY", type=normalize_compact,
                   help="设置项，如 duty.joint_liability")
    p.add_argument("--value", required=True, metavar="VALUE", help="新的值，如 80")
    p.add_argument("--from", dest="since", required=True, metavar="YYYY-MM-DD", type=normalize_compact,
                   help="从哪天起执行")
    _register_export_and_package(actions)
    add_restore_parser(actions)


def add_restore_parser(actions: argparse._SubParsersAction) -> None:
    """``restore FILE`` (township.restore_command)."""
    from dutydesk.township.restore_command import add_parser

    p = add_parser(actions)
    p.add_argument("--data-dir", metavar="PATH", default=argparse.SUPPRESS, help="镇级数据文件夹")
    p.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help="以哪个账户执行")
    p.add_argument("--database", metavar="URL", default=None, help=DATABASE_HELP)


def _register_export_and_package(actions: argparse._SubParsersAction) -> None:
    """``export summary`` (township.summary_command) and ``package`` (township.package) on the books."""
    from dutydesk.township.package import add_package_parser
    from dutydesk.township.summary_command import add_parser

    add_parser(actions).set_defaults(func=_export_summary)
    p = add_package_parser(actions)
    p.add_argument("--data-dir", metavar="PATH", default=argparse.SUPPRESS, help="镇级数据文件夹")
    p.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help="以哪个账户执行")
    p.add_argument("--database", metavar="URL", default=None, help=DATABASE_HELP)
    p.add_argument("--catalogue", metavar="FILE", default=None,
                   help="随数据包下发的办事指南目录（值班台“导出目录”得到的文件）")
    p.add_argument("--holidays", metavar="FILE", nargs="+", default=[],
                   help="随数据包下发的节假日文件（每个文件一年，软件未自带的年份）")
    p.set_defaults(func=_package)


@contextmanager
def township_books(args: argparse.Namespace) -> Iterator:
    """Open the township's books under the folder lock, as the named account (password once set)."""
    from dutydesk.cli import folder_from
    from dutydesk.cli_identity import identify
    from dutydesk.township.township_folder import open_township

    folder = folder_from(args)
    with folder.lock():
        township = open_township(folder, getattr(args, "database", None))
        if township.notice:
            print(township.notice, file=sys.stderr)
        try:
            township.account = identify(getattr(args, "user", None), township.now())
            yield township
        finally:
            township.close()


def _init(args: argparse.Namespace) -> int:
    from dutydesk.cli import folder_from
    from dutydesk.township.township_database import without_password
    from dutydesk.township.township_folder import init_township

    folder = folder_from(args)
    with folder.lock():
        township = init_township(folder, args.name, args.code, args.database)
        township.close()
    where = f"，数据库：{without_password(args.database)}" if args.database else ""
    print(f"已建立{args.name}的镇级数据文件夹：{folder.path}{where}")
    return 0


def _ask(question: str) -> bool:
    if sys.stdin is None or not sys.stdin.isatty():
        return False
    answer = input(f"{question}（是/否）：").strip().lower()
    return answer in ("是", "y", "yes", "确认")


def _import(args: argparse.Namespace) -> int:
    from dutydesk.township.importing import ALREADY, IMPORTED, REFUSED, SKIPPED, find_bundles, import_bundles
    from dutydesk.township.township_backup import take_township_backup

    paths = [Path(d).expanduser() for d in args.dirs]
    if not find_bundles(paths):
        raise DeskError("所给的文件夹中没有找到数据包（“数据包”文件夹）")
    with township_books(args) as township:
        if not township.url:
            take_township_backup(township, township.now(), "import")
        outcomes = import_bundles(township, paths, (lambda _q: True) if args.yes else _ask)
    for o in outcomes:
        head = f"{o.village} {o.period}".strip() or str(o.folder)
        print(f"{o.label}：{head}{'：' + o.message if o.message else ''}")
        if o.outcome == SKIPPED:
            print("  如已核对无误，请加 --yes 再次导入")
    counts = {k: sum(o.outcome == k for o in outcomes) for k in (IMPORTED, ALREADY, REFUSED, SKIPPED)}
    print(f"共 {len(outcomes)} 个数据包：导入 {counts[IMPORTED]} 个，已导入过 {counts[ALREADY]} 个，"
          f"拒绝 {counts[REFUSED]} 个，未确认 {counts[SKIPPED]} 个")
    return 1 if counts[REFUSED] or counts[SKIPPED] else 0


def _month(text: str) -> str:
    from dutydesk.township.township_books import check_period

    try:
        return check_period(text)
    except ValueError as exc:
        raise DeskError(str(exc)) from None


def _status(args: argparse.Namespace) -> int:
    from dutydesk.township.township_books import month_statuses

    period = _month(args.month)
    with township_books(args) as township:
        lines = month_statuses(period)
        name = township.profile().name
    print(f"{name} {period} 报送情况（共 {len(lines)} 个村/社区）")
    for line in lines:
        parts = [line.code, line.name, line.label]
        if line.submitted_at:
            again = f"（共{line.bundles}次）" if line.bundles > 1 else ""
            parts.append(f"报送于 {line.submitted_at:%Y-%m-%d %H:%M}{again}")
        if line.reviewed_at:
            parts.append(f"{line.reviewed_by} {line.reviewed_at:%Y-%m-%d}")
        if line.reasons:
            parts.append(f"原因：{line.reasons}")
        if line.flags:
            parts.append("提示：" + "；".join(line.flags))
        print("  ".join(parts))
    return 0


def _decide(args: argparse.Namespace, decision: str) -> int:
    from dutydesk.township.month_review import DECISIONS, decide

    period = _month(args.month)
    with township_books(args) as township:
        review = decide(args.village, period, decision, args.reason, township.who, township.now())
        name = review.village.name
    print(f"{name} {period}：{DECISIONS[decision]}")
    return 0


def _return(args: argparse.Namespace) -> int:
    from dutydesk.township.village_month import RETURNED

    return _decide(args, RETURNED)


def _approve(args: argparse.Namespace) -> int:
    from dutydesk.township.village_month import APPROVED

    return _decide(args, APPROVED)


def _proxy_result(args: argparse.Namespace) -> int:
    from dutydesk.township.proxy_result import RESULT_LABELS, record_result, result_code

    result = result_code(args.result)
    with township_books(args) as township:
        row = record_result(args.village, args.slip, result, args.reason, township.who, township.now())
        name = row.village.name
    print(f"已登记：{name} 代办单 {row.slip_no} {RESULT_LABELS[result]}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from dutydesk.township.township_backup import take_township_backup

    if args.list:
        from dutydesk.township.restore_command import list_township_backups

        return list_township_backups(args)
    with township_books(args) as township:
        target = take_township_backup(township, township.now())
    print(f"已备份到：{target}")
    return 0


def _export_summary(args: argparse.Namespace) -> int:
    from dutydesk.township.summary_command import run
    from dutydesk.township.township_books import village_months

    with township_books(args) as township:
        return run(args, village_months, township.profile().name, township.today())


def _package(args: argparse.Namespace) -> int:
    from dutydesk.township.package import run_package
    from dutydesk.township.package_log import holiday_years, package_content, remember_package
    from dutydesk.township.summary import township_calendar

    catalogue = Path(args.catalogue).expanduser() if args.catalogue else None
    if catalogue is not None and not catalogue.is_file():
        raise DeskError(f"找不到办事指南目录文件：{catalogue}")
    holidays = holiday_years([Path(f).expanduser() for f in args.holidays], township_calendar().has_official_year)
    with township_books(args) as township:
        content, upto = package_content(township, catalogue, holidays)

        def logged(written) -> None:
            with township.db.atomic():
                remember_package(written, upto, township.who, content["written_at"])

        return run_package(args, lambda _args: content, on_written=logged)


def _set_setting(args: argparse.Namespace) -> int:
    """A village setting the township sets (penalty standards, deadlines): dated, carried down by
    the next package; the township's own 报送情况 thresholds (township.*) too, kept at home."""
    import datetime as dt
    import json

    import dutydesk.store.features  # noqa: F401  every module's settings declared
    from dutydesk.domain.setting_values import value_problem
    from dutydesk.domain.settings import REGISTRY
    from dutydesk.store.settings import set_setting
    from dutydesk.township.package_import import _same_type, _value_text

    setting = REGISTRY.get(args.key)
    if setting is None:
        raise DeskError(f"没有名为 {args.key} 的设置项")
    try:
        value = json.loads(normalize_compact(args.value))
    except ValueError:
        value = normalize_text(args.value)
    if not _same_type(value, setting.default):
        raise DeskError(f"{setting.label}：值“{args.value}”不对，应与默认值“{_value_text(setting.default)}”同类")
    problem = value_problem(setting, value)
    if problem:
        raise DeskError(f"{setting.label}：值“{args.value}”不能采用（{problem}）")
    try:
        since = dt.date.fromisoformat(args.since)
    except ValueError:
        raise DeskError(f"日期应写成 YYYY-MM-DD，如 2027-01-01：{args.since}") from None
    with township_books(args) as township, township.db.atomic():
        set_setting(setting, value, since, township.who, township.now())
    print(f"已设定：{setting.label} 为 {_value_text(value)}，自 {since} 起执行")
    return 0
