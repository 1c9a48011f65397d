"""The GUI entry point: theme, fonts, open the folder, show the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from dutydesk import APP_NAME, ORG_NAME, __version__
from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.startup import install_excepthook, open_for_gui
from dutydesk.ui.theme import apply_theme


def make_app() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    return app


def run_gui(folder: DataFolder, demo: bool = False) -> int:
    app = make_app()
    prefs = UiPrefs(folder.ui_settings_path)
    apply_theme(app, prefs.font_size)
    install_excepthook(folder)
    if demo and not folder.db_path.exists():
        from dutydesk.commands.demo import fill_demo_folder

        try:
            fill_demo_folder(folder, seed=2026, days=120, scale=1.0)
        except DeskError as exc:
            QMessageBox.warning(None, "无法生成演示数据", str(exc))
            return 1
    opened = open_for_gui(folder)
    if opened is None:
        return 1
    window = MainWindow(opened.desk, prefs)
    if demo:
        window.setWindowTitle(window.windowTitle() + "（演示数据）")
    window.show()
    try:
        return app.exec()
    finally:
        opened.close()
