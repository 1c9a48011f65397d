"""Opening a data folder for the GUI, with a dialog for every step that needs the user:
another instance holds the folder, a restore was interrupted, the books are missing but backups
exist, the database is damaged, the folder is new (first run)."""

from __future__ import annotations

import logging
import sys
import traceback
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6 import QtWidgets  # QtWidgets.QMessageBox: its type made when first used (issue 17)
from PySide6.QtWidgets import QApplication, QWidget

from dutydesk.desk import Desk, open_desk
from dutydesk.domain.clock import Clock
from dutydesk.store.center import load_center
from dutydesk.store.datafolder import DataFolder, DeskError, FolderLock
from dutydesk.store.faults import plain_message
from dutydesk.store.leftovers import before_opening, books_missing  # store.restore only when needed
from dutydesk.store.opening import DamagedDatabase

if TYPE_CHECKING:
    from threading import Thread

log = logging.getLogger(__name__)


@dataclass(eq=False, repr=False)  # never compared or printed: less to compile at start (issue 17)
class OpenedDesk:
    """The books the window works on, with the folder's lock held until they are closed."""
    desk: Desk
    lock: FolderLock
    just_created: bool = False  # first run just now: the administrator typed their password already
    backup_thread: Thread | None = None  # the day's first backup, once the first screen is whole

    def close(self) -> None:
        self.desk.close()
        self.lock.release()


def ask_restore(parent: QWidget | None, exc: DamagedDatabase) -> bool:
    """Tell the user the books are damaged; offer the latest good backup if there is one."""
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Critical)
    box.setWindowTitle("数据库损坏")
    text = "数据库文件检查未通过，为避免进一步损坏，值班台不会直接打开它。\n\n" + "\n".join(
        exc.problems[:5]
    )
    if exc.backup is not None:
        text += f"\n\n可以改用最近的完好备份：{exc.backup.name}（原文件会保留在数据文件夹中）。"
        restore = box.addButton("恢复最近的备份", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        restore.setAccessibleName("恢复最近的备份")
    else:
        text += "\n\n没有找到可用的备份。请联系管理员，并保留数据文件夹：\n" + str(exc.folder.path)
        restore = None
    quit_button = box.addButton("退出", QtWidgets.QMessageBox.ButtonRole.RejectRole)
    quit_button.setAccessibleName("退出")
    box.setText(text)
    box.exec()
    return restore is not None and box.clickedButton() is restore


def first_run(parent: QWidget | None, desk: Desk) -> bool:
    """The center's profile and the first administrator, with their password (a demo folder may
    skip the password: the main window then says the accounts have none)."""
    # Imported here: a first run happens once, the signing keys' library is not needed to start.
    from dutydesk.store.accounts.account import create_account
    from dutydesk.store.accounts.login import set_password
    from dutydesk.store.center import save_center
    from dutydesk.store.center_keys import ensure_key_pair
    from dutydesk.ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(parent, demo=desk.folder.is_demo())
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted or dialog.profile is None:
        return False
    now = desk.now()
    with desk.db.atomic():
        save_center(dialog.profile, dialog.admin_name, now)
        desk.account = create_account(dialog.admin_name, "admin", dialog.admin_name, now)
        if dialog.admin_password:
            set_password(desk.account, dialog.admin_password, dialog.admin_name, now)
    ensure_key_pair(desk.folder.path)  # signs the bundles handed to the township (issue 16)
    return True


def open_for_gui(
    folder: DataFolder, clock: Clock | None = None, parent: QWidget | None = None, features: bool = True
) -> OpenedDesk | None:
    """Lock, check, migrate and (on a new folder) run first-run; None when the user gave up.

    ``features=False`` (the app's start): every feature's store modules are imported when first
    needed, at the latest right after the window shows (``store.feature_loading``)."""
    lock = folder.lock()
    try:
        lock.acquire()
    except DeskError as exc:
        QtWidgets.QMessageBox.warning(parent, "无法打开", str(exc))
        return None
    try:
        notice = before_opening(folder)
        if (notice or books_missing(folder)) and not _settle_restore(folder, notice, clock, parent):
            lock.release()
            return None
        while True:
            try:
                desk = open_desk(folder, clock, features=features)
                break
            except DamagedDatabase as exc:
                from dutydesk.store.backup import restore_backup

                log.error("damaged database: %s", exc.problems)
                if not ask_restore(parent, exc) or exc.backup is None:
                    lock.release()
                    return None
                restore_backup(folder, exc.backup, (clock.now() if clock else None) or _now())
        created = load_center() is None
        if created and not first_run(parent, desk):
            desk.close()
            lock.release()
            return None
        return OpenedDesk(desk, lock, just_created=created)
    except (DeskError, OSError) as exc:  # also a folder that turned read-only or full
        lock.release()
        QtWidgets.QMessageBox.warning(parent, "无法打开", plain_message(exc, folder.db_path) or str(exc))
        return None


def _settle_restore(folder: DataFolder, notice: str | None, clock: Clock | None, parent: QWidget | None) -> bool:
    """An interrupted restore was settled (``notice``) or the books are missing; False: quit.

    Rare, so their dialogs are imported only here (issue 17: not on every start's path)."""
    from dutydesk.store.backup import latest_good_backup
    from dutydesk.store.restore import restore_books
    from dutydesk.ui.restore_prompts import ask_missing_books, tell_interrupted

    if notice:
        log.warning("interrupted restore settled: %s", notice)
        tell_interrupted(parent, notice)
    if books_missing(folder):
        backup = latest_good_backup(folder)
        answer = ask_missing_books(parent, folder, backup)
        if answer == "quit":
            return False
        if answer == "restore" and backup is not None:
            restore_books(folder, backup, (clock.now() if clock else None) or _now())
    return True


def _now():
    import datetime as dt

    return dt.datetime.now()


def install_excepthook(folder: DataFolder) -> None:
    """An unexpected error is logged and shown in a dialog; the window stays open."""

    def hook(exc_type, exc, tb) -> None:
        message = plain_message(exc, folder.db_path) if exc is not None else None
        if message is not None:  # a full disk, a read-only folder, a file open in WPS: no bug
            log.warning("fault: %r", exc)
            if QApplication.instance() is not None:
                QtWidgets.QMessageBox.warning(None, "操作未完成", message)
            return
        log.error("unhandled error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if QApplication.instance() is not None:
            QtWidgets.QMessageBox.critical(
                None, "出现意外错误",
                f"操作未完成：{exc}\n\n已记录到日志，其他数据不受影响。\n日志位置：{folder.logs_dir}",
            )

    sys.excepthook = hook
