"""V09: an unmasked export needs a reason and a director's password (or the director logged in)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.ui.archive.unmasked_export_dialog import UnmaskedExportDialog
from tests.ui.helpers import by_name, type_text


def test_v09_operator_needs_reason_and_director_password(app, qtbot, desk):
    set_password(Account.get(Account.name == "王书记"), "1357", desk.who, desk.now())
    desk.account = Account.get(Account.name == "李文书")
    dialog = UnmaskedExportDialog(desk, "来访接待登记台账")
    qtbot.addWidget(dialog)
    dialog.director.setCurrentIndex(dialog.director.findData("王书记"))
    ok = by_name(dialog, "批准并导出", QPushButton)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.fields["reason"].error.text() == "导出完整信息必须填写原因"
    type_text(qtbot, by_name(dialog, "导出原因", QLineEdit), "镇民政办核对低保名单")
    qtbot.keyClicks(by_name(dialog, "主任密码", QLineEdit), "0000")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "密码不正确" in dialog.fields["password"].error.text() and dialog.grant is None
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "1357")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.grant is not None
    assert (dialog.grant.account, dialog.grant.approved_by, dialog.grant.reason) == (
        "李文书", "王书记", "镇民政办核对低保名单")


def test_v09_logged_in_director_approves_own_export(app, qtbot, desk):
    set_password(Account.get(Account.name == "王书记"), "1357", desk.who, desk.now())
    desk.account = Account.get(Account.name == "王书记")
    dialog = UnmaskedExportDialog(desk, "来访接待登记台账")
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.reason, "年终存档")
    qtbot.mouseClick(by_name(dialog, "批准并导出", QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.grant is not None and dialog.grant.approved_by == "王书记"


def test_v09_directors_are_offered_before_administrators(app, qtbot, desk):
    for name in ("管理员", "王书记"):
        set_password(Account.get(Account.name == name), "1357", desk.who, desk.now())
    desk.account = Account.get(Account.name == "李文书")
    dialog = UnmaskedExportDialog(desk, "来访接待登记台账")
    qtbot.addWidget(dialog)
    names = [dialog.director.itemData(i) for i in range(dialog.director.count())]
    assert names == ["王书记", "管理员"] and dialog.director.currentData() == "王书记"


def test_v09_passwordless_director_cannot_approve_own_export(app, qtbot, desk):
    """V09: without a password the logged-in director's approval is refused, with the reason."""
    desk.account = Account.get(Account.name == "王书记")
    dialog = UnmaskedExportDialog(desk, "来访接待登记台账")
    qtbot.addWidget(dialog)
    assert dialog.director.count() == 0  # nobody who can approve is offered
    type_text(qtbot, dialog.reason, "年终存档")
    qtbot.mouseClick(by_name(dialog, "批准并导出", QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.grant is None
    assert "尚未设置密码" in dialog.fields["director"].error.text()
