"""Issue 17: once the app runs, the 留言预约 tab shows its three pages' places at once and builds each
page in a turn of its own; complete, it shows what the tab built at once shows, messages listed."""

from __future__ import annotations

from dutydesk.store.messages.message import MessageDraft, leave_message
from dutydesk.ui import lazy_tabs
from dutydesk.ui.messages.tab import MessagesTab
from tests.ui.helpers import accessible_names, shown


def shown_tab(qtbot, desk) -> MessagesTab:
    return shown(qtbot, MessagesTab(desk), 1200, 800)


def test_the_staged_tab_completes_and_shows_what_the_tab_built_at_once_shows(qtbot, app, desk):
    leave_message(MessageDraft("王五", "干部", "王书记", "请回电"), desk.who, desk.now())
    eager = shown_tab(qtbot, desk)
    lazy_tabs.build_on_demand(True)
    try:
        tab = shown_tab(qtbot, desk)
        assert [tab.pages.tabText(i) for i in range(3)] == ["留言转告", "预约", "外来函件"]
        assert tab.messages is None  # the pages come in the turns after
        qtbot.waitUntil(lambda: not tab.staged.pending(), timeout=10_000)
        assert accessible_names(tab) == accessible_names(eager)
        assert [tab.pages.tabText(i) for i in range(3)] == ["留言转告", "预约", "外来函件"]
        assert tab.pages.widget(1) is tab.appointments and tab.pages.currentIndex() == 0
        rows = tab.messages.table
        assert rows.rowCount() == 1 and "王五" in [rows.item(0, c).text() for c in range(rows.columnCount())]
    finally:
        lazy_tabs.build_on_demand(False)
