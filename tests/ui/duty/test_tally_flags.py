"""D14 on the 考勤统计 page: three consecutive findings show 劝辞 for the assistant and 诫勉谈话 for
the village's secretary and director."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QTableView

from dutydesk.ui.duty.tab import DutyTab
from dutydesk.ui.duty.tally_page import TALLY_HEADERS
from tests.duty_helpers import PEOPLE, make_staff, put_on
from tests.ui.helpers import by_name


def test_d14_tally_page_shows_consecutive_findings_flags(app, qtbot, desk):
    s = make_staff(desk, people=[*PEOPLE, ("陈副书记", "副书记", "13800000008")])
    for day in (2, 3, 4):
        put_on(desk, dt.date(2026, 11, day), "am", s["周协管"])
    tab = DutyTab(desk)
    qtbot.addWidget(tab)
    page = tab.show_page("考勤统计")
    page.refresh()
    model = by_name(page, "考勤统计表", QTableView).model()
    flag_col = TALLY_HEADERS.index("处理意见")
    joint_col = TALLY_HEADERS.index("连带责任(元)")
    shown = {model.index(r, 0).data(): (model.index(r, flag_col).data(), model.index(r, joint_col).data())
             for r in range(model.rowCount())}
    assert shown["周协管"][0] == "劝辞"
    assert shown["张书记"][0] == "诫勉谈话" and shown["李主任"][0] == "诫勉谈话"
    assert shown["陈副书记"] == ("", "300") and shown["张书记"][1] == "300"  # 3 x 100 joint liability
