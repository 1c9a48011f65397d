"""The 告知与受理 checklist over a visit: the resident's phone is shown masked, stored in full (V09)."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from dutydesk.store.notices import proxy_cases
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.notices.tab import NoticeTab
from dutydesk.ui.prefs import UiPrefs
from tests.notice_helpers import proxy_visit, seed
from tests.ui.helpers import activate, by_name


@pytest.fixture
def tab(qtbot, app, desk):
    seed(desk)
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    window.show_tab("一次性告知")
    (found,) = window.findChildren(NoticeTab)
    yield found
    window.close()
    shiboken6.delete(window)


def test_v09_checklist_shows_the_visitors_phone_masked_and_the_case_keeps_it_whole(qtbot, tab, desk):
    visit = proxy_visit(desk)  # contact 13812345678
    tab.checklist.start_from_visit(visit.id)
    phone = by_name(tab, "联系电话", QLineEdit)
    assert phone.text() == "138****5678"
    for box in tab.checklist.boxes:
        box.setChecked(True)
    for pages in tab.checklist.pages:
        pages.setValue(1)
    qtbot.mouseClick(by_name(tab, "受理代办", QPushButton), Qt.MouseButton.LeftButton)
    case = proxy_cases.case_by_slip("DB2026-000001")
    assert case is not None and case.person_phone == "13812345678"


def test_v09_a_phone_typed_over_the_masked_one_replaces_it(qtbot, tab, desk):
    visit = proxy_visit(desk)
    tab.checklist.start_from_visit(visit.id)
    phone = by_name(tab, "联系电话", QLineEdit)
    phone.setFocus()
    phone.end(False)
    qtbot.keyClicks(phone, "13900001111")
    assert phone.text() == "13900001111"
    for box in tab.checklist.boxes:
        box.setChecked(True)
    for pages in tab.checklist.pages:
        pages.setValue(1)
    qtbot.mouseClick(by_name(tab, "受理代办", QPushButton), Qt.MouseButton.LeftButton)
    assert proxy_cases.case_by_slip("DB2026-000001").person_phone == "13900001111"
