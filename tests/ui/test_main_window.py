"""The main window: tabs in order, keyboard navigation, remembered state, font size, about."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from dutydesk import __version__
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.theme import FONT_SIZES
from tests.ui.helpers import activate


def make_window(qtbot, desk):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def tab_titles(window):
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_five_tabs_in_order_and_menus(qtbot, app, desk):
    window = make_window(qtbot, desk)
    assert tab_titles(window) == ["今日值班", "来访登记", "一次性告知", "档案查询", "网格走访", "留言预约"]
    assert [a.text() for a in window.menuBar().actions()] == ["文件", "导出", "工具", "帮助"]


def test_ctrl_number_switches_tabs(qtbot, app, desk):
    window = make_window(qtbot, desk)
    activate(qtbot, window)
    for index in (3, 2, 1, 4, 5):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index - 1


def test_window_geometry_and_last_tab_are_remembered(qtbot, app, desk, monkeypatch):
    from dutydesk.ui import screen_fit

    monkeypatch.setattr(screen_fit, "MAXIMISE_UP_TO", 0)  # a big screen: on a laptop it opens maximised
    window = make_window(qtbot, desk)
    smallest = window.minimumSizeHint()  # 来访登记 keeps rows of its register in view
    size = (max(640, smallest.width()), max(480, smallest.height()))
    window.setGeometry(QRect(30, 40, *size))
    window.tabs.setCurrentIndex(2)
    window.close()
    again = make_window(qtbot, desk)
    assert again.tabs.currentIndex() == 2
    assert (again.width(), again.height()) == size


def test_font_size_choice_applies_and_persists(qtbot, app, desk):
    window = make_window(qtbot, desk)
    window.set_font_size("xlarge")
    assert QApplication.font().pointSize() == FONT_SIZES["xlarge"]
    assert UiPrefs(desk.folder.ui_settings_path).font_size == "xlarge"
    checked = [a.objectName() for a in window._size_actions if a.isChecked()]
    assert checked == ["font_size_xlarge"]
    window.set_font_size("normal")


def test_status_bar_shows_date_weekday_workday_and_center(qtbot, app, desk):
    window = make_window(qtbot, desk)
    text = window.status_label.text()
    assert "2026年11月24日 星期二" in text
    assert "工作日" in text
    assert "青石村党群服务中心" in text


def test_status_bar_knows_a_holiday(qtbot, app, desk, clock):
    import datetime as dt

    clock.set(dt.datetime(2026, 10, 1, 9, 0))
    window = make_window(qtbot, desk)
    assert "休息日" in window.status_label.text()


def test_about_shows_version_and_data_folder(qtbot, app, desk):
    window = make_window(qtbot, desk)
    text = window.about_text()
    assert __version__ in text and str(desk.folder.path) in text


def test_every_frequent_action_has_a_visible_shortcut(qtbot, app, desk):
    window = make_window(qtbot, desk)
    lines = "\n".join(window.shortcut_lines())
    for expected in ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+Q", "F1"):
        assert expected in lines
