"""ui.page_layout: pages that scroll on their own, columns that stack on a narrow screen, two short
fields on one form row (issue 13: every window fits the desk's screen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from dutydesk.ui import screen_fit
from dutydesk.ui.forms import FormField
from dutydesk.ui.page_layout import ScrolledPages, add_pair, columns
from tests.ui.helpers import by_name


def tall_page(height: int) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    filler = QWidget()
    filler.setMinimumHeight(height)
    layout.addWidget(filler)
    layout.addWidget(QPushButton("保存"))
    return page


def test_a_tall_page_scrolls_instead_of_making_the_tabs_taller(qtbot, app):
    plain = tall_page(2000)
    pages = ScrolledPages()
    qtbot.addWidget(pages)
    pages.addTab(QWidget(), "第一页")
    pages.addTab(plain, "第二页")
    assert pages.minimumSizeHint().height() < 400  # a plain QTabWidget would ask for 2000 px
    assert isinstance(plain.parentWidget().parentWidget(), screen_fit.PageScroll)


def test_callers_speak_of_the_pages_not_their_scroll_areas(qtbot, app):
    first, second = QWidget(), tall_page(100)
    pages = ScrolledPages()
    qtbot.addWidget(pages)
    pages.addTab(first, "第一页")
    pages.addTab(second, "第二页")
    pages.setCurrentWidget(second)
    assert pages.currentIndex() == 1 and pages.currentWidget() is second
    assert pages.widget(0) is first and pages.indexOf(second) == 1
    assert pages.indexOf(QWidget()) == -1
    pages.setCurrentWidget(QWidget())  # not one of its pages: nothing changes
    assert pages.currentWidget() is second


def test_columns_side_by_side_on_a_wide_screen_one_above_the_other_below(qtbot, app, monkeypatch):
    monkeypatch.setattr(screen_fit, "TWO_COLUMNS_FROM", 0)
    wide = columns(QLabel("表单"), QLabel("列表"), (400, 600))
    qtbot.addWidget(wide)
    assert wide.orientation() == Qt.Orientation.Horizontal and wide.sizes() != [0, 0]
    monkeypatch.setattr(screen_fit, "TWO_COLUMNS_FROM", 100_000)
    narrow = columns(QLabel("表单"), QLabel("列表"), (400, 600))
    qtbot.addWidget(narrow)
    assert narrow.orientation() == Qt.Orientation.Vertical
    assert not narrow.childrenCollapsible()  # dragging never hides the form or the list


def test_two_short_fields_share_a_row_each_with_its_label(qtbot, app):
    holder = QWidget()
    qtbot.addWidget(holder)
    form = QFormLayout(holder)
    first, second = add_pair(form, FormField("走访日期", QLineEdit()), FormField("走访类型", QLineEdit()))
    assert form.rowCount() == 1
    labels = {label.text(): label for label in holder.findChildren(QLabel) if label.text().endswith("：")}
    assert labels["走访日期："].buddy() is first.editor and labels["走访类型："].buddy() is second.editor
    assert by_name(holder, "走访类型", QLineEdit) is second.editor
    holder.show()
    assert first.geometry().top() == second.geometry().top()
