"""Issue 17: once the app runs, 代办跟踪 and 办事指南目录 are built when first shown (the tab's first
opening built all three pages); a scanned slip number still opens its case at once."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dutydesk.ui import lazy_tabs
from dutydesk.ui.notices.tab import NoticeTab
from tests.ui.helpers import when_modal


def named(root: QWidget) -> set[str]:
    return {w.accessibleName() for w in root.findChildren(QWidget)}


def test_case_and_catalogue_pages_built_when_first_shown(app, qtbot, desk):
    lazy_tabs.build_on_demand(True)
    try:
        tab = NoticeTab(desk)
        qtbot.addWidget(tab)
        tab.show()
        assert "代办单列表" not in named(tab)
        tab.pages.setCurrentIndex(1)
        assert "代办单列表" in named(tab)
        assert tab.current_page() is tab.cases
        catalogue_names = named(tab)
        tab.pages.setCurrentIndex(2)
        assert tab.current_page() is tab.catalogue and named(tab) > catalogue_names
    finally:
        lazy_tabs.build_on_demand(False)


def test_an_unknown_slip_number_asks_for_the_case_page(app, qtbot, desk):
    lazy_tabs.build_on_demand(True)
    try:
        tab = NoticeTab(desk)
        qtbot.addWidget(tab)
        tab.show()
        seen = when_modal(lambda box: box.accept())  # 没有单号为…的代办单
        assert tab.open_slip("DB20261124-999") is False
        assert seen and tab.current_page() is tab.cases and "代办单列表" in named(tab)
    finally:
        lazy_tabs.build_on_demand(False)
