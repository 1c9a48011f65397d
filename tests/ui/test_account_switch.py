"""Menus and role-dependent buttons follow the logged-in account when the user is switched at the
idle lock (the window is built once, for whoever logged in first)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QPushButton

from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import IDLE_LOCK_MINUTES, set_password
from dutydesk.store.settings import set_setting
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.session import IdleLock
from tests.ui.helpers import by_name

DIRECTOR_ENTRIES = {"审计记录…", "档案保管期限…", "服务中心信息…", "值班设置…", "工作日日历…", "合并重复群众记录…"}
ADMIN_ENTRIES = {"账户与权限…", "备份与恢复…"}


def _shown(menu: QMenu) -> set[str]:
    return {a.text() for a in menu.actions() if a.isVisible() and a.isEnabled()}


def _unlock_as(qtbot, lock: IdleLock, name: str, password: str) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.names.setCurrentIndex(dialog.names.findData(name))
        qtbot.keyClicks(dialog.password, password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    lock.timer.timeout.emit()  # the idle time has passed: the window locks and asks who goes on


def test_switching_user_at_the_lock_shows_and_hides_director_entries(app, qtbot, desk, folder):
    set_password(Account.get(Account.name == "李文书"), "2468", desk.who, desk.now())
    set_password(Account.get(Account.name == "王书记"), "1357", desk.who, desk.now())
    set_setting(IDLE_LOCK_MINUTES, 5, desk.today(), desk.who, desk.now())
    desk.account = Account.get(Account.name == "李文书")
    window = MainWindow(desk, UiPrefs(folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window, desk)
    tools = window.menus["工具"]
    register = by_name(window, "查阅登记簿", QPushButton)
    assert not (DIRECTOR_ENTRIES | ADMIN_ENTRIES) & _shown(tools)
    assert register.isHidden()

    archive_status = by_name(window, "检索状态")
    _unlock_as(qtbot, lock, "王书记", "1357")
    assert desk.account.name == "王书记"
    assert archive_status.text() == "已切换用户，请重新检索。"  # the operator's results are gone
    assert _shown(tools) >= DIRECTOR_ENTRIES
    assert not ADMIN_ENTRIES & _shown(tools)  # a director is not the administrator
    assert not register.isHidden()
    assert "当前用户：王书记（主任）" in window.status_label.text()

    _unlock_as(qtbot, lock, "李文书", "2468")
    assert desk.account.name == "李文书"
    assert not DIRECTOR_ENTRIES & _shown(tools)
    assert register.isHidden()
    assert "当前用户：李文书（值班员）" in window.status_label.text()


def test_entries_follow_the_account_changed_signal(app, qtbot, desk, folder):
    desk.account = Account.get(Account.name == "李文书")
    window = MainWindow(desk, UiPrefs(folder.ui_settings_path))
    qtbot.addWidget(window)
    audit_action = next(a for a in window.menus["工具"].actions() if a.text() == "审计记录…")
    assert not audit_action.isEnabled() and not audit_action.isVisible()  # hidden: no shortcut either
    desk.account = Account.get(Account.name == "管理员")
    window.events.account_changed.emit()
    assert audit_action.isEnabled() and audit_action.isVisible()
    assert _shown(window.menus["工具"]) >= ADMIN_ENTRIES
