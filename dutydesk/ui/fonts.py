"""Make Chinese render on any PC, even one with no CJK font installed (a bare Linux box, CI)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from dutydesk.resources_path import cjk_font_path

# Preferred system faces first; the bundled WenQuanYi Micro Hei is the last fallback.
PREFERRED_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                      "Source Han Sans SC"]
_bundled_family: str | None = None


def register_bundled_font() -> str:
    """Register the shipped font with Qt once; return its family name."""
    global _bundled_family
    if _bundled_family is None:
        font_id = QFontDatabase.addApplicationFont(str(cjk_font_path()))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _bundled_family = families[0] if families else "WenQuanYi Micro Hei"
    return _bundled_family


def app_font(point_size: int) -> QFont:
    """The UI font: a system CJK face when there is one, the bundled face otherwise."""
    installed = set(QFontDatabase.families())
    families = [f for f in PREFERRED_FAMILIES if f in installed]
    families.append(register_bundled_font())
    font = QFont()
    font.setFamilies(families)
    font.setPointSize(point_size)
    return font
