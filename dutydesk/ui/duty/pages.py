"""The duty tab's other pages, in the order the desk uses them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dutydesk.desk import Desk


def extra_pages(desk: Desk) -> list[tuple[str, QWidget]]:
    return []
