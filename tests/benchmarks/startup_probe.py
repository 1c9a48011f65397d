"""Child process for the start-up benchmark: prints the wall-clock time (``time.time()``) at
which the window has been shown and painted once, then exits.

``bare``: a bare PySide6 QMainWindow with four empty tabs (the yardstick).
``desk FOLDER``: the desk's own start from its entry point (``cli.main``, then ``app.launch``)
without the password dialog and the start-of-day backup thread: options and log file, theme,
open and check the books, the main window with 今日值班.
``settle FOLDER``: the same start, then the work the window does once it has shown (the features'
store modules, the menus, the status bar's items, the other tabs built in idle time), with a
10 ms timer running from the window's first paint: prints the longest gap between its ticks in
ms after the first paint (the first paint itself is the start-up benchmark's), then exits.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def after_first_paint(window, then):
    """Call ``then`` once ``window`` has painted for the first time, in the next turn of the event
    loop (after the whole paint and its flush to the screen).

    A zero timer started at ``show()`` is not enough: it fires before the paint, which Qt runs on
    the window's update request a few milliseconds later. The watcher sees the window's own events
    only; it makes PySide create ``QEvent``'s Python type in the bare window too (~2 ms, which the
    desk pays anyway), a cost of measuring that favours the desk slightly. The watcher returned says
    ``painted`` at once, for a loop that turns the events itself."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                self.painted = True
                QTimer.singleShot(0, then)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
    return watcher


def _shown(app, window, close_books=None) -> None:
    """Print the time once ``window`` has painted, then end.

    With ``DUTYDESK_PROBE_EXIT_AT_PAINT`` set (the instruction count), the process ends at the
    first paint, the books closed cleanly first so that the next start is an ordinary one, and the
    events up to the paint are run without Qt's timers: under valgrind, fifty times slower, the
    app's timers (the menus at 60 ms, the idle builder at 120 ms) would be due before the paint
    and counted in it. The interpreter's teardown is not counted either."""
    if os.environ.get("DUTYDESK_PROBE_EXIT_AT_PAINT"):
        from PySide6.QtCore import QEventLoop

        watcher = after_first_paint(window, lambda: None)
        for _turn in range(10_000):
            app.processEvents(QEventLoop.ProcessEventsFlag.X11ExcludeTimers)
            if watcher.painted:
                break
        assert watcher.painted, "the window did not paint"
        print(f"{time.time():.6f}", flush=True)
        if close_books is not None:
            close_books()
        os._exit(0)

    def done() -> None:
        print(f"{time.time():.6f}", flush=True)
        app.quit()

    after_first_paint(window, done)
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
    _shown(app, window)


def _start_desk(path: str, with_window) -> int:
    """Start as ``dutydesk --data-dir FOLDER`` does: the entry point ``cli.main`` (its options,
    the log file, the collector paused), then ``app.launch`` itself, with its password dialog (the
    books have no password) and its start-of-day backup thread (not every start has one) left out;
    ``with_window(app, window, opened)`` runs in place of the app's event loop."""
    import importlib.util

    def patch(app_module) -> None:
        app_module.login_at_start = lambda desk: True
        app_module.backup_at_start = lambda desk: None

        def run_gui(folder, demo: bool = False) -> int:
            launched = app_module.launch(folder, demo)
            assert launched is not None
            window, opened = launched
            with_window(app_module.QApplication.instance(), window, opened)
            window.close()
            opened.close()  # a clean end, as the app's: the next start takes the cheap check
            return 0

        app_module.run_gui = run_gui

    class PatchOnImport:  # ``dutydesk.app`` is imported by ``cli.main`` itself, after its pause
        def find_spec(self, name, path=None, target=None):
            if name != "dutydesk.app":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            load = spec.loader.exec_module

            def exec_module(module) -> None:
                load(module)
                patch(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, PatchOnImport())
    from dutydesk.cli import main

    return main(["--data-dir", path])


SETTLE_S = 4.0  # the after-show work (menus at 60 ms, idle builds from 120 ms on) ends well before


def settle(path: str) -> None:
    def with_window(app, window, opened) -> None:
        from PySide6.QtCore import QTimer

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
        after_first_paint(window, painted)
        QTimer.singleShot(int(SETTLE_S * 1000), app.quit)
        app.exec()
        print(f"{max(gaps, default=0.0):.1f}", flush=True)

    _start_desk(path, with_window)


def desk(path: str) -> None:
    _start_desk(path, lambda app, window, opened: _shown(app, window, opened.close))


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    elif sys.argv[1] == "settle":
        settle(sys.argv[2])
    else:
        desk(sys.argv[2])
