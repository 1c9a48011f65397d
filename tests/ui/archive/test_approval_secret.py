"""A02/V09: the archive approval dialog offers only approvers with a password; the principal
leader chosen with an empty password no longer opens a long-term file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from dutydesk.domain.retention import PRINCIPAL
from dutydesk.store.accounts.account import Account, set_principal
from dutydesk.store.accounts.login import set_password
from dutydesk.store.archive.lookup_register import LookupEntry
from dutydesk.store.search_index import search
from dutydesk.store.visits.visit import register_visit
from dutydesk.ui.archive.record import ApprovalDialog
from tests.store.conftest import draft
from tests.ui.helpers import by_name, type_text


def _acc(name: str) -> Account:
    return Account.get(Account.name == name)


def test_a02_passwordless_principal_is_not_offered_and_nothing_opens(qtbot, app, desk):
    set_principal(_acc("王书记"), True, desk.who, desk.now())
    register_visit(draft(), desk.who, desk.now(), desk.calendar())
    [hit] = search("低保")
    desk.account = _acc("李文书")
    dialog = ApprovalDialog(desk, "低保", hit, needed=PRINCIPAL)
    qtbot.addWidget(dialog)
    assert by_name(dialog, "批准主要领导", QComboBox).count() == 0
    type_text(qtbot, dialog.reason, "核对")
    qtbot.mouseClick(by_name(dialog, "确认查阅", QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.approval is None
    error = by_name(dialog, "批准主要领导错误提示", QLabel).text()
    assert "没有设置了密码的主要领导" in error and "账户与权限" in error
    assert not LookupEntry.select().exists()


def test_a02_logged_in_director_without_password_must_have_someone_with_one_approve(qtbot, app, desk):
    register_visit(draft(), desk.who, desk.now(), desk.calendar())
    [hit] = search("低保")
    set_password(_acc("管理员"), "9753", desk.who, desk.now())
    desk.account = _acc("王书记")  # a director, but no password: no self-approval
    dialog = ApprovalDialog(desk, "低保", hit)
    qtbot.addWidget(dialog)
    box = by_name(dialog, "批准主任", QComboBox)
    assert [box.itemData(i) for i in range(box.count())] == ["管理员"]
    type_text(qtbot, dialog.reason, "核对")
    qtbot.keyClicks(dialog.password, "9753")
    qtbot.mouseClick(by_name(dialog, "确认查阅", QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.approval is not None and dialog.approval.approved_by == "管理员"
