"""The README screenshots are taken on a desk-sized offscreen screen, not offscreen's 800×800."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.ui.shot_screen import use_desk_screen


def test_offscreen_gets_a_desk_sized_screen(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    use_desk_screen(1366, 768)
    platform, _, option = os.environ["QT_QPA_PLATFORM"].partition(":configfile=")
    assert platform == "offscreen"
    (screen,) = json.loads(Path(option).read_text(encoding="utf-8"))["screens"]
    assert (screen["width"], screen["height"], screen["dpr"]) == (1366, 768, 1)


def test_another_platform_asked_for_is_left_alone(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    use_desk_screen()
    assert os.environ["QT_QPA_PLATFORM"] == "xcb"
