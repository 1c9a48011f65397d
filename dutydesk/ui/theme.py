"""Look and feel: calm, high-contrast, large targets, one restrained accent (党建红).

Status colours are shared by every tab: green on time, amber due soon, red overdue.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from dutydesk.ui.fonts import app_font
from dutydesk.ui.screen_fit import install_screen_fit

ACCENT = "#A8322D"  # restrained party red, used for the primary action and the active tab only
OK_GREEN = "#2E7D32"
DUE_AMBER = "#B26A00"
OVERDUE_RED = "#C62828"
TEXT = "#1A1A1A"
MUTED = "#555555"

THEME_STYLE = "Fusion"
# Set on an app that ``app.make_app`` started with ``-style Fusion``: no QStyle to make again.
STYLE_PROPERTY = "dutydesk_style"

FONT_SIZES = {"normal": 12, "large": 14, "xlarge": 17}
FONT_SIZE_LABELS = {"normal": "正常", "large": "大", "xlarge": "特大"}

STYLESHEET = f"""
QPushButton {{ min-height: 2.2em; padding: 0.2em 1em; }}
QPushButton[compact="true"] {{ min-height: 1.6em; padding: 0.1em 0.8em; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: white; border: 1px solid #7E241F;
    border-radius: 4px; font-weight: bold; }}
QPushButton[primary="true"]:disabled {{ background: #C9A3A1; }}
QPushButton[primary="true"]:focus {{ border: 2px solid #1A1A1A; }}
QLineEdit, QComboBox, QDateEdit, QTimeEdit, QSpinBox, QPlainTextEdit, QTextEdit {{
    min-height: 1.9em; }}
QLabel[role="error"] {{ color: {OVERDUE_RED}; }}
QLabel[role="hint"] {{ color: {MUTED}; }}
QLabel[role="title"] {{ font-size: 130%; font-weight: bold; }}
QTabBar::tab {{ min-height: 1.7em; padding: 0.2em 1.2em; }}
QTabBar::tab:selected {{ border-bottom: 3px solid {ACCENT}; font-weight: bold; }}
QTableView {{ gridline-color: #C8C8C8; }}
QHeaderView::section {{ padding: 0.3em; font-weight: bold; }}
"""


def apply_theme(app: QApplication, font_size: str = "normal") -> None:
    if app.property(STYLE_PROPERTY) != THEME_STYLE:
        app.setStyle(QStyleFactory.create(THEME_STYLE))
        app.setProperty(STYLE_PROPERTY, THEME_STYLE)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#F4F4F2"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Base, QColor("#FFFFFF"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#F0F0EC"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor("#E8E8E4"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2B5C8A"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#FFFFE8"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    app.setPalette(palette)
    set_font_size(app, font_size)
    app.setStyleSheet(STYLESHEET)
    install_screen_fit(app)  # every window and dialog is clamped to its screen when shown


def set_font_size(app: QApplication, font_size: str) -> None:
    """Apply at once: under a style sheet Qt does not pass a new application font on to widgets
    already polished, so the sheet is set again when the size really changed."""
    font = app_font(FONT_SIZES.get(font_size, FONT_SIZES["normal"]))
    changed = app.font().pointSize() != font.pointSize()
    app.setFont(font)
    if changed and app.styleSheet():
        app.setStyleSheet(app.styleSheet())
