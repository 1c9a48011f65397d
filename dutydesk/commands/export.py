"""``dutydesk export LEDGER``: write one ledger (台账) as xlsx or pdf for a period.

Scriptable counterpart of the 导出 menu, e.g. for a scheduled month-end export:
``dutydesk export monthly --month 2026-11 --format pdf --out 11月统计.pdf``.
Every mistake is one Chinese line and exit code 1 (no argparse usage dump, no traceback).

Phones and ID numbers are masked (V09) unless ``--unmasked`` is given with a reason and a
director who types their password (read from the terminal, or from stdin when piped); every
export of a ledger with personal data goes to the export log.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from dutydesk.domain.day_text import DayTextError, parse_day
from dutydesk.domain.text_input import normalize_compact, normalize_text
from dutydesk.store.datafolder import DeskError

LEDGER_LIST = "{ledgers}"  # the epilog: _LedgerHelp lists the ledgers there when help is shown


def ledger_keys() -> tuple[str, ...]:
    """Every registered ledger's key (``reports.ledgers.LEDGERS``), in the export menu's order."""
    from dutydesk.reports.ledgers import LEDGERS

    return tuple(LEDGERS)


def ledger_lines() -> list[str]:
    """The registered ledgers as help lists them, one a line: ``duty  值班记录簿``."""
    from dutydesk.reports.ledgers import LEDGERS

    width = max(len(key) for key in LEDGERS) + 2
    return [f"{key:<{width}}{spec.name}{'（按月）' if spec.monthly else ''}" for key, spec in LEDGERS.items()]


def __getattr__(name: str) -> tuple[str, ...]:
    # LEDGER_KEYS is derived from the registry when asked for, so a new ledger is never left out
    # and importing this module (every CLI start) does not load all the ledger modules.
    if name == "LEDGER_KEYS":
        return ledger_keys()
    raise AttributeError(name)


class _LedgerHelp(argparse.HelpFormatter):
    """Lists the registered ledgers (one a line, below the options) only when ``dutydesk export
    -h`` is shown: loading every ledger module (openpyxl, reportlab) at start-up would slow every
    command down."""

    def _format_text(self, text: str) -> str:
        if text == LEDGER_LIST:
            return "可导出的台账（LEDGER）：\n" + "".join(f"  {line}\n" for line in ledger_lines()) + "\n"
        return super()._format_text(text)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="导出台账（dutydesk export -h 列出全部台账）",
                            formatter_class=_LedgerHelp, epilog=LEDGER_LIST)
    # V09: what is typed on the command line is read in normal form (type=), paths excepted.
    parser.add_argument("ledger", metavar="LEDGER", type=normalize_compact,
                        help="要导出的台账（见下方列表），如 visits")
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD", type=normalize_compact,
                        help="起始日期（含）")
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", type=normalize_compact,
                        help="截止日期（含）")
    parser.add_argument("--month", metavar="YYYY-MM", type=normalize_compact,
                        help="月份（按月的台账必填，其他台账可代替起止日期）")
    parser.add_argument("--format", dest="fmt", metavar="xlsx|pdf", type=normalize_compact,
                        help="文件格式；省略时按 --out 的扩展名")
    parser.add_argument("--out", required=True, metavar="PATH", help="输出文件，或已存在的文件夹（自动命名）")
    parser.add_argument("--unmasked", action="store_true", help="导出完整电话和身份证号（须主任批准，会记录）")
    parser.add_argument("--reason", default="", type=normalize_text,
                        help="导出完整信息的原因（与 --unmasked 一起用）")
    parser.add_argument("--approver", default="", metavar="主任姓名", type=normalize_text,
                        help="批准的主任（与 --unmasked 一起用）")
    parser.set_defaults(func=run)


def _date(text: str, what: str) -> dt.date:
    try:
        return parse_day(text, what)
    except DayTextError as exc:
        raise DeskError(str(exc)) from None


def resolve_period(ledger: str, start: str | None, end: str | None, month: str | None):
    """The period a command asks for, or a DeskError saying what is missing."""
    from dutydesk.reports.ledgers import LEDGERS, Period

    if ledger not in LEDGERS:
        raise DeskError(f"没有名为 {ledger} 的台账，可选：{', '.join(LEDGERS)}")
    spec = LEDGERS[ledger]
    if month:
        if start or end:
            raise DeskError("--month 与 --from/--to 只能选一种")
        try:
            return spec, _in_range(Period.parse_month(month))
        except ValueError as exc:
            raise DeskError(str(exc)) from None
    if spec.monthly:
        raise DeskError(f"{spec.name}按月统计，请用 --month YYYY-MM 指定月份")
    if not start or not end:
        raise DeskError("请用 --from 和 --to 指定起止日期（或用 --month 指定月份）")
    first, last = _date(start, "起始日期"), _date(end, "截止日期")
    if first > last:
        raise DeskError("起始日期不能晚于截止日期")
    return spec, _in_range(Period(first, last))


def _in_range(period):
    """A period the books can hold (1900-2100, as imports check): 0001-01-01 or 9999-12-31 is a
    typo, and counting working days or half-years past them would fail deep inside."""
    if period.start.year < 1900 or period.end.year > 2100:
        raise DeskError(f"日期应在1900年至2100年之间：{period.start} 至 {period.end}")
    return period


def resolve_format(fmt: str | None, out: Path) -> str:
    suffix = out.suffix.lower().lstrip(".")
    if fmt is None:
        if suffix in ("xlsx", "pdf"):
            return suffix
        if out.is_dir():
            return "xlsx"
        raise DeskError("请用 --format xlsx 或 --format pdf 指定格式")
    fmt = fmt.lower()
    if fmt not in ("xlsx", "pdf"):
        raise DeskError(f"格式只能是 xlsx 或 pdf：{fmt}")
    if not out.is_dir() and suffix and suffix != fmt:
        raise DeskError(f"输出文件扩展名 .{suffix} 与格式 {fmt} 不一致")
    return fmt


def _director_password(name: str) -> str:
    import getpass
    import sys

    if sys.stdin.isatty():
        return getpass.getpass(f"请{name}输入密码：")
    return sys.stdin.readline().rstrip("\n")


def approve_unmasked(desk, spec, period, reason: str, approver: str):
    """The grant for an unmasked export, or a DeskError naming what is missing or wrong."""
    from dutydesk.store.accounts.account import can_approve
    from dutydesk.store.privacy import ExportRefused, authorize_unmasked_export

    if not spec.personal:
        raise DeskError(f"{spec.name}不含电话和身份证号，无需 --unmasked")
    if not reason.strip():
        raise DeskError("导出完整信息必须用 --reason 填写原因")
    if not approver.strip():
        raise DeskError("导出完整信息须用 --approver 指定批准的主任")
    what = f"{spec.name}（{period.text}）"
    try:
        if desk.account is not None and approver.strip() == desk.account.name and can_approve(desk.account):
            # the director runs the command under --user and typed their password already
            return authorize_unmasked_export(desk.account, what, reason, desk.now())
        return authorize_unmasked_export(desk.account, what, reason, desk.now(),
                                         director_name=approver.strip(),
                                         password=_director_password(approver.strip()))
    except ExportRefused as exc:
        raise DeskError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import identified_desk
    from dutydesk.reports.ledger import write_ledger
    from dutydesk.reports.ledgers.registry import header
    from dutydesk.store.faults import file_fault_message
    from dutydesk.store.privacy import log_export

    spec, period = resolve_period(args.ledger, args.start, args.end, args.month)
    out = Path(args.out).expanduser()
    fmt = resolve_format(args.fmt, out)
    with identified_desk(args) as desk:
        if out.is_dir():
            out = out / spec.file_name(header(desk)[0], period, fmt)
        elif not out.suffix:
            out = out.with_name(f"{out.name}.{fmt}")
        if not out.parent.is_dir():
            raise DeskError(f"输出文件夹不存在：{out.parent}")
        grant = approve_unmasked(desk, spec, period, args.reason, args.approver) if args.unmasked else None
        ledger = spec.make(desk, period, grant)
        rows = [0]
        try:
            write_ledger(ledger, out, fmt, lambda done: rows.__setitem__(0, done))
        except OSError as exc:  # a read-only folder, a full disk, the file open in WPS
            raise DeskError(file_fault_message(exc, out)) from None
        if spec.personal:
            log_export(desk.who, desk.now(), f"{spec.name}（{period.text}）", grant, path=str(out))
    print(f"已导出{spec.name}（{period.text}，{rows[0]}行）{'，含完整电话和身份证号' if grant else ''}：{out}")
    return 0
