"""The 帮助 menu entries: 使用说明 (F1), 打开数据文件夹, 打开日志文件夹.

The folders open in the system's file manager (Explorer, the Linux desktop's file manager) through
``QDesktopServices``; when nothing can open them the path is shown, so it can be typed in by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from dutydesk.store.faults import file_fault_message
from dutydesk.ui.menu_context import MenuContext

if TYPE_CHECKING:
    from dutydesk.ui.help.guide_window import GuideWindow


def open_guide(context: MenuContext) -> GuideWindow:
    """Show the guide on the current tab's page; one guide window per main window."""
    from dutydesk.ui.help.guide_window import GuideWindow  # lazy: not needed to start (issue 17)

    guide = context.window.findChild(GuideWindow)
    if guide is None:
        guide = GuideWindow(context.shortcut_lines, context.window)
    guide.show_for_tab(context.current_tab_title())
    return guide


def open_folder(path: Path, what: str, parent: QWidget) -> bool:
    """Open ``path`` in the file manager, creating it if it is not there yet (a new data folder
    has no logs until something is logged)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        QMessageBox.warning(parent, f"打开{what}", file_fault_message(exc))
        return False
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.information(parent, f"打开{what}", f"无法自动打开{what}，请在文件管理器中打开：\n{path}")
    return False


def open_data_folder(context: MenuContext) -> None:
    open_folder(context.desk.folder.path, "数据文件夹", context.window)


def open_logs_folder(context: MenuContext) -> None:
    open_folder(context.desk.folder.logs_dir, "日志文件夹", context.window)
