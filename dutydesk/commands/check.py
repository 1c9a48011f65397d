"""``dutydesk check``: integrity, schema version and record counts; exit 1 on any problem."""

from __future__ import annotations

import argparse
import sqlite3

from dutydesk.store.archive.record_view import TABLE_NAMES
from dutydesk.store.datafolder import DeskError
from dutydesk.store.integrity import full_check
from dutydesk.store.integrity_schedule import caller_checks_fully
from dutydesk.store.opening import DamagedDatabase


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help="检查数据库完整性并列出记录数")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import folder_from, locked_desk

    folder = folder_from(args)
    # One pass over the file (issue 17): the cheap check at opening, then integrity_check, which
    # finds all that quick_check would and more; damage it finds is reported as before.
    try:
        with caller_checks_fully(), locked_desk(args) as desk:
            report = full_check(desk.db)
    except DamagedDatabase as exc:
        raise DeskError("数据库文件损坏：" + "；".join(exc.problems[:3])) from None
    except sqlite3.DatabaseError as exc:  # damage deep enough to stop the migration check
        raise DeskError(f"数据库文件损坏：{exc}") from None
    if report.integrity_problems:
        raise DeskError("数据库文件损坏：" + "；".join(report.integrity_problems[:3]))
    print(f"数据文件夹: {folder.path}")
    print(f"数据库版本：{report.schema_version}")
    for table, count in sorted(report.counts.items()):
        print(f"  {TABLE_NAMES.get(table, table)}：{count}")
    for problem in report.problems:
        print(f"问题: {problem}")
    print("结果: 正常" if report.ok else "结果: 发现问题")
    return 0 if report.ok else 1
