"""The searchable list of service items shared by the catalogue and checklist pages."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget

from dutydesk.ui.notices.item_list import fill_item_list, version_of
from tests.notice_helpers import seed, version


def test_item_list_searches_keeps_the_chosen_item_and_stays_quiet(app, qtbot, desk):
    seed(desk)
    items = QListWidget()
    qtbot.addWidget(items)
    picked = []
    items.currentItemChanged.connect(lambda current, _previous: picked.append(current))
    fill_item_list(items, "", None, lambda v: f"{v.code}　{v.name}")
    everything = items.count()
    assert everything > 1 and items.currentItem() is None
    chosen = version("SB-01")
    fill_item_list(items, chosen.name, chosen.code, lambda v: f"{v.code}　{v.name}")
    assert 1 <= items.count() < everything
    assert items.currentItem().text() == f"SB-01　{chosen.name}"
    assert version_of(items.currentItem()).id == chosen.id and version_of(None) is None
    assert picked == []  # refilling is not the user picking an item
