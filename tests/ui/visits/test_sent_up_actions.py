"""The visit record's 上报告知 (V04: date sent up and usual time told, a note printed) and 请示领导
(V06), and the police rows of the incident form (V06)."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

from dutydesk.store.visits.incident_reports import reports_of
from dutydesk.store.visits.leadership_requests import requests_of
from dutydesk.store.visits.sent_up import sent_ups_of
from dutydesk.store.visits.visit import Visit, VisitDraft, register_visit
from dutydesk.store.visits.visit_progress import open_pause
from dutydesk.ui.visits.detail import VisitDetailDialog
from tests.ui.helpers import by_name, type_text, when_modal


def _escalated(desk) -> Visit:
    return register_visit(VisitDraft(channel="来访", category="求助", person_name="卫大哥", request="危房改造补助",
                                     responder_name="李文书", outcome="上报", escalate_level="县",
                                     deadline_kind="review"), desk.who, desk.now(), desk.calendar())


def _detail(qtbot, desk, visit) -> VisitDetailDialog:
    dialog = VisitDetailDialog(desk, visit.id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_v04_sent_up_is_recorded_told_and_the_note_previewed(qtbot, app, desk):
    visit = _escalated(desk)
    dialog = _detail(qtbot, desk, visit)

    def fill(d):
        assert by_name(d, "报送层级", QComboBox).currentText() == "县"
        assert by_name(d, "上级审批通常需要", QSpinBox).value() == 20
        type_text(qtbot, by_name(d, "报送单位", QLineEdit), "住建局")
        by_name(d, "上级审批通常需要", QSpinBox).setValue(15)
        qtbot.mouseClick(by_name(d, "确定"), Qt.MouseButton.LeftButton)

    when_modal(fill)
    qtbot.mouseClick(by_name(dialog, "上报告知"), Qt.MouseButton.LeftButton)
    [row] = sent_ups_of(visit)
    assert (row.level, row.unit, row.usual_days, row.told_method) == ("县", "住建局", 15, "电话")
    assert open_pause(visit).cause == "approval"
    assert "报送县住建局审批，上级审批通常需要15个工作日" in by_name(dialog, "记录详情").toPlainText()
    note = dialog.note_dialog
    qtbot.addWidget(note)
    assert note.windowTitle() == f"上级审批告知单 {visit.ref}"
    text = "".join(p.extract_text() for p in PdfReader(str(note.pdf)).pages).replace("\n", "").replace(" ", "")
    assert "2026年11月24日" in text and "15个工作日" in text


def test_v06_request_marked_asked_of_leadership_with_steps(qtbot, app, desk):
    visit = _escalated(desk)
    dialog = _detail(qtbot, desk, visit)

    def fill(d):
        by_name(d, "请示原因", QComboBox).setCurrentText("无明确依据")
        type_text(qtbot, by_name(d, "已告知群众的办事程序和要求", QPlainTextEdit), "先到镇民政办咨询")
        qtbot.mouseClick(by_name(d, "确定"), Qt.MouseButton.LeftButton)

    when_modal(fill)
    qtbot.mouseClick(by_name(dialog, "请示领导"), Qt.MouseButton.LeftButton)
    [row] = requests_of(visit)
    assert (row.asked_of, row.reason, row.steps_told) == ("村两委领导", "无明确依据", "先到镇民政办咨询")
    assert "已请示村两委领导（无明确依据），已告知群众：先到镇民政办咨询" in by_name(dialog, "记录详情").toPlainText()


def test_v06_incident_form_may_name_the_police(qtbot, app, desk):
    from tests.ui.visits.test_tab import make_tab

    tab = make_tab(qtbot, desk)
    by_name(tab, "事项类别", QComboBox).setCurrentText("突发事件")
    assert by_name(tab, "告知的公安派出所民警").isVisibleTo(tab)
    type_text(qtbot, by_name(tab, "姓名"), "沈大叔")
    type_text(qtbot, by_name(tab, "诉求内容", QPlainTextEdit), "两户打斗")
    type_text(qtbot, by_name(tab, "办理结果"), "已劝开")
    type_text(qtbot, by_name(tab, "告知的两委负责人"), "张书记")
    type_text(qtbot, by_name(tab, "告知的镇党委人员"), "王主任")
    type_text(qtbot, by_name(tab, "告知的公安派出所民警"), "刘警官")
    qtbot.mouseClick(by_name(tab, "保存登记"), Qt.MouseButton.LeftButton)
    visit = Visit.get()
    assert [x.report.recipient for x in reports_of(visit)] == ["两委负责人", "镇党委", "公安派出所"]
