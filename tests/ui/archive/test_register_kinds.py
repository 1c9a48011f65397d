"""A01/A02/V09 in 档案查询: the registers of the rest of the rule books (留言转告, 外来函件, 预约, 上报告知,
请示领导, 问责记录, 民情分析会 and its decisions, 网格抽查) are found by one query, open through the
approval and the read-only record view with Chinese labels, and their numbers are masked."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView, QTableWidget

from dutydesk.store.accounts.account import Account, set_principal
from dutydesk.store.archive.lookup_register import LookupEntry
from dutydesk.ui.archive.record import ApprovalDialog, RecordDialog
from dutydesk.ui.archive.tab import ArchiveTab
from tests.approvers import SECRET
from tests.store.archive.test_register_search import KINDS, make_records
from tests.ui.archive.test_tab import _rows, _search
from tests.ui.helpers import by_name, type_text, when_modal

LABELS = {"留言转告", "外来函件", "预约", "上报告知", "请示领导", "问责记录", "民情分析会", "分析会决定", "网格抽查"}


def _table(dialog: RecordDialog, name: str) -> list[list[str]]:
    table = by_name(dialog, name, QTableWidget)
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_a01_v09_each_register_found_opened_in_chinese_and_masked(app, qtbot, desk, clock):
    make_records(desk)
    set_principal(Account.get(Account.name == "王书记"), True, "管理员", desk.now())  # long-term files too
    desk.account = Account.get(Account.name == "李文书")
    tab = ArchiveTab(desk)
    qtbot.addWidget(tab)
    _search(qtbot, tab, "三组")
    view = by_name(tab, "检索结果", QTableView)
    rows = _rows(view)
    assert {r[0] for r in rows} >= LABELS and len(KINDS) == len(LABELS)
    shown = " ".join(" ".join(r) for r in rows)
    assert "13812345678" not in shown and "138****5678" in shown  # V09: masked in the results

    opened: dict[str, tuple[list[list[str]], list[list[str]]]] = {}

    def in_record(dialog: RecordDialog) -> None:
        opened[dialog.hit.label] = (_table(dialog, "记录内容"), _table(dialog, "修改历史"))
        dialog.accept()

    def in_approval(dialog: ApprovalDialog) -> None:
        type_text(qtbot, by_name(dialog, "查阅原因", QLineEdit), "年终核查")
        dialog.director.setCurrentIndex(dialog.director.findData("王书记"))
        qtbot.keyClicks(dialog.password, SECRET)
        when_modal(in_record, kind=RecordDialog)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    first = True
    for row, values in enumerate(rows):
        if values[0] not in LABELS:
            continue
        view.selectRow(row)
        when_modal(in_approval if first else in_record, kind=ApprovalDialog if first else RecordDialog)
        first = False
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert set(opened) == LABELS
    for label, (fields, history) in opened.items():
        assert fields and not any(re.search("[A-Za-z_]{3,}", name) for name, _ in fields), (label, fields)
        assert history and not any(re.search("[A-Za-z_]{3,}", line[2]) for line in history), (label, history)
    message = dict(opened["留言转告"][0])
    assert message["留言人联系方式"] == "138****5678" and "13812345678" not in message["留言内容"]  # V09
    assert dict(opened["外来函件"][0])["办理进度"] == "已拟复"
    assert LookupEntry.select().count() == len(LABELS)  # A02: every opening registered
