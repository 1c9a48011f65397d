"""``dutydesk handoff --month YYYY-MM --out DIR``: the month's hand-off to the township, for scripts.

Writes the signed township bundle (数据包, issue 16) and, with ``--ledger KEY`` (repeatable) or
``--ledger all``, the ledgers beside it, exactly as 导出到U盘 does: a dated folder under DIR,
read back and checked, logged (A01). Phones and ID numbers travel masked unless ``--unmasked``
with a reason and a director's approval (V09).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dutydesk.domain.text_input import normalize_compact, normalize_text
from dutydesk.store.datafolder import DeskError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("handoff", help="把某月的数据包（及台账）交给镇（街道）")
    parser.add_argument("--month", required=True, metavar="YYYY-MM", type=normalize_compact, help="月份")
    parser.add_argument("--out", required=True, metavar="DIR", help="导出到的文件夹（如U盘）")
    parser.add_argument("--ledger", action="append", default=[], metavar="KEY", type=normalize_compact,
                        help="同时导出的台账（可重复；all 为全部台账）")
    parser.add_argument("--format", dest="fmt", default="xlsx", metavar="xlsx|pdf", type=normalize_compact,
                        help="台账格式（默认 xlsx）")
    parser.add_argument("--unmasked", action="store_true", help="交出完整电话和身份证号（须主任批准，会记录）")
    parser.add_argument("--reason", default="", type=normalize_text, help="交出完整信息的原因")
    parser.add_argument("--approver", default="", metavar="主任姓名", type=normalize_text, help="批准的主任")
    parser.set_defaults(func=run)


def _choices(keys: list[str], fmt: str) -> list[tuple[str, str]]:
    from dutydesk.reports.ledgers import LEDGERS

    if fmt not in ("xlsx", "pdf"):
        raise DeskError(f"格式只能是 xlsx 或 pdf：{fmt}")
    if "all" in keys:
        keys = list(LEDGERS)
    unknown = [k for k in keys if k not in LEDGERS]
    if unknown:
        raise DeskError(f"没有名为 {'、'.join(unknown)} 的台账，可选：{', '.join(LEDGERS)}")
    return [(key, fmt) for key in dict.fromkeys(keys)]


def _grant(desk, period, args):
    from dutydesk.commands.export import _director_password
    from dutydesk.store.accounts.account import can_approve
    from dutydesk.store.privacy import ExportRefused, authorize_unmasked_export

    if not args.reason.strip():
        raise DeskError("交出完整信息必须用 --reason 填写原因")
    if not args.approver.strip():
        raise DeskError("交出完整信息须用 --approver 指定批准的主任")
    what = f"交给镇（街道）的数据包（{period.text}）"
    try:
        if desk.account is not None and args.approver == desk.account.name and can_approve(desk.account):
            return authorize_unmasked_export(desk.account, what, args.reason, desk.now())
        return authorize_unmasked_export(desk.account, what, args.reason, desk.now(), director_name=args.approver,
                                         password=_director_password(args.approver))
    except ExportRefused as exc:
        raise DeskError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import identified_desk
    from dutydesk.reports.handoff import hand_off
    from dutydesk.reports.ledgers import Period
    from dutydesk.store.center import load_center

    try:
        period = Period.parse_month(args.month)
    except ValueError as exc:
        raise DeskError(str(exc)) from None
    choices = _choices(args.ledger, args.fmt.lower())
    out = Path(args.out).expanduser()
    if not out.is_dir():
        raise DeskError(f"导出文件夹不存在：{out}")
    with identified_desk(args) as desk:
        profile = load_center()
        if profile is None or not profile.division_code:
            raise DeskError("请先在“工具 → 中心信息”中填写统计用区划代码，再交数据包")
        grant = _grant(desk, period, args) if args.unmasked else None
        result = hand_off(desk, out, period, choices, grant=grant)
    print(f"已交出{period.text}的数据包{'及' + str(len(result.files)) + '种台账' if result.files else ''}"
          f"{'，含完整电话和身份证号' if grant else ''}：{result.folder}")
    return 0
