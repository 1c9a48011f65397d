"""``dutydesk diagnose --out FILE.zip``: versions, settings, check result, known holiday years and
the last log lines in one zip for the township's IT person; no personal data (store.diagnostics)."""

from __future__ import annotations

import argparse
from pathlib import Path

from dutydesk.store.datafolder import DeskError
from dutydesk.store.diagnostics import LOG_LINES, write_diagnostics


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("diagnose", help="生成诊断包（版本、设置、检查结果、日志末尾；不含个人信息）")
    parser.add_argument("--out", metavar="FILE.zip", required=True, help="诊断包保存位置（.zip）")
    parser.add_argument("--lines", type=int, default=LOG_LINES, metavar="N", help=f"日志最后多少行（默认 {LOG_LINES}）")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import folder_from, locked_desk

    out = Path(args.out)
    if out.suffix.lower() != ".zip":
        raise DeskError("诊断包应保存为 .zip 文件，例如 --out 诊断包.zip")
    if args.lines < 1:
        raise DeskError("--lines 应为正整数")
    folder = folder_from(args)
    try:
        with locked_desk(args) as desk:
            write_diagnostics(out, folder.logs_dir, folder.db_path, desk.today(), desk, args.lines)
    except DeskError as exc:  # books missing, damaged or in use: the logs are what helps most then
        from dutydesk.domain.clock import SystemClock

        write_diagnostics(out, folder.logs_dir, folder.db_path, SystemClock().today(), None, args.lines, str(exc))
        print(f"注意：账本未能打开（{exc}），诊断包只含版本和日志。")
    print(f"诊断包已生成：{out}")
    return 0
