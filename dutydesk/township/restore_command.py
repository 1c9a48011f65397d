"""``dutydesk township restore FILE`` and ``dutydesk township backup --list``: the township's books
put back from a backup as the desk's ``dutydesk restore`` does (``township_restore``), and the
backups there are to choose from.

The backup is checked and summarised first; a backup of another township needs
``--other-township`` and the typed confirmation naming both; otherwise ``y`` (or ``--yes``). The
replaced file is kept beside the new one, never deleted. Who restores is checked on the current
books when they open, else on the backup's own accounts (the books may be damaged or missing,
which is why one restores); a director or administrator only. Books on a PostgreSQL server are
the server's to restore (pg_restore), which is said in one line.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from dutydesk.domain.clock import SystemClock
from dutydesk.store.datafolder import DataFolder, DeskError

NEED = "恢复"
log = logging.getLogger(__name__)


def add_parser(actions: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = actions.add_parser("restore", help="从备份恢复镇级数据（原数据文件会保留）")
    p.add_argument("file", metavar="FILE", help="备份文件（dutydesk township backup --list 可列出）")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    p.add_argument("--other-township", action="store_true",
                   help="备份属于另一个乡镇（街道）时仍要恢复（须按提示输入确认文字）")
    p.set_defaults(func=run)
    return p


def _township_folder(args: argparse.Namespace) -> tuple[DataFolder, str | None]:
    """The township's folder (a desk's is refused) and its server, if the books live on one."""
    from dutydesk.cli import folder_from
    from dutydesk.township.folder_mark import is_township
    from dutydesk.township.township_database import read_config

    folder = folder_from(args)
    if not is_township(folder):
        if folder.db_path.exists():
            raise DeskError(f"这是村（社区）值班台的数据文件夹，不是镇级数据文件夹：{folder.path}。"
                            "值班台的备份请用 dutydesk restore 恢复")
        raise DeskError(f"这不是镇级数据文件夹（请先用 dutydesk township init 建立）：{folder.path}")
    return folder, getattr(args, "database", None) or read_config(folder).get("database") or None


def run(args: argparse.Namespace) -> int:
    from dutydesk.commands.restore import RestoreWords, checked_backup, confirm_replacement
    from dutydesk.store.restore import before_opening
    from dutydesk.township.township_restore import TOWNSHIP, refuse_server, restore_township

    folder, url = _township_folder(args)
    refuse_server(url)
    info = checked_backup(folder, Path(args.file).expanduser(), TOWNSHIP,
                          "所选文件就是正在使用的镇级数据文件本身，不能用它恢复自己")
    clock = SystemClock()
    with folder.lock():
        notice = before_opening(folder, TOWNSHIP)
        if notice:
            print(notice, file=sys.stderr)
        who = _identify(folder, info.path, getattr(args, "user", None))
        words = RestoreWords(owner="乡镇（街道）", flag="--other-township", replaced="当前镇级数据")
        confirmation = confirm_replacement(folder, info, TOWNSHIP, words, args.other_township, args.yes)
        if confirmation is None:
            return 1
        result = restore_township(folder, info.path, clock.now(), confirmation)
    log.info("township restore of %s by %s", info.path, who or "-")
    print(f"已恢复。原数据文件保留在：{result.aside}" if result.aside else "已恢复。")
    return 0


def _identify(folder: DataFolder, backup: Path, user: str | None) -> str:
    """A director or administrator: checked on the township's books when they open (the attempt
    logged there), else on the backup's own accounts."""
    from dutydesk.cli_identity import identify, identify_on_file, require_manager
    from dutydesk.store.integrity import quick_check
    from dutydesk.township.township_folder import open_township
    from dutydesk.township.township_restore import TOWNSHIP

    db_path = TOWNSHIP.db_path(folder)
    if db_path.exists() and not quick_check(db_path):
        township = open_township(folder)
        try:
            account = identify(user, township.now())
            require_manager(account, NEED)
            return account.name if account else ""
        finally:
            township.close()
    return identify_on_file(backup, user, need=NEED)


def list_township_backups(args: argparse.Namespace) -> int:
    """``township backup --list``: the backups in the folder, newest first (nothing is opened)."""
    from dutydesk.township.township_restore import backup_line, township_backups

    folder, url = _township_folder(args)
    if url:
        print("镇级数据在 PostgreSQL 服务器上：备份由服务器管理员用 pg_dump 做、用 pg_restore 恢复，不在此列出")
        return 0
    backups = township_backups(folder)
    if not backups:
        print(f"还没有备份（可用 dutydesk township backup 备份）：{folder.backups_dir}")
        return 0
    print(f"共 {len(backups)} 个备份（最新的在前）：")
    for path in backups:
        print("  " + backup_line(path))
    print("恢复某个备份：dutydesk township restore 备份文件")
    return 0
