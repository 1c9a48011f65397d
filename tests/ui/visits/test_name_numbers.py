"""V09 on the 来访登记 form: a phone typed into 姓名 is refused beside the field, nothing is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from dutydesk.domain.personal_numbers import NAME_HOLDS_NUMBER
from dutydesk.store.visits.visit import Visit
from tests.ui.helpers import by_name, type_text
from tests.ui.visits.test_tab import make_tab


def test_v09_a_phone_in_the_name_field_is_refused_beside_it(qtbot, app, desk):
    tab = make_tab(qtbot, desk)
    type_text(qtbot, by_name(tab, "姓名"), "王五 139 0000 1111")
    type_text(qtbot, by_name(tab, "诉求内容", QPlainTextEdit), "咨询养老保险")
    type_text(qtbot, by_name(tab, "办理结果"), "已解答")
    qtbot.mouseClick(by_name(tab, "保存登记"), Qt.MouseButton.LeftButton)
    assert by_name(tab, "姓名错误提示", QLabel).text() == NAME_HOLDS_NUMBER
    assert Visit.select().count() == 0
    assert by_name(tab, "诉求内容", QPlainTextEdit).toPlainText() == "咨询养老保险"
    by_name(tab, "姓名").setText("王五")
    qtbot.mouseClick(by_name(tab, "保存登记"), Qt.MouseButton.LeftButton)
    assert by_name(tab, "姓名错误提示", QLabel).text() == ""
    assert Visit.get().person_name == "王五"
