"""Child process for the start-up benchmark: prints the wall-clock time (``time.time()``) at
which the window has been shown and painted once, then exits.

``bare``: a bare PySide6 QMainWindow with four empty tabs (the yardstick).
``desk FOLDER``: the desk's own start, ``app.launch`` itself without the password dialog and the
start-of-day backup thread: theme, open and check the books, the main window with 今日值班.
``settle FOLDER``: the same start, then the work the window does once it has shown (the features'
store modules, the menus, the status bar's items, the other tabs built in idle time), with a
10 ms timer running from before the window shows: prints the longest gap between its ticks in
ms after the first paint (the first paint itself is the start-up benchmark's), then exits.
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


def _open_window(path: str, show: bool):
    """``app.launch`` itself, with its password dialog (the books have no password) and its
    start-of-day backup thread (not every start has one) left out."""
    from dutydesk.collector import pause_for_start

    pause_for_start()  # as the entry point (``cli.main``) does before it imports the window
    import dutydesk.app as desk_app
    from dutydesk.store.datafolder import DataFolder

    desk_app.login_at_start = lambda desk: True
    desk_app.backup_at_start = lambda desk: None
    show_window = desk_app.MainWindow.show
    if not show:  # ``settle`` starts its timer first, then shows the window itself
        desk_app.MainWindow.show = lambda window: None
    launched = desk_app.launch(DataFolder(__import__("pathlib").Path(path)))
    assert launched is not None
    window, opened = launched
    desk_app.MainWindow.show = show_window
    return desk_app.QApplication.instance(), opened, window


SETTLE_S = 4.0  # the after-show work (menus at 60 ms, idle builds from 120 ms on) ends well before


def settle(path: str) -> None:
    from PySide6.QtCore import QTimer

    app, opened, window = _open_window(path, show=False)
    gaps: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        if last[0]:
            gaps.append((now - last[0]) * 1000)
        last[0] = now

    def painted() -> None:  # the first turn after the first paint: start counting from here
        last[0] = time.perf_counter()
        timer.start()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    window.show()
    QTimer.singleShot(0, painted)
    QTimer.singleShot(int(SETTLE_S * 1000), app.quit)
    app.exec()
    print(f"{max(gaps, default=0.0):.1f}", flush=True)
    window.close()
    opened.close()


def desk(path: str) -> None:
    app, opened, window = _open_window(path, show=True)
    _shown(app)
    window.close()
    opened.close()  # a clean end, as the app's: the next start takes the cheap check


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    elif sys.argv[1] == "settle":
        settle(sys.argv[2])
    else:
        desk(sys.argv[2])
