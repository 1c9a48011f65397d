"""``dutydesk demo``: fill a data folder with demo data, refusing to touch real books."""

from __future__ import annotations

import argparse
import sqlite3
import sys

from dutydesk.domain.clock import Clock
from dutydesk.domain.division_code import DivisionCodeError, parse_division_code
from dutydesk.domain.text_input import normalize_compact, normalize_text
from dutydesk.store.datafolder import DataFolder, DeskError, resolve_data_dir


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="在演示数据文件夹中生成演示数据")
    parser.add_argument("--seed", type=int, default=2026, help="随机种子（相同种子得到相同数据）")
    parser.add_argument("--days", type=int, default=120, help="生成多少天的历史")
    parser.add_argument("--scale", type=float, default=1.0, help="数据量倍数（基准测试用）")
    parser.add_argument("--center", default=None, type=normalize_text, metavar="名称",
                        help="演示中心的名称（生成多个演示村时用）")
    parser.add_argument("--code", default=None, type=normalize_compact, metavar="12位代码",
                        help="演示中心的统计用区划代码（12位数字）")
    parser.set_defaults(func=run)


def fill_demo_folder(folder: DataFolder, seed: int, days: int, scale: float,
                     progress=lambda message: None, clock: Clock | None = None,
                     cancelled=lambda: False, center: str | None = None, code: str | None = None) -> None:
    """Create fresh demo books in ``folder`` (previous demo data there is replaced).

    The same seed and the same clock give byte-for-byte the same books.
    """
    from dutydesk.demo.generate import DEMO_CENTER, DEMO_CODE, DemoCancelled, DemoPlan, generate
    from dutydesk.desk import open_desk

    if folder.holds_real_data():
        raise DeskError(f"该文件夹中有正式数据，演示数据不会写入：{folder.path}")
    if _has_passwords(folder):
        # A "DEMO" marker file is easily dropped into a real folder; books whose accounts have
        # passwords are someone's work, so they are never deleted to make room for demo data.
        raise DeskError(f"该文件夹中的账本已设账户密码，不会被演示数据覆盖：{folder.path}。"
                        "如确为演示数据，请换一个空文件夹生成")
    folder.mark_demo()
    with folder.lock():
        _remove_db(folder)
        desk = open_desk(folder, clock)
        try:
            generate(DemoPlan(desk, seed=seed, days=days, scale=scale, progress=progress,
                              cancelled=cancelled, center=center or DEMO_CENTER, code=code or DEMO_CODE))
        except DemoCancelled:
            desk.close()
            _remove_db(folder)  # half-filled demo books are worse than none
            raise
        finally:
            desk.close()


def _has_passwords(folder: DataFolder) -> bool:
    """True when the folder's database has an active account with a password (read-only look)."""
    if not folder.db_path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{folder.db_path}?mode=ro", uri=True)
        try:
            return bool(con.execute("SELECT count(*) FROM account WHERE active = 1 "
                                    "AND password_hash IS NOT NULL AND password_hash <> ''").fetchone()[0])
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False  # no account table yet, or not a database: nothing of anyone's to protect


def _remove_db(folder: DataFolder) -> None:
    for suffix in ("", "-wal", "-shm"):
        folder.db_path.with_name(folder.db_path.name + suffix).unlink(missing_ok=True)


def run(args: argparse.Namespace) -> int:
    # Without --data-dir, demo data goes to the separate demo folder, never the real one.
    folder = DataFolder(resolve_data_dir(args.data_dir, demo=True))
    code = getattr(args, "code", None)
    if code:
        try:
            code = parse_division_code(code)
        except DivisionCodeError as exc:
            raise DeskError(str(exc)) from None
    center = getattr(args, "center", None)
    if center is not None and not center.strip():
        raise DeskError("演示中心的名称不能为空")
    fill_demo_folder(
        folder, args.seed, args.days, args.scale,
        progress=lambda step: print(f"生成: {step}", file=sys.stderr), center=center, code=code,
    )
    print(f"演示数据已生成：{folder.path}")
    return 0
