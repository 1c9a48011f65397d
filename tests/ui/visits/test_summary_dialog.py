"""V08: 来访情况汇总 dialog."""

from __future__ import annotations

from dutydesk.store.visits.visit import register_visit
from tests.store.conftest import draft


def test_v08_summary_dialog_shows_the_month(qtbot, app, desk):
    from PySide6.QtCore import QDate

    from dutydesk.ui.visits.summary_dialog import VisitSummaryDialog
    from tests.ui.helpers import by_name

    register_visit(draft(), desk.who, desk.now(), desk.calendar())
    dialog = VisitSummaryDialog(desk)
    qtbot.addWidget(dialog)
    text = by_name(dialog, "汇总内容").toPlainText()
    assert "2026年11月01日至2026年11月24日" in text and "共受理 1 件" in text
    by_name(dialog, "起始日期").setDate(QDate(2026, 11, 25))
    assert by_name(dialog, "汇总内容").toPlainText() == "截止日期不能早于起始日期"
