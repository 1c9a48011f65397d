"""``dutydesk reprint slip DB2026-000123 --reason 群众遗失 --out 代办单.pdf``: a registered 补打 (N06).

The paper keeps its number and is marked 补打 (which reprint, when, by whom); the reprint register
records who printed it again and why. The reason is required: given with ``--reason``, or asked
on the terminal. Runs as the command-line identity (``--user`` and a password once any account
has one), like every command on the books.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dutydesk.domain.text_input import normalize_compact, normalize_text
from dutydesk.store.datafolder import DeskError

PAPERS = {"slip": "代办单", "receipt": "收件回执单", "notice": "一次性告知单"}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "reprint", help="补打单据（slip 代办单 / receipt 收件回执单 / notice 一次性告知单），登记补打原因")
    parser.add_argument("paper", metavar="PAPER", type=normalize_compact, help="slip、receipt 或 notice")
    parser.add_argument("ref", metavar="NUMBER", type=normalize_compact, help="单号，例如 DB2026-000123")
    parser.add_argument("--size", default="A4", metavar="A4|A5", type=normalize_compact, help="纸张（默认 A4）")
    parser.add_argument("--out", required=True, metavar="FILE.pdf",
                        help="输出的 PDF 文件，或已存在的文件夹（自动命名）")
    parser.add_argument("--reason", default=None, type=normalize_text, help="补打原因（必填；省略时在终端询问）")
    parser.set_defaults(func=run)


def _reason(given: str | None) -> str:
    if given is not None:
        return given
    if sys.stdin is not None and sys.stdin.isatty():
        return normalize_text(input("补打原因（必填，如群众遗失）："))
    raise DeskError("请用 --reason 填写补打原因")


def _target(out: Path, paper: str, ref: str, size: str) -> Path:
    if out.is_dir():
        return out / f"{ref}-{PAPERS[paper]}-补打-{size}.pdf"
    if out.suffix.lower() != ".pdf":
        raise DeskError(f"输出文件应为 .pdf：{out}")
    if not out.parent.is_dir():
        raise DeskError(f"输出文件夹不存在：{out.parent}")
    return out


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import identified_desk
    from dutydesk.reports.reprint_papers import SIZES, reprint_paper
    from dutydesk.store.faults import file_fault_message
    from dutydesk.store.notices.reprints import ReprintInvalid

    paper = args.paper.lower()
    if paper not in PAPERS:
        raise DeskError(f"不能补打 {args.paper}，可选：slip（代办单）、receipt（收件回执单）、notice（一次性告知单）")
    size = args.size.upper()
    if size not in SIZES:
        raise DeskError(f"纸张只能是 A4 或 A5：{args.size}")
    ref = args.ref.upper()
    out = _target(Path(args.out).expanduser(), paper, ref, size)
    reason = _reason(args.reason)
    if not reason.strip():
        raise DeskError("请填写补打原因")
    with identified_desk(args) as desk:
        try:
            done = reprint_paper(paper, ref, reason, desk.who, desk.now(), desk.folder.path, size, copy_to=out)
        except ReprintInvalid as exc:
            raise DeskError(str(exc)) from None
        except OSError as exc:  # a read-only folder, a full disk, the file open in another program
            raise DeskError(file_fault_message(exc, out)) from None
        mark = done.reprint.mark
    print(f"已补打{PAPERS[paper]} {done.reprint.ref}（{mark}）：{out}")
    return 0
