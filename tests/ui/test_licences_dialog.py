"""帮助 → 许可证与第三方声明 opens a dialog showing DutyDesk's licence and the third-party notices."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from dutydesk.ui.licences_dialog import LicencesDialog
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from tests.ui.helpers import by_name, when_modal


def _help_action(window, text):
    menu = window.menus["帮助"]
    found = [a for a in menu.actions() if a.text() == text]
    assert len(found) == 1 and found[0].isVisible()
    return found[0]


def test_help_menu_opens_the_licences_with_their_text(qtbot, app, desk):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    seen: dict[str, str] = {}

    def read(dialog):
        assert dialog.windowTitle() == "许可证与第三方声明"
        seen["licence"] = by_name(dialog, "值班台许可证（Apache-2.0）", QPlainTextEdit).toPlainText()
        seen["notices"] = by_name(dialog, "第三方组件声明", QPlainTextEdit).toPlainText()
        by_name(dialog, "关闭").click()

    opened = when_modal(read, kind=LicencesDialog)
    _help_action(window, "许可证与第三方声明").trigger()
    assert opened, "the dialog did not open"
    assert "Apache License" in seen["licence"] and "Version 2.0" in seen["licence"]
    for name in ("PySide6", "shiboken6", "reportlab", "openpyxl", "peewee", "pillow", "PDFium", "pypinyin",
                 "chinesecalendar", "platformdirs", "filelock", "WenQuanYi", "LGPL"):
        assert name.lower() in seen["notices"].lower(), name
    assert "替换 Qt 库" in seen["notices"]
