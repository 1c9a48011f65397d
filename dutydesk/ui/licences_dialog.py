"""帮助 → 许可证与第三方声明: DutyDesk's licence and the third-party notices, one tab each.

``show_licences(parent)`` is what the menu entry (built by the main window, before 关于) and the
关于 dialog's button call.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

MENU_TEXT = "许可证与第三方声明"


class LicencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(MENU_TEXT)
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        intro = QLabel("值班台按 Apache-2.0 许可证发布；所用的第三方组件及其许可证如下。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("许可证")
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        from dutydesk.licence_files import licence_texts  # lazy: importlib.metadata is slow to load

        for licence in licence_texts():
            view = QPlainTextEdit(licence.text)
            view.setReadOnly(True)
            view.setFont(fixed)
            view.setAccessibleName(licence.title)
            self.tabs.addTab(view, licence.title)
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText("关闭")
        close.setAccessibleName("关闭")
        layout.addWidget(buttons)


def show_licences(parent: QWidget | None) -> None:
    """Open the licences dialog (modal to ``parent``)."""
    LicencesDialog(parent).exec()
