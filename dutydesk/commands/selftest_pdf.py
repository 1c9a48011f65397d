"""``dutydesk selftest-pdf OUT.pdf``: the print self-test page, for support and the packaging test.

It needs no data folder contents: it only proves that PDFs render Chinese with the font shipped
inside this installation (frozen bundle, wheel or checkout), and that the printer does not scale.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dutydesk.domain.clock import SystemClock


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("selftest-pdf", help="打印自检：生成一页含中文和 10 厘米标尺的 PDF")
    parser.add_argument("output", metavar="OUT.pdf", help="PDF 文件保存位置")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dutydesk.reports.selftest import write_selftest_pdf

    page = write_selftest_pdf(Path(args.output).expanduser(), SystemClock().now())
    print(f"已生成打印自检页：{page.path}")
    print(f"内嵌字体：{page.font_name}（{page.font_file}）")
    return 0
