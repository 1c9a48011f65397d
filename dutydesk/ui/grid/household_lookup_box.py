"""The as-you-type household finder: a head's or member's name, pinyin initials (``zs``), part of
the address or the household code (H0001, as a scanner types it). Up/Down, Enter, Esc as in the
resident finder of 来访登记, whose widget this reuses."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidgetItem, QWidget

from dutydesk.store.grid.household import Household, find_households
from dutydesk.ui.visits.resident_lookup_box import ResidentLookupBox


def describe(household: Household) -> str:
    line = "　".join(x for x in (household.code, f"{household.head.name}户", household.village_group,
                                 household.address) if x)
    if household.tag_list:
        line += "　〔" + "、".join(household.tag_list) + "〕"
    return line


class HouseholdLookupBox(ResidentLookupBox):
    """``picked`` emits the chosen ``Household``."""

    def __init__(self, name: str = "查找户", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit.setPlaceholderText("")
        self.edit.setAccessibleName(name)
        self.results.setAccessibleName(f"{name}结果")
        self.none_label.setText("没有找到这一户：请到“片区与住户”先建户")

    def search(self, text: str) -> None:
        self.matches = find_households(text) if text.strip() else []
        self.results.clear()
        for household in self.matches:
            self.results.addItem(QListWidgetItem(describe(household)))
        self.results.setVisible(bool(self.matches))
        self.none_label.setVisible(bool(text.strip()) and not self.matches)
        if self.matches:
            self.results.setCurrentRow(0)
