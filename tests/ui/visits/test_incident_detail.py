"""V06 in the visit record: each report (who, when, how, late flag) and a major matter reported on its own."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton

from dutydesk.domain.incident import IncidentReportDraft
from dutydesk.store.visits.incident_reports import reports_of
from dutydesk.store.visits.visit import Visit, register_visit
from dutydesk.ui.visits.detail import VisitDetailDialog
from tests.store.conftest import draft
from tests.ui.helpers import by_name, type_text, when_modal


def test_v06_record_lists_both_reports_flags_late_and_takes_a_major_matter(qtbot, app, desk):
    now = desk.now()
    occurred = now - dt.timedelta(hours=2)
    visit = register_visit(draft(category="突发事件", request="三组山体滑坡", result="已组织疏散",
                                 incident_occurred_at=occurred,
                                 incident_reports=[IncidentReportDraft("两委负责人", "张书记", "电话", occurred),
                                                   IncidentReportDraft("镇党委", "王主任", "书面", now)]),
                           desk.who, now, desk.calendar())
    dialog = VisitDetailDialog(desk, visit.id)
    qtbot.addWidget(dialog)
    text = by_name(dialog, "记录详情").toPlainText()
    assert "突发事件报告（事发11-24 07:00）" in text
    assert "三组山体滑坡：11-24 07:00 电话报告两委负责人（张书记）" in text
    assert "三组山体滑坡：11-24 09:00 书面报告镇党委（王主任），事发后超过1小时才报告，迟报" in text

    def refused_then_filled(d):
        qtbot.mouseClick(by_name(d, "确定"), Qt.MouseButton.LeftButton)
        assert by_name(d, "重大事项错误提示", QLabel).text() == "请填写要报告的重大事项（一事一报）"
        assert by_name(d, "告知的两委负责人错误提示", QLabel).text().startswith("突发事件须同时报告两委负责人和镇党委")
        type_text(qtbot, by_name(d, "重大事项", QPlainTextEdit), "一人受伤送医")
        type_text(qtbot, by_name(d, "告知的两委负责人"), "张书记")
        type_text(qtbot, by_name(d, "告知的镇党委人员"), "王主任")
        qtbot.mouseClick(by_name(d, "确定"), Qt.MouseButton.LeftButton)

    seen = when_modal(refused_then_filled)
    qtbot.mouseClick(by_name(dialog, "逐件上报", QPushButton), Qt.MouseButton.LeftButton)
    assert seen
    matters = [(x.report.matter, x.report.recipient) for x in reports_of(Visit.get_by_id(visit.id))]
    assert matters[2:] == [("一人受伤送医", "两委负责人"), ("一人受伤送医", "镇党委")]
    assert "一人受伤送医：11-24 09:00 电话报告镇党委（王主任）" in by_name(dialog, "记录详情").toPlainText()


def test_v06_major_matter_button_only_on_an_incident(qtbot, app, desk):
    visit = register_visit(draft(), desk.who, desk.now(), desk.calendar())
    dialog = VisitDetailDialog(desk, visit.id)
    qtbot.addWidget(dialog)
    assert not by_name(dialog, "逐件上报", QPushButton).isEnabled()
