"""The ``dutydesk`` command: opens the GUI, or runs a subcommand on a data folder.

Subcommands live in ``dutydesk/commands/``; each module has ``register(subparsers)`` that adds its
parser and sets ``func(args) -> int``. A new module there is found and slotted in by itself.
Errors reach the user as one line on stderr, never as a traceback (the traceback goes to the log).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from dutydesk import __version__, commands
from dutydesk.cli_text import ChineseArgumentParser, os_error_text
from dutydesk.crash_reports import install_crash_logging
from dutydesk.store.datafolder import DataFolder, DeskError, resolve_data_dir
from dutydesk.store.deferred_modules import deferring
from dutydesk.store.faults import plain_message

# The log file's handler; its module imports pickle, queue and socket for handlers the desk does
# not use: they load at their first use (``store.deferred_modules``, issue 17).
with deferring(("pickle", "queue", "socket")):
    import logging.handlers

COMMANDS = sorted(
    f"{commands.__name__}.{info.name}" for info in pkgutil.iter_modules(commands.__path__)
)

log = logging.getLogger("dutydesk")

USER_HELP = ("以哪个账户执行（账户设了密码时，导出、备份、恢复、导入须指定；"
             "密码在提示时输入，或由环境变量 DUTYDESK_PASSWORD 提供）")


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", metavar="PATH",
        help="数据文件夹（也可用环境变量 DUTYDESK_DATA_DIR）",
    )
    parser.add_argument(
        "--demo", action="store_true", help="使用单独的演示数据文件夹（首次自动生成演示数据）"
    )
    parser.add_argument("--user", metavar="NAME", help=USER_HELP)
    parser.add_argument("--township", action="store_true", help="打开镇（街道）的汇总窗口（镇级数据文件夹）")
    parser.add_argument("--database", metavar="URL", help="与 --township 同用：镇级数据所在的 PostgreSQL 服务器")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="dutydesk",
        description="值班台 DutyDesk：党群服务中心前台值班、来访登记、一次性告知与台账",
    )
    parser.add_argument("--version", action="version", version=f"DutyDesk {__version__}")
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        importlib.import_module(module).register(sub)
    # Let "dutydesk check --data-dir X" work as well as "dutydesk --data-dir X check".
    for choice in sub.choices.values():
        choice.add_argument("--data-dir", metavar="PATH", default=argparse.SUPPRESS,
                            help="数据文件夹")
        choice.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS, help=USER_HELP)
    return parser


class _WindowOptionParser(argparse.ArgumentParser):
    """The global options alone; whatever it cannot read (an ambiguous ``--data``) it leaves to
    the full parser, which explains it in Chinese, instead of printing its own short usage."""

    def error(self, message: str) -> NoReturn:
        raise argparse.ArgumentError(None, message)


def window_args(argv: list[str]) -> argparse.Namespace | None:
    """The options when ``argv`` only opens the window, the desk's or with ``--township`` the
    township's (no command, no help, no version): read without importing every command's module
    (issue 17: the window's start does not wait for them). None otherwise, and for anything the
    full parser must explain."""
    parser = _WindowOptionParser(prog="dutydesk", add_help=False, exit_on_error=False)
    _add_global_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args


def folder_from(args: argparse.Namespace) -> DataFolder:
    return DataFolder(resolve_data_dir(args.data_dir, demo=args.demo))


class _QuietLogFile(logging.handlers.RotatingFileHandler):
    """A log file that fails quietly: a full disk must not print a traceback on every message."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def setup_logging(folder: DataFolder) -> bool:
    """Log to a rotating file in the data folder; the user sees messages, the log keeps details.

    A folder where the log cannot be written (read-only, full disk) does not stop the program:
    it runs without a log file (False), and the command then says in Chinese what is wrong.
    """
    root = logging.getLogger()
    root.handlers[:] = [h for h in root.handlers
                        if not isinstance(h, logging.FileHandler | logging.NullHandler)]
    root.setLevel(logging.INFO)
    try:
        folder.logs_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _QuietLogFile(
            folder.logs_dir / "dutydesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        root.addHandler(logging.NullHandler())  # else logging's last resort prints to stderr
        return False
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    install_crash_logging(folder.logs_dir)  # native crashes and thread errors to the same folder
    return True


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


@contextmanager
def identified_desk(args: argparse.Namespace) -> Iterator:
    """``locked_desk`` for a command that reads or writes personal data or the books: once any
    account has a password, ``--user`` and that account's password are required, and the desk
    acts (and audits) as that account (``cli_identity``)."""
    from dutydesk.cli_identity import identify

    with locked_desk(args) as desk:
        desk.account = identify(getattr(args, "user", None), desk.now())
        yield desk


def refuse_township_folder(folder: DataFolder) -> None:
    """A township's folder is never opened as a desk (a desk database would be made beside it)."""
    from dutydesk.township.folder_mark import is_township

    if is_township(folder):
        raise DeskError(f"这是镇（街道）的镇级数据文件夹，不是村（社区）值班台的：{folder.path}。"
                        "请用 dutydesk --township 打开，或用 dutydesk township … 命令")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    window = window_args(argv)
    if window is not None and not window.township:
        from dutydesk.collector import pause_for_start

        pause_for_start()  # the desk window's start: the collector back once its first screen is whole
    args = window or build_parser().parse_args(argv)
    folder = folder_from(args)
    setup_logging(folder)
    try:
        folder.ensure()
        if args.command is None and args.township:
            from dutydesk.ui.township.township_app import run_township_gui

            return run_township_gui(folder, args.database)
        if args.command not in (None, "township"):
            refuse_township_folder(folder)
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
        message = plain_message(exc, folder.db_path)  # full disk, read-only folder, file open in WPS
        if message is not None:
            log.warning("fault: %r", exc)
            print(f"错误：{message}", file=sys.stderr)
            return 1
        log.exception("unexpected error")
        print(f"内部错误：{type(exc).__name__}: {exc}（详情见日志 {folder.logs_dir}）", file=sys.stderr)
        return 2
