"""The ``dutydesk`` command: opens the GUI, or runs a subcommand on a data folder.

Subcommands live in ``dutydesk/commands/``; each module has ``register(subparsers)`` that adds its
parser and sets ``func(args) -> int``. A new module there is found and slotted in by itself.
Errors reach the user as one line on stderr, never as a traceback (the traceback goes to the log).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import logging.handlers
import pkgutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from dutydesk import __version__, commands
from dutydesk.cli_text import ChineseArgumentParser, os_error_text
from dutydesk.store.datafolder import DataFolder, DeskError, resolve_data_dir

COMMANDS = sorted(
    f"{commands.__name__}.{info.name}" for info in pkgutil.iter_modules(commands.__path__)
)

log = logging.getLogger("dutydesk")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="dutydesk",
        description="值班台 DutyDesk：党群服务中心前台值班、来访登记、一次性告知与台账",
    )
    parser.add_argument("--version", action="version", version=f"DutyDesk {__version__}")
    parser.add_argument(
        "--data-dir", metavar="PATH",
        help="数据文件夹（也可用环境变量 DUTYDESK_DATA_DIR）",
    )
    parser.add_argument(
        "--demo", action="store_true", help="使用单独的演示数据文件夹（首次自动生成演示数据）"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        importlib.import_module(module).register(sub)
    # Let "dutydesk check --data-dir X" work as well as "dutydesk --data-dir X check".
    for choice in sub.choices.values():
        choice.add_argument("--data-dir", metavar="PATH", default=argparse.SUPPRESS,
                            help="数据文件夹")
    return parser


def folder_from(args: argparse.Namespace) -> DataFolder:
    return DataFolder(resolve_data_dir(args.data_dir, demo=args.demo))


def setup_logging(folder: DataFolder) -> None:
    """Log to a rotating file in the data folder; the user sees messages, the log keeps details."""
    folder.logs_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder.logs_dir / "dutydesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [h for h in root.handlers if not isinstance(h, logging.FileHandler)]
    root.addHandler(handler)
    root.setLevel(logging.INFO)


@contextmanager
def locked_desk(args: argparse.Namespace, must_exist: bool = True) -> Iterator:
    """Open the data folder's books for a command, holding the folder lock throughout."""
    from dutydesk.desk import open_desk
    from dutydesk.store.backup import latest_good_backup
    from dutydesk.store.restore import before_opening, books_missing

    folder = folder_from(args)
    if must_exist and books_missing(folder) and (backup := latest_good_backup(folder)):
        raise DeskError(f"数据文件夹中找不到账本文件，但有备份。可用 dutydesk restore {backup} 恢复")
    if must_exist and not folder.db_path.exists():
        raise DeskError(f"数据文件夹中没有值班台数据：{folder.path}")
    with folder.lock():
        notice = before_opening(folder)  # an interrupted restore is settled and explained first
        if notice:
            print(notice, file=sys.stderr)
        desk = open_desk(folder)
        try:
            yield desk
        finally:
            desk.close()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    folder = folder_from(args)
    try:
        folder.ensure()
        setup_logging(folder)
        if args.command is None:
            from dutydesk.app import run_gui

            return run_gui(folder, demo=args.demo)
        return int(args.func(args) or 0)
    except DeskError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a file the user named is missing, locked, or the disk is full
        log.info("os error", exc_info=True)  # to the log file only: never a traceback on screen
        print(f"错误：{os_error_text(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line for the user, details in the log
        log.exception("unexpected error")
        print(f"内部错误：{type(exc).__name__}: {exc}（详情见日志 {folder.logs_dir}）", file=sys.stderr)
        return 2
