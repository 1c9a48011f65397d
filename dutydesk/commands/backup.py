"""``dutydesk backup [--out FILE]``: a consistent copy of the books, even while the desk runs.

Uses SQLite's online backup API, so it needs no folder lock: the GUI may keep writing.
Without ``--out`` the backup goes into the data folder's backups directory, with rotation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from pathlib import Path

from dutydesk.store.datafolder import DeskError
from dutydesk.store.integrity import quick_check

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("backup", help="备份数据库（可在值班台运行时进行）")
    parser.add_argument("--out", metavar="FILE", help="备份文件路径（默认放在数据文件夹的 backups 中）")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import folder_from
    from dutydesk.cli_identity import identify_on_folder
    from dutydesk.store.backup import backup_to
    from dutydesk.store.backup_schedule import inspect_backup, take_backup
    from dutydesk.store.restore import is_live_database

    folder = folder_from(args)
    if not folder.db_path.exists():
        raise DeskError(f"数据文件夹中没有值班台数据：{folder.path}")
    problems = quick_check(folder.db_path)
    if problems:
        raise DeskError("数据库文件损坏，不能备份：" + "；".join(problems[:3]))
    who = identify_on_folder(folder, getattr(args, "user", None), dt.datetime.now(), need="备份")
    log.info("backup by %s", who or "-")
    if args.out:
        out = Path(args.out).expanduser()
        if out.is_dir():
            raise DeskError(f"--out 应为文件路径，而不是文件夹：{out}")
        if is_live_database(folder, out):
            raise DeskError("--out 不能是正在使用的数据库本身")
        target = backup_to(folder.db_path, out)
    else:
        target = take_backup(folder, dt.datetime.now(), "manual")
    info = inspect_backup(target)
    if not info.ok:
        raise DeskError("备份完成但检查未通过：" + "；".join(info.problems[:3]))
    print(f"已备份到：{target}")
    print(f"记录数：{sum(info.counts.values())} 条，数据库版本 {info.schema_version}")
    return 0
