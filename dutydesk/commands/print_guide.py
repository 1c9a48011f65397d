"""``dutydesk print guide --out FILE.pdf [--size A4|A3]``: the wall guide and flow charts (N08).

Registers ``print`` (or joins it, when another module already added it) with the ``guide``
kind. The guide holds no personal data, so the books are opened under the folder lock only.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dutydesk.domain.text_input import normalize_compact
from dutydesk.store.datafolder import DeskError


def _print_kinds(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    parser = sub.choices.get("print") or sub.add_parser("print", help="打印张贴材料（guide 办事指南和流程图）")
    kinds = getattr(parser, "dutydesk_kinds", None)
    if kinds is None:
        kinds = parser.add_subparsers(dest="print_kind", metavar="KIND", required=True)
        parser.dutydesk_kinds = kinds
    return kinds


def register(sub: argparse._SubParsersAction) -> None:
    parser = _print_kinds(sub).add_parser("guide", help="按当前目录打印便民服务指南和每个事项的流程图")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    parser.add_argument("--size", default="A4", type=lambda s: normalize_compact(s).upper(), metavar="A4|A3",
                        help="纸张大小（A4 或 A3，默认 A4）")
    # the main parser adds --data-dir to ``print``; a kind parses the rest of the line, so it takes it too
    parser.add_argument("--data-dir", metavar="PATH", default=argparse.SUPPRESS, help="数据文件夹")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import locked_desk
    from dutydesk.reports.wall_guide import GuideError, guide_data, render_guide
    from dutydesk.store.center import load_center

    if args.size not in ("A4", "A3"):
        raise DeskError("纸张只能是 A4 或 A3")
    out = Path(args.out).expanduser()
    with locked_desk(args) as desk:
        center = load_center()
        if center is None:
            raise DeskError("请先填写服务中心信息")
        try:
            path = render_guide(guide_data(center, desk.today()), out, args.size)
        except GuideError as exc:
            raise DeskError(str(exc)) from None
    print(f"已生成办事指南（{args.size}）：{path}")
    return 0
