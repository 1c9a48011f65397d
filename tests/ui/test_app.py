"""The GUI entry point end to end: ``dutydesk --demo`` shows the main window with demo data."""

import sys

from PySide6.QtWidgets import QMessageBox

from dutydesk.app import launch
from dutydesk.store.backup_schedule import backup_kind
from dutydesk.store.datafolder import DataFolder
from dutydesk.ui.lazy_tabs import build_on_demand
from dutydesk.ui.startup import install_excepthook


def test_demo_mode_fills_a_separate_folder_and_shows_the_window(qtbot, app, tmp_path):
    folder = DataFolder(tmp_path / "demo")
    launched = launch(folder, demo=True)
    assert launched is not None
    window, opened = launched
    qtbot.addWidget(window)
    try:
        assert window.isVisible()
        assert folder.is_demo()
        assert "演示数据" in window.windowTitle() and "青石村党群服务中心" in window.windowTitle()
        assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
            "今日值班", "来访登记", "一次性告知", "档案查询", "网格走访", "留言预约"]
        # The day's first start takes its backup (A01), once the first screen is whole (issue 17):
        # not beside the start, which it would slow.
        assert opened.backup_thread is None and not list(folder.backups_dir.glob("dutydesk-*.sqlite3"))
        qtbot.waitUntil(lambda: opened.backup_thread is not None, timeout=10_000)
        opened.backup_thread.join()
        assert [backup_kind(p) for p in folder.backups_dir.glob("dutydesk-*.sqlite3")] == ["daily"]
    finally:
        window.close()
        opened.close()
        build_on_demand(False)  # launch turned it on: later tests build their windows at once
    with folder.lock():  # released on exit
        pass


def test_unexpected_error_is_logged_and_shown_not_crashing(qtbot, app, folder, monkeypatch):
    import logging

    from dutydesk.cli import setup_logging

    setup_logging(folder)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    old_hook = sys.excepthook
    install_excepthook(folder)
    try:
        try:
            raise ValueError("坏数据")
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = old_hook
    logging.getLogger().handlers[-1].flush()
    assert "坏数据" in shown[0] and "日志" in shown[0]
    assert "ValueError: 坏数据" in (folder.logs_dir / "dutydesk.log").read_text(encoding="utf-8")


def test_standard_buttons_speak_chinese(qtbot, app):
    from PySide6.QtWidgets import QDialogButtonBox

    from dutydesk.app import install_chinese_translation

    assert install_chinese_translation(app)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"确定", "取消"} or texts == {"确定(O)", "取消"}


STYLE = """
from dutydesk.app import make_app
from dutydesk.ui.theme import STYLE_PROPERTY
app = make_app()
print(app.style().name(), app.property(STYLE_PROPERTY))
"""


def test_the_app_starts_in_the_theme_style_even_where_the_system_asks_for_another():
    """The theme's style comes with the app's start (Qt's -style option, no Python QStyle before
    the first paint, issue 17); a system's QT_STYLE_OVERRIDE does not change the desk's look."""
    import os
    import subprocess

    out = subprocess.run([sys.executable, "-c", STYLE], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "Windows"})
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split()[-2:] == ["fusion", "Fusion"]


def test_the_theme_sets_its_style_on_an_app_started_elsewhere(app):
    from dutydesk.ui.theme import STYLE_PROPERTY, THEME_STYLE

    assert app.property(STYLE_PROPERTY) == THEME_STYLE  # the tests' app: QApplication made by pytest-qt


def test_the_window_takes_the_interpreter_back_from_workers_within_a_millisecond(app):
    """Issue 17: a worker thread running Python (the USB hand-off) makes the window's thread wait
    up to Python's switch interval at every call from Qt into Python; the app shortens it."""
    from dutydesk.app import SWITCH_INTERVAL_S, make_app

    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # Python's default
        assert make_app() is app
        assert sys.getswitchinterval() == SWITCH_INTERVAL_S == 0.001
    finally:
        sys.setswitchinterval(before)
