"""``dutydesk township export summary --month YYYY-MM --format xlsx|pdf --out F``: the 镇级汇总表.

The ``township`` command group belongs to the township's store; it adds this with
``add_parser(its_subparsers)`` and calls ``run(args, village_months, township_name)``, so the
summary runs on whatever gives a month's ``VillageMonth`` list (the store, or tests' bundles).
Not in ``dutydesk/commands/``: that folder's modules are top-level commands found by themselves.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from dutydesk.domain.clock import SystemClock
from dutydesk.domain.text_input import normalize_compact
from dutydesk.store.datafolder import DeskError

if TYPE_CHECKING:  # the summary (and the ledgers it reads) load when the command runs, not at start
    from dutydesk.township.summary import MonthsLoader

KINDS = ("summary",)


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """``export`` under the township group, with ``summary`` (the only township export so far)."""
    export = subparsers.add_parser("export", help="导出镇级汇总表")
    kinds = export.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    summary = kinds.add_parser("summary", help="各村（社区）月度便民服务汇总表（xlsx 或 pdf）")
    summary.add_argument("--month", required=True, metavar="YYYY-MM", type=normalize_compact, help="月份")
    summary.add_argument("--format", dest="fmt", default=None, metavar="xlsx|pdf", type=normalize_compact,
                         help="格式（默认按输出文件扩展名）")
    summary.add_argument("--out", required=True, metavar="F", help="输出文件或文件夹")
    # Options given after the nested command belong to it: take the data folder here too.
    for parser in (export, summary):
        parser.add_argument("--data-dir", metavar="PATH", default=argparse.SUPPRESS, help="镇（街道）的数据文件夹")
        parser.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help="以哪个账户执行")
        parser.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                            help="镇级数据所在的 PostgreSQL 服务器（postgresql://…）")
    return export


def _target(out_text: str, fmt_text: str | None, township: str, period_slug: str) -> tuple[Path, str]:
    from dutydesk.commands.export import resolve_format
    from dutydesk.township.summary_ledger import file_name

    out = Path(out_text).expanduser()
    fmt = resolve_format(fmt_text, out)
    if out.is_dir():
        out = out / file_name(township, period_slug, fmt)
    elif not out.suffix:
        out = out.with_name(f"{out.name}.{fmt}")
    if not out.parent.is_dir():
        raise DeskError(f"输出文件夹不存在：{out.parent}")
    return out, fmt


def run(args: argparse.Namespace, months_loader: MonthsLoader, township: str = "",
        today: dt.date | None = None) -> int:
    """Write the summary for ``args.month`` from ``months_loader``; DeskError (Chinese) on bad
    input or a file that cannot be written."""
    from dutydesk.reports.ledgers.registry import Period
    from dutydesk.store.faults import file_fault_message
    from dutydesk.township.summary import township_summary
    from dutydesk.township.summary_ledger import write_summary

    try:
        period = Period.parse_month(args.month)
    except ValueError as exc:
        raise DeskError(str(exc)) from None
    out, fmt = _target(args.out, args.fmt, township, period.slug)
    summary = township_summary(period, months_loader)
    if not summary.villages:
        raise DeskError("还没有登记任何村（社区），请先导入各村的数据包")
    try:
        write_summary(summary, township, today or SystemClock().today(), out, fmt)
    except OSError as exc:
        raise DeskError(file_fault_message(exc, out)) from None
    print(f"已导出{period.text}镇级汇总表（{len(summary.villages)}个村（社区），"
          f"已报送{summary.this.submitted}个）：{out}")
    return 0
