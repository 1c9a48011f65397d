"""Backups for the administrator: back up now, to a chosen folder or USB stick, and restore.

A restore is checked first (integrity, schema version, record counts shown before confirming)
and the replaced database is kept aside; the desk then closes so every tab starts afresh.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dutydesk.desk import Desk
from dutydesk.store.backup import list_backups
from dutydesk.store.backup_schedule import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KINDS,
    backup_time,
    backup_to_folder,
    inspect_backup,
    rotate,
    take_backup,
    verified_restore,
)
from dutydesk.store.base import connect
from dutydesk.store.datafolder import DeskError
from dutydesk.store.faults import plain_message
from dutydesk.store.restore import OtherCenter, is_live_database
from dutydesk.store.settings import get_setting
from dutydesk.ui.background import run_with_progress
from dutydesk.ui.forms import button_row, push_button
from dutydesk.ui.record_list import read_only
from dutydesk.ui.restore_prompts import ask_other_center

HEADERS = ("备份时间", "类型", "大小", "文件")


class BackupDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.restored = False
        self.setWindowTitle("备份与恢复")
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        keep = (get_setting(KEEP_DAILY, desk.today()), get_setting(KEEP_MONTHLY, desk.today()))
        about = QLabel(
            f"每天首次启动和退出时自动备份，保留最近 {keep[0]} 天每天最早和最晚各一份、最近 {keep[1]} 个月每月一份；"
            "手动备份和恢复前的备份不会被自动删除。"
            f"\n备份文件夹：{desk.folder.backups_dir}"
        )
        about.setWordWrap(True)  # one long line made the dialog wider than a laptop at 字号 特大
        layout.addWidget(about)
        self.table = read_only(QTableWidget(0, len(HEADERS)), "备份列表")
        self.table.setHorizontalHeaderLabels(HEADERS)
        layout.addWidget(self.table)
        # Backing up is everyday; restoring replaces the books: the two sit in separate boxes, far
        # apart, so a hurried click on 立即备份 can never land on 恢复.
        groups = QHBoxLayout()
        for title, actions in (
            ("备份", (("立即备份", self.backup_now), ("备份到U盘或文件夹", self.backup_elsewhere))),
            ("恢复（将替换当前全部数据）",
             (("恢复选中的备份", self.restore_selected), ("从文件恢复", self.restore_file))),
        ):
            box = QGroupBox(title)
            box.setAccessibleName(title)
            row = QHBoxLayout(box)
            for text, slot in actions:
                row.addWidget(push_button(text, slot))
            groups.addWidget(box)
            groups.addStretch(1)
        layout.addLayout(groups)
        close = push_button("关闭", self.reject)
        layout.addLayout(button_row(close))
        self.reload()

    def reload(self) -> None:
        paths = list_backups(self.desk.folder)
        self.table.setRowCount(len(paths))
        for row, path in enumerate(paths):
            taken = backup_time(path)
            kind = path.stem.rsplit("-", 1)[-1].rstrip("0123456789") if taken else ""
            cells = (f"{taken:%Y-%m-%d %H:%M:%S}" if taken else "", KINDS.get(kind, kind),
                     f"{path.stat().st_size / 1_048_576:.1f} MB", path.name)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(256, str(path))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def backup_now(self) -> None:
        desk = self.desk
        now = desk.now()
        keep = (int(get_setting(KEEP_DAILY, now.date())), int(get_setting(KEEP_MONTHLY, now.date())))

        def work(report, cancelled):
            path = take_backup(desk.folder, now, "manual")
            rotate(desk.folder, *keep)
            return path

        path = run_with_progress(self, "正在备份…", work)
        self.reload()
        QMessageBox.information(self, "备份完成", f"已备份到：{path}")

    def backup_elsewhere(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "选择备份到的文件夹或U盘")
        if not chosen:
            return
        desk = self.desk
        now = desk.now()
        try:
            path = run_with_progress(self, "正在备份…",
                                     lambda report, cancelled: backup_to_folder(desk.folder, Path(chosen), now))
        except (DeskError, OSError) as exc:
            QMessageBox.warning(self, "备份失败", plain_message(exc) or str(exc))
            return
        QMessageBox.information(self, "备份完成", f"已备份到：{path}")

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, "恢复", "请先在列表中选择一个备份。")
            return
        self.restore(Path(self.table.item(rows[0].row(), 0).data(256)))

    def restore_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "选择备份文件", "", "值班台备份 (*.sqlite3);;所有文件 (*)")
        if chosen:
            self.restore(Path(chosen))

    def restore(self, path: Path) -> None:
        if is_live_database(self.desk.folder, path):
            QMessageBox.warning(self, "不能恢复", "所选文件就是正在使用的数据库本身，不能用它恢复自己。"
                                "请选择备份文件夹中的备份。")
            return
        info = inspect_backup(path)
        text = "\n".join(info.summary_lines())
        if not info.ok:
            QMessageBox.warning(self, "不能恢复", text)
            return
        answer = QMessageBox.question(
            self, "确认恢复",
            text + "\n\n恢复后当前数据库将被替换（原文件会保留在数据文件夹中），值班台随后关闭，请重新打开。"
            "\n确定恢复吗？",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        desk = self.desk
        take_backup(desk.folder, desk.now(), "restore")  # one more way back, just in case
        confirmation = ""
        while True:
            desk.db.close()
            try:
                aside = verified_restore(desk.folder, path, desk.now(), confirmation)
                break
            except OtherCenter as refused:
                typed = ask_other_center(self, refused)
                if typed is None:
                    return
                confirmation = typed
            except DeskError as exc:
                QMessageBox.warning(self, "不能恢复", str(exc))
                return
            finally:
                desk.db = connect(desk.folder.db_path)
        self.restored = True
        kept = f"原数据库保留在：{aside}\n" if aside else ""
        QMessageBox.information(self, "恢复完成", f"已恢复。{kept}值班台将关闭，请重新打开。")
        self.accept()


def show_backups(desk: Desk, parent: QWidget) -> None:
    if not (desk.account and desk.account.role == "admin"):
        QMessageBox.warning(parent, "无权操作", "备份与恢复仅管理员可用。")
        return
    dialog = BackupDialog(desk, parent)
    dialog.exec()
    if dialog.restored:
        parent.close()
