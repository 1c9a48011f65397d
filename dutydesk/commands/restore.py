"""``dutydesk restore FILE``: put a backup in place of the books after checking it.

The backup is checked first (integrity, schema version, record counts are printed); the
replaced database is moved aside, never deleted. The desk must be closed (folder lock).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from dutydesk.store.datafolder import DataFolder, DeskError

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("restore", help="从备份恢复数据库（原数据库会保留）")
    parser.add_argument("file", metavar="FILE", help="备份文件")
    parser.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import folder_from
    from dutydesk.store.backup_schedule import inspect_backup, verified_restore

    folder = folder_from(args)
    info = inspect_backup(Path(args.file).expanduser())
    for line in info.summary_lines():
        print(line)
    if not info.ok:
        raise DeskError("备份文件未通过检查，未恢复")
    who = _identify(folder, info.path, getattr(args, "user", None))
    if not args.yes:
        try:
            answer = input("恢复后当前数据库将被替换（原文件会保留）。输入 y 确认：")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes", "是"):
            print("已取消，未做任何改动", file=sys.stderr)
            return 1
    with folder.lock():
        aside = verified_restore(folder, info.path, dt.datetime.now())
    log.info("restore of %s by %s", info.path, who or "-")
    print(f"已恢复。原数据库保留在：{aside}")
    return 0


def _identify(folder: DataFolder, backup: Path, user: str | None) -> str:
    """Who restores: checked on the current books when they open, else on the backup's own
    accounts (the books may be damaged or missing, which is why one restores)."""
    from dutydesk.cli_identity import identify_on_file, identify_on_folder
    from dutydesk.store.integrity import quick_check

    if folder.db_path.exists() and not quick_check(folder.db_path):
        return identify_on_folder(folder, user, dt.datetime.now())
    return identify_on_file(backup, user)
