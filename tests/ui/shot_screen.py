"""The screen the README's screenshots are taken on: a 1920×1080 desk monitor at 100 %.

Qt's offscreen platform otherwise reports an 800×800 screen, so windows are clamped to it and pages
choose their one-column layouts (``ui.screen_fit``): the pictures would not show what the desk sees.
Call ``use_desk_screen()`` before the QApplication is made.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def use_desk_screen(width: int = 1920, height: int = 1080) -> None:
    """Configure the offscreen platform (the keys qoffscreenintegration.cpp reads) unless another
    platform was asked for."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return
    screen = {"name": "desk", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
