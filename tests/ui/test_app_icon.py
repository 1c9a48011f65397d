"""The application icon: every shipped size, each drawn from its own PNG when asked for."""

from __future__ import annotations

from PySide6.QtCore import QSize

from dutydesk.ui.app_icon import ICON_SIZES, app_icon


def test_the_icon_offers_every_shipped_size_and_draws_it(app):
    icon = app_icon()
    assert [size.width() for size in icon.availableSizes()] == list(ICON_SIZES)
    for size in (16, 48, 256):
        image = icon.pixmap(QSize(size, size)).toImage()
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() > 0  # the bell, not an empty square
