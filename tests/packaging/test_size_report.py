"""build_bundle.py's size line says how much room the bundle has left under its target (fast)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import build_bundle  # packaging/ is scripts, not a package


def test_size_line_gives_the_room_left_under_the_target():
    assert build_bundle.SIZE_TARGET_MB == 150
    assert build_bundle.size_report(146.68) == "size: 146.7 MB unpacked (target < 150 MB: 3.3 MB to spare)"


def test_size_line_says_how_far_over_a_bundle_is():
    assert build_bundle.size_report(159.93) == "size: 159.9 MB unpacked (target < 150 MB: 9.9 MB over)"
    assert build_bundle.size_report(150.0).endswith("0.0 MB over)")
