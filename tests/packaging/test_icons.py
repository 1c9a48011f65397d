"""The app icon: SVG source, the PNG sizes and .ico generated from it, and the window icon."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image

from dutydesk.resources_path import resource_path
from dutydesk.ui.app_icon import ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import make_icons  # noqa: E402  (packaging/ is scripts, not a package)

ACCENT = (0xA8, 0x32, 0x2D)


def near(colour, expected, tolerance=12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=False))


def test_shipped_pngs_and_ico_have_every_size():
    assert resource_path("icons", "dutydesk.svg").is_file()
    for size in ICON_SIZES:
        with Image.open(resource_path("icons", f"dutydesk-{size}.png")) as image:
            assert image.size == (size, size)
            assert image.mode == "RGBA"
    with Image.open(resource_path("icons", "dutydesk.ico")) as ico:
        assert set(ico.ico.sizes()) >= {(s, s) for s in (16, 32, 48, 256)}


def test_make_icons_renders_the_svg_at_each_size(qapp, tmp_path):
    pngs = make_icons.render_pngs(make_icons.SVG, tmp_path, sizes=(16, 48, 256))
    ico = make_icons.write_ico(pngs, tmp_path / "x.ico")
    big = Image.open(io.BytesIO((tmp_path / "dutydesk-256.png").read_bytes())).convert("RGBA")
    assert big.getpixel((0, 0))[3] == 0, "corners are transparent (rounded tile)"
    assert near(big.getpixel((30, 128))[:3], ACCENT), "tile is the accent red"
    assert near(big.getpixel((128, 160))[:3], (255, 255, 255)), "the bell is white"
    small = Image.open(io.BytesIO((tmp_path / "dutydesk-16.png").read_bytes()))
    assert small.size == (16, 16)
    with Image.open(ico) as packed:
        assert set(packed.ico.sizes()) == {(16, 16), (48, 48), (256, 256)}


def test_application_window_icon_has_every_size(qapp):
    from dutydesk.app import make_app

    app = make_app()
    icon = app.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= set(ICON_SIZES)
    assert app.applicationName() == "DutyDesk" and app.organizationName() == "DutyDesk"
