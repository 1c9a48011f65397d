"""``dutydesk check``: integrity, schema version and record counts; exit 1 on any problem."""

from __future__ import annotations

import argparse

from dutydesk.store.archive.record_view import TABLE_NAMES
from dutydesk.store.datafolder import DeskError
from dutydesk.store.integrity import full_check, quick_check


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help="检查数据库完整性并列出记录数")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import folder_from, locked_desk

    folder = folder_from(args)
    problems = quick_check(folder.db_path)
    if problems:
        raise DeskError("数据库文件损坏：" + "；".join(problems[:3]))
    with locked_desk(args) as desk:
        report = full_check(desk.db)
    print(f"数据文件夹: {folder.path}")
    print(f"数据库版本：{report.schema_version}")
    for table, count in sorted(report.counts.items()):
        print(f"  {TABLE_NAMES.get(table, table)}：{count}")
    for problem in report.problems:
        print(f"问题: {problem}")
    print("结果: 正常" if report.ok else "结果: 发现问题")
    return 0 if report.ok else 1
