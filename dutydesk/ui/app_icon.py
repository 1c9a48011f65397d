"""The application icon (a front-desk bell), loaded from the shipped PNG sizes.

PNGs rather than the SVG source so the window icon needs no QtSvg at run time and every size is
the one drawn for it by packaging/make_icons.py. Found with importlib.resources like every
resource, so it works the same in a checkout, an installed wheel and the frozen build.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from dutydesk.resources_path import resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"dutydesk-{size}.png")
        if path.is_file():  # its size given: Qt reads no file until a size is drawn (issue 17)
            icon.addFile(str(path), QSize(size, size))
    return icon
