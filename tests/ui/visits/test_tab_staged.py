"""Issue 17: once the app runs, the 来访登记 tab shows its frame at once and builds its form, the
day's bookings with 待跟进, and the register in the turns after; complete, it shows the same widgets
as a tab built at once and registers as before."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QTableView

from dutydesk.ui import lazy_tabs
from dutydesk.ui.page_loader import wait_for_loads
from dutydesk.ui.visits.tab import VisitsTab
from tests.ui.helpers import accessible_names, by_name, shown
from tests.ui.visits.test_tab import seed_zhang


def shown_tab(qtbot, desk) -> VisitsTab:
    return shown(qtbot, VisitsTab(desk))


def test_the_staged_tab_completes_and_shows_what_the_tab_built_at_once_shows(qtbot, app, desk):
    seed_zhang(desk)
    eager = accessible_names(shown_tab(qtbot, desk))
    lazy_tabs.build_on_demand(True)
    try:
        tab = shown_tab(qtbot, desk)
        assert tab.form is None and "查找群众" not in accessible_names(tab)  # the frame first
        qtbot.waitUntil(lambda: not tab.staged.pending(), timeout=10_000)
        wait_for_loads()  # the register reads in a worker once the app runs
        assert accessible_names(tab) == eager
        register = by_name(tab, "来访记录", QTableView)
        qtbot.waitUntil(lambda: register.model().rowCount() == 1, timeout=5_000)
        lookup = by_name(tab, "查找群众")
        qtbot.keyClicks(lookup, "1381")
        matches = by_name(tab, "匹配群众", QListWidget)
        assert matches.isVisible() and "张三" in matches.item(0).text()
    finally:
        wait_for_loads()
        lazy_tabs.build_on_demand(False)


def test_f2_on_a_tab_still_building_completes_it_first(qtbot, app, desk, staged):
    tab = shown_tab(qtbot, desk)
    tab.new_registration()
    assert not tab.staged.pending() and tab.form is not None
    assert tab.form.focusWidget() is by_name(tab, "查找群众")


def _form_rows(form) -> list[str]:
    from PySide6.QtWidgets import QFormLayout, QLabel

    layout = form.form
    rows = []
    for row in range(layout.rowCount()):
        label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        rows.append(label.widget().text() if label is not None and isinstance(label.widget(), QLabel) else "")
    return rows


def test_the_incident_rows_are_a_turn_of_their_own_in_the_same_place(qtbot, app, desk):
    """Issue 17: the person's fields with the incident's 13 rows were the longest turn of the tabs
    built in idle time; the incident's rows now come in the turn after, still under 调解结果."""
    from dutydesk.ui.lazy_tabs import StagedBuild
    from dutydesk.ui.visits.form import VisitForm

    eager = VisitForm(desk)
    qtbot.addWidget(eager)
    staged = StagedBuild()
    form = VisitForm(desk, staged=staged)
    qtbot.addWidget(form)
    staged.step()
    assert "调解结果" in accessible_names(form) and "事发时间" not in accessible_names(form)
    staged.step()
    assert "事发时间" in accessible_names(form) and "诉求内容" not in accessible_names(form)
    staged.complete()
    assert _form_rows(form) == _form_rows(eager)
    assert accessible_names(form) == accessible_names(eager)
