"""Issue 17: the idle lock watches the app's input only while it counts down (no password, no
countdown: the window's events do not pass through Python for it); activity still restarts it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import IDLE_LOCK_MINUTES, set_password
from dutydesk.store.settings import set_setting
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.session import IdleLock


def _key(window) -> None:
    QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))


def test_the_idle_lock_watches_input_only_while_counting_down(app, qtbot, desk, folder, monkeypatch):
    window = MainWindow(desk, UiPrefs(folder.ui_settings_path))
    qtbot.addWidget(window)
    seen: list[str] = []
    original = IdleLock.eventFilter

    def watched(self, obj, event) -> bool:
        seen.append(event.type().name)
        return original(self, obj, event)

    monkeypatch.setattr(IdleLock, "eventFilter", watched)
    lock = IdleLock(window, desk)
    _key(window)
    assert not lock.timer.isActive() and seen == []  # no password: nothing to count, nothing watched

    set_password(Account.get(Account.name == "管理员"), "9999", desk.who, desk.now())
    set_setting(IDLE_LOCK_MINUTES, 5, desk.today(), desk.who, desk.now())
    lock.restart()
    lock.timer.start(1000)  # as if most of the idle time had passed
    _key(window)
    assert "KeyPress" in seen
    assert lock.timer.isActive() and lock.timer.interval() == 1000 and lock.timer.remainingTime() > 900

    set_setting(IDLE_LOCK_MINUTES, 0, desk.today(), desk.who, desk.now())  # 0: never lock
    lock.restart()
    assert not lock.timer.isActive()
    seen.clear()
    _key(window)
    assert seen == []
