"""N01 across tabs: a registered visit opens its one-time-notice checklist from the record."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from dutydesk.store.visits.visit import register_visit
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.notices.tab import NoticeTab
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.visits.detail import VisitDetailDialog
from tests.store.conftest import draft
from tests.ui.helpers import by_name


def test_n01_visit_record_opens_the_checklist_for_that_visit(qtbot, app, desk):
    visit = register_visit(draft(category="代办", outcome="代办", result="", deadline_kind="review",
                                 request="办理城乡居民养老保险参保"),
                           desk.who, desk.now(), desk.calendar())
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    visits_tab = window.tabs.widget(1)
    dialog = VisitDetailDialog(desk, visit.id, visits_tab)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(by_name(dialog, "一次性告知", QPushButton), Qt.MouseButton.LeftButton)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "一次性告知"
    notice_tab = window.findChildren(NoticeTab)[0]
    assert notice_tab.checklist.visit_combo.currentData() == visit.id
