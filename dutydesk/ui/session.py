"""The working session around the main window: login at start, idle lock, backups at start/exit.

``app.run_gui`` calls these; they are kept here so the window itself stays about the window.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from dutydesk.desk import Desk
from dutydesk.store.accounts.login import idle_lock_minutes, login_required
from dutydesk.store.settings import get_setting

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
}


def login_at_start(desk: Desk, parent: QWidget | None = None) -> bool:
    """Ask who is at the desk, once any account has a password; False when the user gave up."""
    if not login_required():
        return True
    from dutydesk.ui.login_dialog import LoginDialog  # issue 17: not on the path of a start without passwords

    dialog = LoginDialog(desk, parent=parent)
    if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.account is None:
        return False
    desk.account = dialog.account
    return True


class IdleLock(QObject):
    """Hides the window's contents after the idle time and asks for a password to go on.

    The PC is shared: a desk left open must not show residents' records to the next visitor.
    The same user unlocks, or another user logs in and becomes the account that writes.
    """

    def __init__(self, window: QMainWindow, desk: Desk) -> None:
        super().__init__(window)
        self.window = window
        self.desk = desk
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self._watching = False
        self.restart()

    def restart(self) -> None:
        minutes = idle_lock_minutes(self.desk.today())
        if minutes > 0 and login_required():
            self.timer.start(int(minutes * 60_000))
        else:
            self.timer.stop()
        self._watch(self.timer.isActive())

    def _watch(self, on: bool) -> None:
        """Watch the app's input only while counting down (issue 17): an application-wide filter
        passes every event of every widget through Python, and without a password there is
        nothing to count (the window's build and first paint alone send thousands)."""
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()  # restart the countdown with the same interval
        return False

    def lock(self) -> None:
        if self.locked or not login_required():
            return
        self.locked = True
        central = self.window.centralWidget()
        if central is not None:
            central.setVisible(False)
        current = self.desk.account.name if self.desk.account else None
        from dutydesk.ui.login_dialog import LoginDialog

        dialog = LoginDialog(
            self.desk, title="值班台已锁定",
            message="长时间无人操作，窗口已锁定。请输入密码继续，或选择其他账户登录。",
            preselect=current, purpose="unlock", cancel_text="退出值班台", parent=self.window,
        )
        self.dialog = dialog
        accepted = dialog.exec() == LoginDialog.DialogCode.Accepted and dialog.account is not None
        self.dialog = None
        self.locked = False
        if not accepted:
            self.window.close()
            return
        self.desk.account = dialog.account
        if central is not None:
            central.setVisible(True)
        events = getattr(self.window, "events", None)
        if events is not None:
            events.account_changed.emit()  # menus, status bar and tabs follow the new account
        else:
            refresh = getattr(self.window, "refresh_status", None)
            if refresh:
                refresh()
        self.restart()


def backup_at_start(desk: Desk) -> threading.Thread | None:
    """The first start of a day takes a backup, in the background so the window opens at once."""
    from dutydesk.store.backup_schedule import KEEP_DAILY, KEEP_MONTHLY, daily_backup_due, rotate, take_backup

    if not daily_backup_due(desk.folder, desk.today()):
        return None
    now = desk.now()
    keep = (int(get_setting(KEEP_DAILY, now.date())), int(get_setting(KEEP_MONTHLY, now.date())))

    def work() -> None:
        try:
            take_backup(desk.folder, now, "daily")
            rotate(desk.folder, *keep)
        except Exception:  # a failed backup must never stop the desk; it is logged
            log.exception("daily backup failed")

    thread = threading.Thread(target=work, name="daily-backup", daemon=False)
    thread.start()
    return thread


def backup_on_exit(desk: Desk) -> None:
    from dutydesk.store.backup_schedule import KEEP_DAILY, KEEP_MONTHLY, rotate, take_backup

    try:
        take_backup(desk.folder, desk.now(), "exit")
        rotate(desk.folder, int(get_setting(KEEP_DAILY, desk.today())),
               int(get_setting(KEEP_MONTHLY, desk.today())))
    except Exception:
        log.exception("exit backup failed")
