"""A03: the visit's change history reads in Chinese: 修改状态：待处理 → 办理中, not pending → in_progress."""

from __future__ import annotations

from dutydesk.store.visits import visit_progress as progress
from dutydesk.store.visits.visit import register_visit
from dutydesk.ui.visits.detail import VisitDetailDialog
from tests.plain_text import offending
from tests.store.conftest import draft
from tests.ui.helpers import by_name


def test_a03_status_change_in_the_history_shows_labels(qtbot, app, desk, clock):
    visit = register_visit(draft(category="代办", outcome="代办", result="", deadline_kind="complex"),
                           desk.who, desk.now(), desk.calendar())
    clock.advance(hours=1)
    progress.add_followup(visit, "已电话联系民政办", desk.who, desk.now())
    dialog = VisitDetailDialog(desk, visit.id)
    qtbot.addWidget(dialog)
    text = by_name(dialog, "记录详情").toPlainText()
    assert "修改状态：待处理 → 办理中" in text
    assert visit.ref in text  # the full number, 2026-000001
    assert offending(text.splitlines()) == []
