"""工具 → 服务中心信息: a correction keeps the old value in the audit trail (A03)."""

from PySide6.QtWidgets import QLineEdit, QPushButton

from dutydesk.store import audit
from dutydesk.store.center import CenterRecord, load_center
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from tests.ui.helpers import by_name, type_text, when_modal


def find_action(window, menu, text):
    return next(a for a in window.menus[menu].actions() if a.text() == text)


def test_director_corrects_center_phone_and_history_is_kept(qtbot, app, desk):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)

    def correct(dialog):
        edit = by_name(dialog, "服务电话", QLineEdit)
        assert edit.text() == "0571-63281234"  # the form starts from the saved profile
        edit.clear()
        type_text(qtbot, edit, "0571-63280000")
        by_name(dialog, "确定", QPushButton).click()

    when_modal(correct)
    find_action(window, "工具", "服务中心信息…").trigger()
    assert load_center().public_phone == "0571-63280000"
    changes = [(e.field, e.old_value, e.new_value) for e in audit.history(CenterRecord.get())
               if e.field == "public_phone"]
    assert changes == [("public_phone", "0571-63281234", "0571-63280000")]


def test_operator_does_not_see_the_center_editor(qtbot, app, desk):
    from dutydesk.store.accounts.account import Account

    desk.account = Account.get(Account.name == "李文书")
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    assert "服务中心信息…" not in [a.text() for a in window.menus["工具"].actions() if a.isVisible()]


def test_director_enters_division_code_and_sees_the_key_fingerprint(qtbot, app, desk):
    """Issue 16: the division code beside the township; the public key and fingerprint shown."""
    from PySide6.QtWidgets import QLabel

    from dutydesk.store.center_keys import center_fingerprint

    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    seen = {}

    def enter(dialog):
        seen["fingerprint"] = by_name(dialog, "公钥指纹", QLabel).text()
        code = by_name(dialog, "统计用区划代码", QLineEdit)
        type_text(qtbot, code, "35042510020")  # one digit short
        by_name(dialog, "确定", QPushButton).click()
        seen["error"] = by_name(dialog, "统计用区划代码错误提示").text()
        type_text(qtbot, code, "1")
        by_name(dialog, "确定", QPushButton).click()

    when_modal(enter)
    find_action(window, "工具", "服务中心信息…").trigger()
    assert seen["error"] == "统计用区划代码应为12位数字，现在是11位"
    assert seen["fingerprint"] == center_fingerprint(desk.folder.path)
    assert load_center().division_code == "350425100201"
