"""The 帮助 menu: 打开数据文件夹 / 打开日志文件夹 open the right folder; 关于 says version, center, folder."""

from pathlib import Path

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from dutydesk import __version__
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from tests.ui.helpers import when_modal


def make_window(qtbot, desk):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def help_action(window, text):
    found = [a for a in window.menus["帮助"].actions() if a.text() == text]
    assert len(found) == 1, f"帮助 → {text}"
    assert found[0].isVisible() and found[0].isEnabled()
    return found[0]


def record_open_url(monkeypatch, answer=True):
    opened = []

    def fake_open(url):
        opened.append(Path(url.toLocalFile()))
        return answer

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return opened


def test_help_menu_entries_in_order(qtbot, app, desk):
    window = make_window(qtbot, desk)
    texts = [a.text() for a in window.menus["帮助"].actions()]
    assert texts == ["使用说明", "打开数据文件夹", "打开日志文件夹", "快捷键一览", "许可证与第三方声明", "关于值班台"]
    assert help_action(window, "使用说明").shortcut().toString() == "F1"


def test_open_data_folder_opens_it_in_the_file_manager(qtbot, app, desk, monkeypatch):
    window = make_window(qtbot, desk)
    opened = record_open_url(monkeypatch)
    help_action(window, "打开数据文件夹").trigger()
    assert opened == [desk.folder.path]


def test_open_logs_folder_opens_the_logs_folder_even_before_any_log(qtbot, app, desk, monkeypatch):
    window = make_window(qtbot, desk)
    opened = record_open_url(monkeypatch)
    logs = desk.folder.logs_dir
    if logs.exists() and not any(logs.iterdir()):
        logs.rmdir()
    help_action(window, "打开日志文件夹").trigger()
    assert opened == [logs]
    assert logs.is_dir()


def test_a_folder_that_cannot_be_opened_shows_its_path(qtbot, app, desk, monkeypatch):
    window = make_window(qtbot, desk)
    record_open_url(monkeypatch, answer=False)
    texts = []
    when_modal(lambda box: (texts.append(box.text()), box.accept()), kind=QMessageBox)
    help_action(window, "打开数据文件夹").trigger()
    assert texts, "a message explains it"
    assert "无法自动打开数据文件夹" in texts[0] and str(desk.folder.path) in texts[0]


def test_about_shows_version_center_and_data_folder(qtbot, app, desk):
    window = make_window(qtbot, desk)
    texts = []
    when_modal(lambda box: (texts.append(box.text()), box.accept()), kind=QMessageBox)
    help_action(window, "关于值班台").trigger()
    assert texts, "关于 opens a window"
    assert __version__ in texts[0]
    assert "青石村党群服务中心" in texts[0]
    assert str(desk.folder.path) in texts[0]


def test_about_leads_to_the_licences_and_third_party_notices(qtbot, app, desk):
    from PySide6.QtWidgets import QPlainTextEdit

    from dutydesk.ui.licences_dialog import LicencesDialog
    from tests.ui.helpers import by_name

    window = make_window(qtbot, desk)
    titles: list[str] = []

    def read_licences(dialog):
        titles.extend(view.accessibleName() for view in dialog.findChildren(QPlainTextEdit))
        dialog.reject()

    def press_licences(box):
        when_modal(read_licences, kind=LicencesDialog)
        by_name(box, "许可证与第三方声明").click()

    when_modal(press_licences, kind=QMessageBox)
    help_action(window, "关于值班台").trigger()
    qtbot.waitUntil(lambda: bool(titles))
    assert len(titles) >= 2  # DutyDesk's own licence and the third-party notices
