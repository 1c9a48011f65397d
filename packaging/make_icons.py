"""Render the app icon from its SVG source into every PNG size and a Windows .ico.

    python packaging/make_icons.py            # writes resources/icons/dutydesk-{16..256}.png + dutydesk.ico

The SVG (resources/icons/dutydesk.svg) is the only hand-edited file; run this after changing it
and commit the results. Qt's SVG renderer (PySide6.QtSvg, in PySide6-Essentials) draws each size
directly from the vector so small sizes stay crisp; Pillow (already installed with reportlab)
packs the PNGs into the .ico. Neither is needed at run time: the app loads the PNGs.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "dutydesk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_pngs(svg: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """Draw the SVG at each size into ``out_dir/dutydesk-N.png`` (transparent background)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    # QPainter on images needs an application; a widgets one, so a test process can reuse it.
    _app = QGuiApplication.instance() or QApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"dutydesk-{size}.png"
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
    return written


def write_ico(pngs: list[Path], target: Path) -> Path:
    """Pack the rendered PNGs (not downscaled copies of the largest) into one .ico."""
    from PIL import Image

    images = sorted((Image.open(io.BytesIO(p.read_bytes())) for p in pngs), key=lambda im: -im.width)
    images = [im.convert("RGBA") for im in images if im.width in ICO_SIZES]
    images[0].save(target, format="ICO", sizes=[(im.width, im.height) for im in images],
                   append_images=images[1:])
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG)
    parser.add_argument("--out", type=Path, default=ICONS)
    args = parser.parse_args(argv)
    pngs = render_pngs(args.svg, args.out)
    ico = write_ico(pngs, args.out / "dutydesk.ico")
    for path in [*pngs, ico]:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
