"""Child process for the start-up benchmark: prints the wall-clock time (``time.time()``) at
which the window has been shown and painted once, then exits.

``bare``: a bare PySide6 QMainWindow with four empty tabs (the yardstick).
``desk FOLDER``: the desk's own start (``app.launch`` without the password dialog and the
start-of-day backup thread): theme, open and check the books, the main window with 今日值班.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _shown(app) -> None:
    from PySide6.QtCore import QTimer

    def done() -> None:
        print(f"{time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, done)  # after the first paint of the shown window
    app.exec()


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    app = QApplication(sys.argv)
    window = QMainWindow()
    tabs = QTabWidget()
    for title in ("一", "二", "三", "四"):
        tabs.addTab(QWidget(), title)
    window.setCentralWidget(tabs)
    window.resize(1280, 820)
    window.show()
    _shown(app)


def desk(path: str) -> None:
    from dutydesk.app import make_app
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.ui.lazy_tabs import build_on_demand
    from dutydesk.ui.main_window import MainWindow
    from dutydesk.ui.prefs import UiPrefs
    from dutydesk.ui.screen_fit_pause import screen_fit_paused
    from dutydesk.ui.startup import open_for_gui
    from dutydesk.ui.theme import apply_theme

    folder = DataFolder(__import__("pathlib").Path(path))
    app = make_app()
    prefs = UiPrefs(folder.ui_settings_path)
    apply_theme(app, prefs.font_size)
    opened = open_for_gui(folder, features=False)  # as app.launch
    assert opened is not None
    build_on_demand()
    with screen_fit_paused():  # as app.launch
        window = MainWindow(opened.desk, prefs)
        window.show()
    _shown(app)
    window.close()
    opened.close()  # a clean end, as the app's: the next start takes the cheap check


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        desk(sys.argv[2])
