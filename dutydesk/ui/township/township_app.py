"""``dutydesk --township --data-dir T [--database postgresql://…]``: the township's window on its
books (issue 16 point 3). The books open as the CLI opens them (``open_township``: a desk folder
is refused in Chinese); once any township account has a password the same login as the desk's
asks who is working (``ui.session.login_at_start``, its attempts logged and locked out alike)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from dutydesk.store.datafolder import DataFolder, DeskError


def launch_township(folder: DataFolder, url: str | None = None):
    """The township window shown on its open books, or None (refused, or the login given up)."""
    from dutydesk.app import make_app
    from dutydesk.township.township_books import dated_flags, village_months
    from dutydesk.township.township_folder import open_township
    from dutydesk.ui.lazy_tabs import build_on_demand
    from dutydesk.ui.prefs import UiPrefs
    from dutydesk.ui.session import login_at_start
    from dutydesk.ui.theme import apply_theme
    from dutydesk.ui.township.window import TownshipWindow

    app = make_app()
    build_on_demand()  # the pages read the villages' months off the GUI thread (ui.page_loader), as the desk's do
    apply_theme(app, UiPrefs(folder.ui_settings_path).font_size)
    try:
        with folder.lock():  # never settle a restore another program is still doing
            books = open_township(folder, url)
    except DeskError as exc:
        QMessageBox.warning(None, "无法打开镇级数据", str(exc))
        return None
    if books.notice:  # a restore killed part-way was settled on opening: say which way
        QMessageBox.information(None, "上次恢复被中断", books.notice)
    if not login_at_start(books):
        books.close()
        return None
    window = TownshipWindow(village_months, books.profile().name, books.today(), dated_flags, books=books)
    window.show()
    return window, books


def run_township_gui(folder: DataFolder, url: str | None = None) -> int:
    launched = launch_township(folder, url)
    if launched is None:
        return 1
    _window, books = launched
    try:
        return QApplication.instance().exec()
    finally:
        books.close()
