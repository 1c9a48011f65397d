"""备份与恢复 for the administrator: 立即备份 lists the new backup; other roles are refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTableWidget

from dutydesk.store.accounts import Account
from dutydesk.ui.backup_dialog import BackupDialog, show_backups
from tests.ui.helpers import by_name


def test_backup_now_lists_the_new_backup_read_only(app, qtbot, desk, monkeypatch):
    shown = []
    monkeypatch.setattr("dutydesk.ui.backup_dialog.QMessageBox.information", lambda *a: shown.append(a[2]))
    dialog = BackupDialog(desk)
    qtbot.addWidget(dialog)
    table = by_name(dialog, "备份列表", QTableWidget)
    before = table.rowCount()
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    qtbot.mouseClick(by_name(dialog, "立即备份", QPushButton), Qt.MouseButton.LeftButton)
    assert table.rowCount() == before + 1
    assert table.item(0, 1).text() == "手动" and shown[0].startswith("已备份到：")
    for text in ("备份到U盘或文件夹", "恢复选中的备份", "从文件恢复"):
        by_name(dialog, text, QPushButton)


def test_backups_are_for_the_administrator_only(app, qtbot, desk, monkeypatch):
    warned = []
    monkeypatch.setattr("dutydesk.ui.backup_dialog.QMessageBox.warning", lambda *a: warned.append(a[2]))
    desk.account = Account.get(Account.name == "李文书")
    show_backups(desk, None)
    assert warned == ["备份与恢复仅管理员可用。"]
