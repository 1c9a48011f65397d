"""群众信息: tags, group and a new phone; bad ID refused beside the field; history kept (A03)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from dutydesk.store.audit import history
from dutydesk.store.visits.residents import Resident, ResidentData, create_resident
from dutydesk.ui.visits.resident_edit import ResidentEditDialog
from tests.ui.helpers import by_name, type_text


def test_edit_tags_group_and_add_phone(qtbot, app, desk):
    person = create_resident(ResidentData("张三", phones=["13812345678"], village_group="三组"),
                             desk.who, desk.now())
    dialog = ResidentEditDialog(desk, person)
    qtbot.addWidget(dialog)
    by_name(dialog, "身份证号").setText("12345")
    by_name(dialog, "村民小组").setText("")
    type_text(qtbot, by_name(dialog, "村民小组"), "五组")
    qtbot.mouseClick(by_name(dialog, "保存"), Qt.MouseButton.LeftButton)
    assert "18位" in by_name(dialog, "身份证号错误提示", QLabel).text()
    assert by_name(dialog, "村民小组").text() == "五组"  # nothing typed is lost
    by_name(dialog, "身份证号").setText("")
    by_name(dialog, "低保户", QCheckBox).setChecked(True)
    qtbot.keyClicks(by_name(dialog, "新增电话"), "13900001111")
    type_text(qtbot, by_name(dialog, "更正原因"), "入户核实")
    qtbot.mouseClick(by_name(dialog, "保存"), Qt.MouseButton.LeftButton)
    person = Resident.get_by_id(person.id)
    assert person.tag_list == ["低保户"] and person.village_group == "五组"
    assert person.phones() == ["13812345678", "13900001111"]
    change = next(e for e in history(person) if e.field == "village_group")
    assert (change.old_value, change.new_value, change.reason) == ("三组", "五组", "入户核实")
