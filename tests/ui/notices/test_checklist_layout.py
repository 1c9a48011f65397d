"""The checklist's materials table keeps to its box (issue 13, screen fit): a material name
wrapped over several lines makes its row taller and the table scrolls its rows; it never grows
out of the 收件核对 box over 全部已收, whatever the font."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QScrollArea, QTableWidget

from dutydesk.store.notices import catalogue
from dutydesk.ui import screen_fit
from dutydesk.ui.notices.checklist_page import VISIBLE_MATERIAL_ROWS, ChecklistPage
from tests.notice_helpers import seed
from tests.ui.helpers import by_name


def longest_list() -> catalogue.CatalogueVersion:
    return max(catalogue.current_versions(), key=lambda v: len(v.item.materials))


def make_page(qtbot, desk, monkeypatch, wide: bool) -> ChecklistPage:
    seed(desk)
    monkeypatch.setattr(screen_fit, "TWO_COLUMNS_FROM", 0 if wide else 100_000)
    page = ChecklistPage(desk, lambda notice, reprint=None: None, lambda case: None)
    qtbot.addWidget(page)
    return page


def test_wrapped_names_scroll_inside_the_table_instead_of_growing_it(app, qtbot, desk, monkeypatch):
    page = make_page(qtbot, desk, monkeypatch, wide=True)
    big = page.font()
    big.setPointSize(big.pointSize() * 2)  # as at 特大 on a narrow column: every name wraps
    page.setFont(big)
    page.resize(1000, 700)
    page.show()
    page.set_version(longest_list())
    table = by_name(page, "材料清单", QTableWidget)
    qtbot.waitUntil(lambda: table.isVisible() and table.viewport().height() > 0)
    default = table.verticalHeader().defaultSectionSize()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert rows > table.viewport().height()  # the rows do not all fit: the table scrolls them
    assert table.minimumHeight() <= table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() \
        + VISIBLE_MATERIAL_ROWS * default  # eight rows of the usual height, not eight wrapped ones
    group = table.parentWidget()
    assert isinstance(group, QGroupBox)
    assert group.rect().contains(table.geometry())  # inside its box, whatever it holds
    tick_all = by_name(page, "全部已收", QPushButton)
    assert not table.geometry().intersects(QRect(tick_all.mapTo(group, QPoint(0, 0)), tick_all.size()))
    table.scrollToBottom()  # the last tick box is reached by scrolling the table
    qtbot.waitUntil(lambda: table.verticalScrollBar().value() > 0)
    last = page.boxes[-1]
    assert table.viewport().rect().contains(QRect(last.mapTo(table.viewport(), QPoint(0, 0)), last.size()))


def test_a_long_list_of_missing_materials_scrolls_beside_the_buttons(app, qtbot, desk, monkeypatch):
    page = make_page(qtbot, desk, monkeypatch, wide=True)
    page.resize(1300, 700)
    page.show()
    page.set_version(longest_list())
    outcome = by_name(page, "办理结果", QLabel)
    assert "所缺材料" in outcome.text()
    holder = outcome.parentWidget().parentWidget()
    assert isinstance(holder, QScrollArea) and holder.widget() is outcome


def test_narrow_screen_gives_the_outcome_a_row_of_its_own(app, qtbot, desk, monkeypatch):
    page = make_page(qtbot, desk, monkeypatch, wide=False)
    page.set_version(longest_list())
    outcome = by_name(page, "办理结果", QLabel)
    assert not isinstance(outcome.parentWidget().parentWidget(), QScrollArea)
