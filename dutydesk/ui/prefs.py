"""Per-data-folder UI preferences (window geometry, last tab, font size) in an ini file.

Kept beside the data rather than in the registry so the demo folder and the real folder, and
every test's temporary folder, stay apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


class UiPrefs:
    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, key: str, default: Any = None) -> Any:
        return self._settings.value(key, default)

    def set(self, key: str, value: Any) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()

    @property
    def font_size(self) -> str:
        return str(self.get("ui/font_size", "normal"))

    @font_size.setter
    def font_size(self, value: str) -> None:
        self.set("ui/font_size", value)

    def geometry(self) -> QByteArray | None:
        value = self.get("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def last_tab(self) -> int:
        try:
            return int(self.get("window/last_tab", 0))
        except (TypeError, ValueError):
            return 0
