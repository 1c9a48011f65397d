"""An approval needs a secret (V09, A02): the first-run dialog gives the administrator a password
on a real folder, the main window says when no account has one, and 账户与权限 names the accounts
without one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget

from dutydesk.store.accounts.account import Account, can_approve
from dutydesk.store.accounts.login import login_required, set_password
from dutydesk.store.center import load_center
from dutydesk.ui.accounts_dialog import AccountsDialog
from dutydesk.ui.first_run import FirstRunDialog
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.password_banner import DEMO_TEXT
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.startup import open_for_gui
from tests.ui.helpers import by_name, type_text, when_modal

PROFILE = {"服务中心名称": "青石村党群服务中心", "所属乡镇/街道": "桃源镇", "地址": "村部一楼",
           "服务电话": "0571-63281234", "监督电话": "0571-63285678", "管理员账户名": "王芳"}


def _fill(qtbot, dialog, values: dict[str, str]) -> None:
    for label, text in values.items():
        edit = by_name(dialog, label, QLineEdit)
        edit.clear()
        type_text(qtbot, edit, text)


def _error(dialog, label: str) -> QLabel:
    return by_name(dialog, f"{label}错误提示", QLabel)


def test_v09_first_run_on_a_real_folder_requires_a_valid_admin_password(qtbot, app):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(qtbot, dialog, PROFILE)
    ok = by_name(dialog, "确定", QPushButton)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and dialog.isVisible()
    assert _error(dialog, "管理员密码").isVisible()
    assert "请为管理员设置密码" in _error(dialog, "管理员密码").text()
    qtbot.keyClicks(by_name(dialog, "管理员密码", QLineEdit), "12")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert _error(dialog, "管理员密码").text() == "密码至少4位"
    by_name(dialog, "管理员密码", QLineEdit).clear()
    qtbot.keyClicks(by_name(dialog, "管理员密码", QLineEdit), "8642")
    qtbot.keyClicks(by_name(dialog, "再次输入密码", QLineEdit), "8641")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert _error(dialog, "再次输入密码").text() == "两次输入的密码不一致"
    assert dialog.result() == 0
    by_name(dialog, "再次输入密码", QLineEdit).clear()
    qtbot.keyClicks(by_name(dialog, "再次输入密码", QLineEdit), "8642")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert (dialog.admin_name, dialog.admin_password) == ("王芳", "8642")


def test_first_run_on_a_demo_folder_may_skip_the_password(qtbot, app):
    dialog = FirstRunDialog(demo=True)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(qtbot, dialog, PROFILE)
    assert any(label.text() == "演示数据可不设密码" and label.isVisible() for label in dialog.findChildren(QLabel))
    qtbot.mouseClick(by_name(dialog, "确定", QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted and dialog.admin_password == ""


def test_v09_first_run_stores_the_admin_password_so_the_admin_can_approve(qtbot, app, folder, clock):
    def answer(dialog):
        _fill(qtbot, dialog, {**PROFILE, "管理员密码": "8642", "再次输入密码": "8642"})
        by_name(dialog, "确定", QPushButton).click()

    when_modal(answer)
    opened = open_for_gui(folder, clock)
    assert opened is not None
    try:
        assert load_center().name == "青石村党群服务中心"
        admin = Account.get(Account.name == "王芳")
        assert admin.password_hash.startswith("scrypt$") and can_approve(admin)
        assert login_required() and opened.just_created  # no second login right after first run
    finally:
        opened.close()


def _window(qtbot, desk) -> MainWindow:
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    return window


def test_v09_demo_folder_without_passwords_shows_the_practice_banner(qtbot, app, desk):
    desk.folder.mark_demo()
    window = _window(qtbot, desk)
    banner = by_name(window, "密码提示", QLabel)
    assert banner.isVisible() and banner.text() == DEMO_TEXT
    assert banner.text().startswith("演示数据：账户未设密码，仅供练习")


def test_v09_real_folder_without_passwords_is_told_to_set_them_until_one_is_set(qtbot, app, desk):
    window = _window(qtbot, desk)
    banner = by_name(window, "密码提示", QLabel)
    assert banner.isVisible() and banner.text() == "账户未设密码：请在“账户与权限”中设置"
    assert banner.width() > 200 and banner.y() < window.tabs.y()  # really shown, above the tabs
    set_password(Account.get(Account.name == "管理员"), "8642", desk.who, desk.now())
    window.events.account_changed.emit()
    assert not banner.isVisible()


def test_v09_accounts_dialog_names_the_accounts_without_a_password(qtbot, app, desk):
    set_password(Account.get(Account.name == "管理员"), "8642", desk.who, desk.now())
    dialog = AccountsDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    warning = by_name(dialog, "密码警告", QLabel)
    assert warning.isVisible()
    assert "以下账户未设置密码：王书记、李文书" in warning.text() and "不能批准" in warning.text()
    table = by_name(dialog, "账户列表", QTableWidget)
    row = [table.item(r, 0).text() for r in range(table.rowCount())].index("王书记")
    table.selectRow(row)
    qtbot.keyClicks(by_name(dialog, "新密码", QLineEdit), "1357")
    qtbot.mouseClick(by_name(dialog, "设置密码", QPushButton), Qt.MouseButton.LeftButton)
    assert "王书记" not in warning.text() and "李文书" in warning.text()
    set_password(Account.get(Account.name == "李文书"), "2468", desk.who, desk.now())
    dialog.reload()
    assert not warning.isVisible()
