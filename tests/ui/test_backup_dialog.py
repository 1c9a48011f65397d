"""备份与恢复 for the administrator: 立即备份 lists the new backup; other roles are refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTableWidget

from dutydesk.store.accounts.account import Account
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


def test_a01_another_centers_backup_restores_only_after_typing_both_names(app, qtbot, desk, monkeypatch):
    import dataclasses

    from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

    from dutydesk.store.backup_schedule import take_backup
    from dutydesk.store.center import load_center, save_center
    from tests.conftest import TEST_CENTER
    from tests.ui.helpers import type_text, when_modal

    save_center(dataclasses.replace(TEST_CENTER, name="桃源社区党群服务中心"), desk.who, desk.now())
    other = take_backup(desk.folder, desk.now(), "manual")
    save_center(TEST_CENTER, desk.who, desk.now())
    shown = []
    monkeypatch.setattr("dutydesk.ui.backup_dialog.QMessageBox.question",
                        lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("dutydesk.ui.backup_dialog.QMessageBox.information", lambda *a: shown.append(a[2]))
    dialog = BackupDialog(desk)
    qtbot.addWidget(dialog)
    labels = []

    def wrong_text(box):
        labels.append(box.labelText())
        type_text(qtbot, by_name(box, "确认文字", QLineEdit), "确认")
        box.accept()
        when_modal(lambda again: again.reject(), kind=QInputDialog)

    when_modal(wrong_text, kind=QInputDialog)
    dialog.restore(other)
    assert "桃源社区党群服务中心" in labels[0] and "青石村党群服务中心" in labels[0]
    assert not dialog.restored and load_center().name == "青石村党群服务中心" and not shown

    def typed(box):
        type_text(qtbot, by_name(box, "确认文字", QLineEdit), "用桃源社区党群服务中心的备份替换青石村党群服务中心")
        box.accept()

    when_modal(typed, kind=QInputDialog)
    dialog.restore(other)
    assert dialog.restored and load_center().name == "桃源社区党群服务中心"
    assert shown[0].startswith("已恢复。原数据库保留在：")


def test_a03_restoring_the_live_database_onto_itself_is_refused(app, qtbot, desk, monkeypatch):
    warned = []
    monkeypatch.setattr("dutydesk.ui.backup_dialog.QMessageBox.warning", lambda *a: warned.append(a[2]))
    dialog = BackupDialog(desk)
    qtbot.addWidget(dialog)
    dialog.restore(desk.folder.db_path)
    assert not dialog.restored and "正在使用的数据库本身" in warned[0]
    assert Account.select().count() == 3


def test_dialog_has_close_and_keeps_restore_apart_from_backup(app, qtbot, desk):
    from PySide6.QtWidgets import QGroupBox

    dialog = BackupDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    backup, restore = by_name(dialog, "备份", QGroupBox), by_name(dialog, "恢复（将替换当前全部数据）", QGroupBox)
    assert by_name(dialog, "立即备份", QPushButton).parent() is backup
    assert by_name(dialog, "恢复选中的备份", QPushButton).parent() is restore
    assert by_name(dialog, "从文件恢复", QPushButton).parent() is restore
    assert restore.geometry().left() > backup.geometry().right()  # side by side, never mixed
    qtbot.mouseClick(by_name(dialog, "关闭", QPushButton), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
