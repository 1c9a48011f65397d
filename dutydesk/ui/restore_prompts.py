"""The questions a restore asks the user: an interrupted restore explained, missing books with
a backup to offer, and the typed confirmation for another center's backup (A01, A03).

The decisions are made in ``store.restore``; these only show its findings and bring back the
user's answer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from dutydesk.store.datafolder import DataFolder
from dutydesk.store.restore import OtherCenter


def tell_interrupted(parent: QWidget | None, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "上次恢复被中断", message, parent=parent)
    ok = box.addButton("知道了", QMessageBox.ButtonRole.AcceptRole)
    ok.setAccessibleName("知道了")
    box.exec()


def ask_missing_books(parent: QWidget | None, folder: DataFolder, backup: Path | None) -> str:
    """The database file is gone but the folder held books: 'restore', 'new' or 'quit'."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("找不到账本")
    text = f"数据文件夹中找不到账本文件（{folder.db_path.name}），但这里以前有过账本和备份：\n{folder.path}"
    restore = None
    if backup is not None:
        text += f"\n\n可以从最近的完好备份恢复：{backup.name}。"
        restore = box.addButton("恢复最近的备份", QMessageBox.ButtonRole.AcceptRole)
        restore.setAccessibleName("恢复最近的备份")
    else:
        text += "\n\n没有找到完好的备份。请联系管理员，并保留数据文件夹。"
    text += "\n\n如确定要从空白账本重新开始，请选择“新建空白账本”（原有备份不会被删除）。"
    fresh = box.addButton("新建空白账本", QMessageBox.ButtonRole.DestructiveRole)
    fresh.setAccessibleName("新建空白账本")
    quit_button = box.addButton("退出", QMessageBox.ButtonRole.RejectRole)
    quit_button.setAccessibleName("退出")
    box.setText(text)
    box.setDefaultButton(restore or quit_button)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return "restore"
    return "new" if clicked is fresh else "quit"


def ask_other_center(parent: QWidget | None, refused: OtherCenter) -> str | None:
    """The typed confirmation naming both centers; None when the user cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("备份属于另一个服务中心")
    dialog.setLabelText(f"{refused}\n\n如确需用它替换当前账本，请输入：\n{refused.phrase}")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setOkButtonText("确认恢复")
    dialog.setCancelButtonText("取消")
    line = dialog.findChild(QLineEdit)
    if line is not None:
        line.setAccessibleName("确认文字")
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()
