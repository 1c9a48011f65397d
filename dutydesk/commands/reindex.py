"""``dutydesk reindex``: bring residents' pinyin initials and the archive search index up to date.

Books written before issue 15 point 7 hold one reading of a polyphonic name's initials (朝阳: only
``cy``), so such residents are found by their usual initials only. ``refresh_name_initials``
recomputes every reading and ``reindex_all`` puts them into the archive search keys. Running it
again changes nothing: only derived columns are rewritten (no record content, hence no audit
entry), each step in one transaction, under the folder lock.
"""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "reindex", help="重新计算群众姓名的拼音首字母（多音字的每种读音）并重建档案检索索引；旧版数据升级后运行一次")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dutydesk.cli import locked_desk
    from dutydesk.store.search_rebuild import reindex_all
    from dutydesk.store.visits.resident_initials import refresh_name_initials

    with locked_desk(args):
        changed = refresh_name_initials()
        documents = reindex_all()
    print(f"已更新 {changed} 名群众的拼音首字母；档案检索索引已重建，共 {documents} 条记录。")
    return 0
