"""``dutydesk restore FILE``: put a backup in place of the books after checking it.

The backup is checked first (integrity, foreign keys, exact schema, version, center; record
counts are printed); the replaced database is kept beside it, never deleted (``store.restore``).
A backup of another center needs ``--other-center`` and the typed confirmation naming both
centers. The desk must be closed (folder lock).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.restore_target import DESK, RestoreTarget

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("restore", help="从备份恢复数据库（原数据库会保留）")
    parser.add_argument("file", metavar="FILE", help="备份文件")
    parser.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    parser.add_argument("--other-center", action="store_true",
                        help="备份属于另一个服务中心时仍要恢复（须按提示输入确认文字）")
    parser.set_defaults(func=run)


def _ask(prompt: str) -> str:
    try:
        return input(prompt).strip()
    except EOFError:
        return ""


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import folder_from
    from dutydesk.store.backup_schedule import verified_restore
    from dutydesk.store.restore import before_opening

    folder = folder_from(args)
    info = checked_backup(folder, Path(args.file).expanduser(), DESK,
                          "所选文件就是正在使用的数据库本身，不能用它恢复自己")
    who = _identify(folder, info.path, getattr(args, "user", None))
    with folder.lock():
        notice = before_opening(folder)
        if notice:
            print(notice, file=sys.stderr)
        confirmation = confirm_replacement(folder, info, DESK, DESK_WORDS, args.other_center, args.yes)
        if confirmation is None:
            return 1
        aside = verified_restore(folder, info.path, dt.datetime.now(), confirmation)
    log.info("restore of %s by %s", info.path, who or "-")
    print(f"已恢复。原数据库保留在：{aside}" if aside else "已恢复。")
    return 0


@dataclass(frozen=True)
class RestoreWords:
    """How a restore command names what it replaces (Chinese, shown to the user)."""

    owner: str  # who else a backup may belong to: 服务中心, 乡镇（街道）
    flag: str  # the option that allows another owner's backup
    replaced: str  # what the restore replaces: 当前数据库, 当前镇级数据


DESK_WORDS = RestoreWords(owner="服务中心", flag="--other-center", replaced="当前数据库")


def checked_backup(folder: DataFolder, source: Path, target: RestoreTarget, live: str):
    """The backup inspected and its summary printed; refused (``live`` says why) when it is the
    books in use, or when it fails a check."""
    from dutydesk.store.backup_schedule import inspect_backup
    from dutydesk.store.restore import is_live_database

    if is_live_database(folder, source, target):
        raise DeskError(live)
    info = inspect_backup(source, target)
    for line in info.summary_lines():
        print(line)
    if not info.ok:
        raise DeskError("备份文件未通过检查，未恢复")
    return info


def confirm_replacement(folder: DataFolder, info, target: RestoreTarget, words: RestoreWords,
                        other_allowed: bool, yes: bool) -> str | None:
    """What the user confirmed before the books are replaced: the typed phrase naming both owners
    for another owner's backup (which needs ``words.flag``), else ''; None when they cancelled."""
    from dutydesk.store.backup_check import folder_identity, other_center_phrase

    books_key, books_label = folder_identity(target.db_path(folder), target)
    if books_key and info.identity != books_key:  # a backup without an owner is not these books'
        theirs = info.center or target.no_identity
        if not other_allowed:
            raise DeskError(f"此备份属于「{theirs}」，而本数据文件夹是「{books_label}」的账本，未恢复"
                            f"（确需恢复请加 {words.flag}）")
        phrase = other_center_phrase(theirs, books_label)
        confirmation = _ask(f"此备份属于另一个{words.owner}。确需恢复，请输入「{phrase}」：")
        if confirmation != phrase:
            raise DeskError("确认文字不符，未恢复")
        return confirmation
    if not yes and _ask(f"恢复后{words.replaced}将被替换（原文件会保留）。输入 y 确认：").lower() not in (
            "y", "yes", "是"):
        print("已取消，未做任何改动", file=sys.stderr)
        return None
    return ""


def _identify(folder: DataFolder, backup: Path, user: str | None) -> str:
    """Who restores: checked on the current books when they open, else on the backup's own
    accounts (the books may be damaged or missing, which is why one restores)."""
    from dutydesk.cli_identity import identify_on_file, identify_on_folder
    from dutydesk.store.integrity import quick_check

    if folder.db_path.exists() and not quick_check(folder.db_path):
        return identify_on_folder(folder, user, dt.datetime.now(), need="恢复")
    return identify_on_file(backup, user, need="恢复")
