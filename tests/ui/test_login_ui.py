"""Login at start, idle lock, accounts dialog, audit viewer: driven through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableView, QTableWidget

from dutydesk.store import audit
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import IDLE_LOCK_MINUTES, set_password
from dutydesk.store.settings import set_setting
from dutydesk.ui.accounts_dialog import AccountsDialog
from dutydesk.ui.archive.audit_viewer import AuditViewer
from dutydesk.ui.login_dialog import LoginDialog
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.session import IdleLock, login_at_start
from tests.ui.helpers import type_text


def _named(widget, cls, name):
    found = [w for w in widget.findChildren(cls) if w.accessibleName() == name]
    assert found, f"no {cls.__name__} named {name}"
    return found[0]


def _pick(dialog: LoginDialog, name: str) -> None:
    dialog.names.setCurrentIndex(dialog.names.findData(name))


def test_login_dialog_shows_error_beside_password_and_keeps_it(app, qtbot, desk):
    set_password(Account.get(Account.name == "李文书"), "2468", desk.who, desk.now())
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    _pick(dialog, "李文书")
    password = _named(dialog, QLineEdit, "密码")
    qtbot.keyClicks(password, "1111")
    qtbot.mouseClick(_named(dialog, QPushButton, "登录"), Qt.MouseButton.LeftButton)
    assert "密码不正确，再错 4 次" in dialog.password_field.error.text()
    assert dialog.result() != LoginDialog.DialogCode.Accepted
    password.clear()
    qtbot.keyClicks(password, "2468")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.account.name == "李文书"


def test_login_dialog_locks_after_five_wrong_tries(app, qtbot, desk):
    set_password(Account.get(Account.name == "李文书"), "2468", desk.who, desk.now())
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    _pick(dialog, "李文书")
    for _ in range(5):
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, "0000")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "2468")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "账户已锁定" in dialog.password_field.error.text()
    assert dialog.account is None


def test_no_login_dialog_while_no_account_has_a_password(app, desk):
    before = desk.account
    assert login_at_start(desk) is True
    assert desk.account is before


def test_login_at_start_sets_the_writing_account(app, qtbot, desk):
    set_password(Account.get(Account.name == "王书记"), "1357", desk.who, desk.now())
    set_password(Account.get(Account.name == "管理员"), "9999", desk.who, desk.now())

    def answer():
        dialog = QApplication.activeModalWidget()
        _pick(dialog, "王书记")
        qtbot.keyClicks(dialog.password, "1357")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    assert login_at_start(desk) is True
    assert desk.account.name == "王书记" and desk.who == "王书记"


def test_idle_lock_hides_window_and_switches_user(app, qtbot, desk, folder):
    set_password(Account.get(Account.name == "李文书"), "2468", desk.who, desk.now())
    set_password(Account.get(Account.name == "管理员"), "9999", desk.who, desk.now())
    set_setting(IDLE_LOCK_MINUTES, 5, desk.today(), desk.who, desk.now())
    window = MainWindow(desk, UiPrefs(folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    lock = IdleLock(window, desk)
    assert lock.timer.isActive() and lock.timer.interval() == 5 * 60_000
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        seen["hidden"] = not window.centralWidget().isVisible()
        seen["title"] = dialog.windowTitle()
        seen["preselected"] = dialog.names.currentData()
        _pick(dialog, "李文书")
        qtbot.keyClicks(dialog.password, "2468")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    lock.timer.timeout.emit()  # the idle time has passed
    assert seen == {"hidden": True, "title": "值班台已锁定", "preselected": "管理员"}
    assert window.centralWidget().isVisible()
    assert desk.account.name == "李文书"
    assert "当前用户：李文书" in window.status_label.text()


def test_accounts_dialog_adds_account_with_password(app, qtbot, desk):
    dialog = AccountsDialog(desk)
    qtbot.addWidget(dialog)
    type_text(qtbot, _named(dialog, QLineEdit, "账户名"), "赵干部")
    qtbot.keyClicks(_named(dialog, QLineEdit, "新密码"), "12")
    qtbot.mouseClick(_named(dialog, QPushButton, "新建账户"), Qt.MouseButton.LeftButton)
    assert dialog.password.error.text() == "密码至少4位"
    assert not Account.select().where(Account.name == "赵干部").exists()  # one transaction
    assert _named(dialog, QLineEdit, "账户名").text() == "赵干部"  # nothing typed is lost
    _named(dialog, QLineEdit, "新密码").clear()
    qtbot.keyClicks(_named(dialog, QLineEdit, "新密码"), "8642")
    qtbot.mouseClick(_named(dialog, QPushButton, "新建账户"), Qt.MouseButton.LeftButton)
    account = Account.get(Account.name == "赵干部")
    assert account.password_hash.startswith("scrypt$") and account.role == "operator"
    table = _named(dialog, QTableWidget, "账户列表")
    texts = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert "赵干部" in texts


def test_account_actions_ask_for_a_selected_account_first(app, qtbot, desk):
    dialog = AccountsDialog(desk)
    qtbot.addWidget(dialog)
    for action in ("设置密码", "保存角色", "停用/启用"):
        dialog.name.clear_error()
        qtbot.mouseClick(_named(dialog, QPushButton, action), Qt.MouseButton.LeftButton)
        assert dialog.name.error.text() == "请先在左侧选择账户", action
    assert all(a.active for a in Account.select())


def test_a03_audit_viewer_shows_an_edit_with_old_and_new(app, qtbot, desk):
    """A03: a director sees who changed what, from what to what."""
    account = Account.get(Account.name == "李文书")
    audit.update(account, "管理员", desk.now(), reason="调整职责", role="director")
    desk.account = Account.get(Account.name == "王书记")
    viewer = AuditViewer(desk)
    qtbot.addWidget(viewer)
    view = _named(viewer, QTableView, "审计记录")
    model = view.model()
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert ["2026-11-24 09:00:00", "管理员", "账户", str(account.id), "修改", "权限", "值班员",
            "主任", "调整职责"] in rows  # labels, never the stored codes


def test_audit_menu_only_for_directors(app, qtbot, desk, folder):
    desk.account = Account.get(Account.name == "李文书")
    window = MainWindow(desk, UiPrefs(folder.ui_settings_path))
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menus["工具"].actions() if a.isVisible()]
    assert "审计记录…" not in texts
    desk.account = Account.get(Account.name == "王书记")
    window2 = MainWindow(desk, UiPrefs(folder.ui_settings_path))
    qtbot.addWidget(window2)
    assert "审计记录…" in [a.text() for a in window2.menus["工具"].actions() if a.isVisible()]
