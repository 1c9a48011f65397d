"""The GUI entry point: theme, fonts, open the folder, show the main window."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from dutydesk import APP_NAME, ORG_NAME, __version__
from dutydesk.collector import resume_after_start
from dutydesk.ui.app_icon import app_icon  # the first desk module after Qt: see ui.pyside_imports
from dutydesk.ui.lazy_tabs import after_first_screen, build_on_demand
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.qt_messages import install_qt_message_handler
from dutydesk.ui.session import IdleLock, backup_at_start, backup_on_exit, login_at_start
from dutydesk.ui.startup import OpenedDesk, install_excepthook, open_for_gui
from dutydesk.ui.theme import STYLE_PROPERTY, THEME_STYLE, apply_theme

if TYPE_CHECKING:
    from dutydesk.store.datafolder import DataFolder


# Worker threads (ledger exports, the USB hand-off, the window's reads) run Python beside the
# window's thread. Every time Qt calls into Python (a slot, an event filter, a paint override) the
# window's thread takes the interpreter back, waiting up to Python's switch interval (5 ms by
# default) while a worker runs: an action of twenty such calls waited ~100 ms. At 1 ms the waits are
# short; with no worker running nothing changes (issue 17: the ten-year hand-off's worst stall
# 64-107 ms at 5 ms, 46-53 ms at 1 ms).
SWITCH_INTERVAL_S = 0.001


def make_app() -> QApplication:
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # The theme's style given as Qt's own command-line option: Qt makes it without a Python
        # QStyle object, whose enums cost ~5 ms to create before the first paint (issue 17).
        app = QApplication([*sys.argv, "-style", THEME_STYLE])
        app.setProperty(STYLE_PROPERTY, THEME_STYLE)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())  # every window, the taskbar and Alt+Tab
    app.setDesktopFileName("dutydesk")  # Wayland/taskbars match packaging/linux/dutydesk.desktop
    install_chinese_translation(app)
    install_qt_message_handler()  # Qt's warnings to the log, not a console nobody sees
    return app


def install_chinese_translation(app: QApplication) -> bool:
    """Qt's own texts (standard dialog buttons, context menus) in Simplified Chinese."""
    if app.property("dutydesk_translator") is not None:
        return True
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                           path):
        return False
    app.installTranslator(translator)
    app.setProperty("dutydesk_translator", True)
    return True


def make_demo_books(folder: DataFolder) -> bool:
    """Fill the demo folder off the GUI thread, with progress and a working 取消 button."""
    from dutydesk.commands.demo import fill_demo_folder
    from dutydesk.demo.generate import STEPS, DemoCancelled
    from dutydesk.store.datafolder import DeskError
    from dutydesk.ui.background import run_with_progress

    def work(report, cancelled) -> None:
        done = [0]

        def step(_name: str) -> None:
            report(done[0], len(STEPS))
            done[0] += 1

        fill_demo_folder(folder, seed=2026, days=120, scale=1.0, progress=step,
                         cancelled=cancelled)
        report(len(STEPS), len(STEPS))

    try:
        run_with_progress(None, "正在生成演示数据…", work)
    except DemoCancelled:
        return False
    except DeskError as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, "无法生成演示数据", str(exc))
        return False
    return True


def launch(folder: DataFolder, demo: bool = False) -> tuple[MainWindow, OpenedDesk] | None:
    """Everything up to a visible main window; None when the user gave up or was refused."""
    app = make_app()
    prefs = UiPrefs(folder.ui_settings_path)
    apply_theme(app, prefs.font_size)
    install_excepthook(folder)
    from dutydesk.township.folder_mark import is_township

    if is_township(folder):  # never a desk database made beside a township's books
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, "这是镇级数据文件夹", f"这是镇（街道）的镇级数据文件夹，不是村（社区）值班台的："
                            f"{folder.path}。请用 dutydesk --township 打开。")
        return None
    if demo and not folder.db_path.exists() and not make_demo_books(folder):
        return None
    opened = open_for_gui(folder, features=False)  # imported once the window shows (issue 17)
    if opened is None:
        return None
    if not opened.just_created and not login_at_start(opened.desk):
        opened.close()
        return None
    build_on_demand()  # tabs and pages built when first opened (issue 17)
    window = MainWindow(opened.desk, prefs)
    window.context.idle_lock = IdleLock(window, opened.desk)  # 文件 → 锁定窗口 too
    if demo:
        window.setWindowTitle(window.windowTitle() + "（演示数据）")
    window.show()
    # The day's first backup reads and writes the whole books: it starts once the first screen is
    # whole, not beside the start, which it slowed by a fifth on ten years of books (issue 17).
    after_first_screen(window, lambda: setattr(opened, "backup_thread", backup_at_start(opened.desk)))
    return window, opened


def run_gui(folder: DataFolder, demo: bool = False) -> int:
    try:
        launched = launch(folder, demo)
        if launched is None:
            return 1
        _window, opened = launched
        try:
            return QApplication.instance().exec()
        finally:
            if opened.backup_thread is not None:
                opened.backup_thread.join()
            backup_on_exit(opened.desk)
            opened.close()
    finally:
        resume_after_start()  # the collector paused by the entry point, if no first screen did
