"""Issue 17: once the app runs, the 考勤统计 page reads the month's tally (D14) in a worker thread
and shows the same rows when it is there; it says so meanwhile, in Chinese."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QTableView

from dutydesk.store.duty.tally import month_tally
from dutydesk.ui import lazy_tabs
from dutydesk.ui.duty.tally_page import TallyPage
from dutydesk.ui.page_loader import wait_for_loads
from tests.duty_helpers import make_staff, put_on
from tests.ui.helpers import by_name


def test_d14_tally_read_off_the_gui_thread_shows_the_months_rows(app, qtbot, desk):
    s = make_staff(desk)
    put_on(desk, dt.date(2026, 11, 2), "am", s["周协管"])
    lazy_tabs.build_on_demand(True)
    try:
        page = TallyPage(desk)
        qtbot.addWidget(page)
        summary = by_name(page, "统计说明", QLabel)
        assert summary.text() == "正在统计2026年11月考勤…"
        qtbot.waitUntil(lambda: page.steps.done)  # the table comes a turn later (issue 17)
        model = by_name(page, "考勤统计表", QTableView).model()
        qtbot.waitUntil(lambda: model.rowCount() > 0)
        expected = [r.name for r in month_tally(2026, 11, desk.now())]
        assert [model.index(r, 0).data() for r in range(model.rowCount())] == expected
        assert summary.text().startswith("2026年11月考勤统计")
    finally:
        wait_for_loads()
        lazy_tabs.build_on_demand(False)
