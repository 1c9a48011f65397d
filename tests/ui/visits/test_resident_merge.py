"""Merging duplicate residents from the 工具 menu keeps both histories (issue 4, A03)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from dutydesk.store.visits.residents import Resident, ResidentData, create_resident
from dutydesk.store.visits.visit import VisitDraft, register_visit
from dutydesk.ui.visits.resident_merge import MergeResidentsDialog
from tests.ui.helpers import by_name


def test_merge_two_records_of_one_person(qtbot, app, desk):
    keep = create_resident(ResidentData("张三", phones=["13812345678"]), desk.who, desk.now())
    dup = create_resident(ResidentData("张三", phones=["13987654321"]), desk.who, desk.now())
    register_visit(VisitDraft(channel="来电", category="求助", person_name="张三", request="求助",
                              responder_name="李文书", outcome="即办", result="已处理", resident_id=dup.id),
                   desk.who, desk.now(), desk.calendar())
    dialog = MergeResidentsDialog(desk)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(by_name(dialog, "合并"), Qt.MouseButton.LeftButton)
    assert "请分别选择" in by_name(dialog, "合并结果", QLabel).text()
    keep_edit = by_name(dialog, "保留的记录")
    qtbot.keyClicks(keep_edit, "13812")
    qtbot.keyClick(keep_edit, Qt.Key.Key_Return)
    other_edit = by_name(dialog, "并入的记录")
    qtbot.keyClicks(other_edit, "13987")
    qtbot.keyClick(other_edit, Qt.Key.Key_Return)
    assert by_name(dialog, "已选并入记录", QLabel).text().startswith("张三")
    qtbot.mouseClick(by_name(dialog, "合并"), Qt.MouseButton.LeftButton)
    assert "并入" in by_name(dialog, "合并结果", QLabel).text()
    assert Resident.get_by_id(dup.id).merged_into_id == keep.id
    assert [v.person_name for v in Resident.get_by_id(keep.id).visits] == ["张三"]
    assert set(Resident.get_by_id(keep.id).phones()) == {"13812345678", "13987654321"}
