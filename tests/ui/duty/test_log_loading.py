"""Issue 17: once the app runs, 值班记录簿 reads the day's duty log (D10) in a worker thread (a busy
day of 1M-visit books holds thousands of visits) and shows the same rows when it is there."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtWidgets import QTableView

from dutydesk.store.duty.attendance import sign_in
from dutydesk.ui import lazy_tabs
from dutydesk.ui.duty import log_page
from dutydesk.ui.duty.log_page import LogPage
from dutydesk.ui.page_loader import wait_for_loads
from tests.duty_helpers import make_staff, put_on
from tests.ui.helpers import by_name


def test_d10_duty_log_read_off_the_gui_thread_shows_the_days_rows(app, qtbot, desk, clock, monkeypatch):
    s = make_staff(desk)
    put_on(desk, dt.date(2026, 11, 24), "am", s["王委员"])
    clock.set(dt.datetime(2026, 11, 24, 8, 15))
    sign_in(s["王委员"], "测试", desk.now())
    readers: list[threading.Thread] = []
    real = log_page.duty_log
    monkeypatch.setattr(log_page, "duty_log", lambda day, now: readers.append(threading.current_thread())
                        or real(day, now))
    lazy_tabs.build_on_demand(True)
    try:
        page = LogPage(desk)
        qtbot.addWidget(page)
        model = by_name(page, "值班记录簿", QTableView).model()
        qtbot.waitUntil(lambda: model.rowCount() > 0)
        assert ["08:15", "签到", "王委员签到（上午）", "已签到"] in [
            [model.text(r, c) for c in range(4)] for r in range(model.rowCount())]
        assert readers and threading.main_thread() not in readers
    finally:
        wait_for_loads()
        lazy_tabs.build_on_demand(False)
