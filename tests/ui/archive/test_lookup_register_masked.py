"""V09 in 档案查阅登记簿: a lookup made by a resident's phone keeps that query in the register; the
register shows it masked on screen, as its export does."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from dutydesk.store.archive.lookup_register import approve, record_lookup
from dutydesk.store.search_index import search
from dutydesk.ui.archive.lookup_register_dialog import LookupRegisterDialog
from tests.approvers import approver
from tests.ui.archive.test_tab import _rows, books  # noqa: F401
from tests.ui.helpers import by_name


def test_v09_lookup_register_masks_a_number_in_the_query_and_reason(app, qtbot, books):  # noqa: F811
    books.account = approver("王书记")
    now = books.now()
    approval = approve(books.account, "13812345678", "核对13812345678来电", now)
    record_lookup(approval, search("13812345678")[0], now)
    dialog = LookupRegisterDialog(books)
    qtbot.addWidget(dialog)
    [row] = _rows(by_name(dialog, "查阅登记", QTableView))
    assert row[2] == "138****5678" and row[6] == "核对138****5678来电"
    assert not [cell for cell in row if "13812345678" in cell]
