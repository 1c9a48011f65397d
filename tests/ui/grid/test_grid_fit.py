"""The 网格走访 tab fits the desk's screens (issue 13): each page scrolls on its own, the visit form is
compact, long texts scroll with the buttons kept in view, the form stacks above the list when
narrow. tests/ui/test_screen_fit.py checks every button on the real screens."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QSplitter

from dutydesk.store.grid.diary import DiaryDraft, add_entry
from dutydesk.ui import screen_fit
from tests.ui.grid.test_grid_tab import make_tab
from tests.ui.helpers import by_name, type_text


def test_every_page_scrolls_on_its_own_so_the_window_stays_on_the_screen(qtbot, app, desk, village):
    tab = make_tab(qtbot, desk)
    for page in (tab.visit_page, tab.board, tab.diary, tab.areas):
        assert isinstance(page.parentWidget().parentWidget(), screen_fit.PageScroll)
    tallest = max(page.minimumSizeHint().height() for page in (tab.visit_page, tab.diary, tab.areas))
    assert tab.pages.minimumSizeHint().height() < tallest


def test_visit_form_puts_short_fields_two_to_a_row(qtbot, app, desk, village):
    page = make_tab(qtbot, desk).visit_page
    for first, second in (("走访日期", "走访类型"), ("走访干部", "同行干部"), ("处理方式", "承诺时限")):
        tops = [by_name(page, name).mapTo(page, QPoint(0, 0)).y() for name in (first, second)]
        assert tops[0] == tops[1], (first, second)


def test_chosen_household_shows_where_the_hint_was(qtbot, app, desk, village):
    page = make_tab(qtbot, desk).visit_page
    hint = next(label for label in page.findChildren(QLabel) if label.text().startswith("输入户主或成员姓名"))
    chosen = by_name(page, "走访的户", QLabel)
    assert hint.isVisible() and not chosen.isVisible()
    lookup = by_name(page, "查找户")
    qtbot.keyClicks(lookup, "H0001")
    qtbot.keyClick(lookup, Qt.Key.Key_Return)
    assert chosen.isVisible() and "H0001" in chosen.text() and not hint.isVisible()
    type_text(qtbot, lookup, "2")  # typing again drops the choice: the hint is back
    assert hint.isVisible() and not chosen.isVisible()


def test_a_long_diary_entry_scrolls_and_its_buttons_stay_in_view(qtbot, app, desk, village):
    add_entry(DiaryDraft(village.member.id, desk.today(), "反映情况很长。" * 300, "", "村部", None, True),
              desk.who, desk.now())
    tab = make_tab(qtbot, desk)
    tab.pages.setCurrentWidget(tab.diary)
    tab.diary.select_entry(tab.diary.shown[0].id)
    detail = by_name(tab.diary, "所选日记", QLabel)
    assert "反映情况很长" in detail.text()
    holder = detail.parentWidget().parentWidget()
    assert isinstance(holder, QScrollArea)
    qtbot.waitUntil(lambda: holder.verticalScrollBar().maximum() > 0)  # the text scrolls in its own area
    report = by_name(tab.diary, "登记上报", QPushButton)
    assert not holder.isAncestorOf(report) and report.isEnabled()
    assert report.mapTo(tab.diary, report.rect().bottomLeft()).y() <= tab.diary.height()


def test_visit_form_stacks_above_the_list_on_a_narrow_screen(qtbot, app, desk, village, monkeypatch):
    monkeypatch.setattr(screen_fit, "TWO_COLUMNS_FROM", 100_000)
    page = make_tab(qtbot, desk).visit_page
    splitter = page.findChild(QSplitter)
    assert splitter.orientation() == Qt.Orientation.Vertical
    assert splitter.widget(0) is page.form_pane and splitter.widget(1) is page.recent_pane
