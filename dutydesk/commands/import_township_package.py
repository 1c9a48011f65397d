"""``dutydesk import township-package DIR [--yes]``: the township's package into this village's books.

Without ``--yes`` the command only previews: everything the package would change here (catalogue,
holiday years, settings with their dates, the township's decisions on this village's months,
results of this village's 代办单) and what it leaves alone, then exits 1. With ``--yes`` all of it
is applied in one transaction; the same package again changes nothing. The first package's key
fingerprint is printed to be checked with the township (``--yes`` confirms it); a package signed
by another key needs ``--approver 主任姓名`` and that director's password.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dutydesk.commands.import_roster import add_import_command
from dutydesk.store.datafolder import DeskError

CONFIRM = "以上为预览，尚未导入。核对无误后，请加 --yes 重新运行以导入。"


def register(sub: argparse._SubParsersAction) -> None:
    add_import_command(
        sub, "township-package", "导入镇（街道）发回的数据包：先预览，加 --yes 才导入", run=run,
        source="folder", source_metavar="DIR", source_help="数据包所在的文件夹（或U盘）",
        yes_help="确认导入（首次导入时也表示已与镇里核对密钥指纹）",
        option="--approver", option_metavar="主任姓名", option_help="镇里更换了密钥时，确认新密钥的主任")


def _director(name: str, desk):
    from dutydesk.commands.export import _director_password
    from dutydesk.store.accounts.account import verify_approver

    if not name:
        raise DeskError("数据包的签名密钥与上次确认的不同：须主任与镇里核对后，用 --approver 主任姓名 确认")
    return verify_approver(name, _director_password(name), desk.now())


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import identified_desk
    from dutydesk.cli_identity import require_manager
    from dutydesk.store.audit import RecordLocked
    from dutydesk.township.package_import import CHANGED_KEY, apply_plan, plan_import

    folder = Path(args.folder).expanduser()
    if not folder.is_dir():
        raise DeskError(f"找不到文件夹：{folder}")
    with identified_desk(args) as desk:
        require_manager(desk.account, "导入镇（街道）数据包")
        plan = plan_import(desk, folder)
        for line in plan.lines():
            print(line)
        if plan.already is not None:
            return 0
        if not args.yes:
            print(CONFIRM, file=sys.stderr)
            return 1
        director = _director(args.approver, desk) if plan.key_status == CHANGED_KEY else None
        try:
            apply_plan(desk, plan, key_confirmed=True, director=director)
        except RecordLocked as exc:  # a record filed in a closed year (A04): all or nothing
            raise DeskError(f"{exc}。没有导入任何内容") from None
    print(f"已导入{plan.township}的数据包：{len(plan.changes)}项改动")
    return 0
