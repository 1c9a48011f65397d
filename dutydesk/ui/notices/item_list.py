"""The list of service items (办事指南 entries) the catalogue and the checklist pages search."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from dutydesk.store.notices import catalogue
from dutydesk.store.notices.catalogue import CatalogueVersion


def fill_item_list(widget: QListWidget, query: str, chosen: str | None,
                   label: Callable[[CatalogueVersion], str]) -> None:
    """The current items matching ``query`` (name or pinyin initials); the item coded ``chosen``
    stays selected. Signals are held back: refilling must not look like the user picking."""
    widget.blockSignals(True)
    widget.clear()
    for version in catalogue.search(query):
        entry = QListWidgetItem(label(version))
        entry.setData(Qt.ItemDataRole.UserRole, version.id)
        widget.addItem(entry)
        if version.code == chosen:
            widget.setCurrentItem(entry)
    widget.blockSignals(False)


def version_of(entry: QListWidgetItem | None) -> CatalogueVersion | None:
    """The catalogue version a list entry stands for (None for no entry)."""
    if entry is None:
        return None
    return catalogue.version_by_id(entry.data(Qt.ItemDataRole.UserRole))
