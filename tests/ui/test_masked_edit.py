"""V09: a field over a personal number shows it masked, saves it unchanged unless replaced."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dutydesk.ui.masked_edit import MaskedLineEdit


def test_v09_phone_shown_masked_and_kept_until_replaced(qtbot, app):
    field = MaskedLineEdit("phone", "13822223333")
    qtbot.addWidget(field)
    assert (field.text(), field.value()) == ("138****3333", "13822223333")
    qtbot.keyClicks(field, "139")  # the first key replaces the whole masked number
    assert (field.text(), field.value()) == ("139", "139")


def test_v09_erasing_a_masked_id_clears_it_and_reveal_shows_it(qtbot, app):
    field = MaskedLineEdit("id_number", "11010519491231002X")
    qtbot.addWidget(field)
    assert field.text() == "110105********002X"
    field.reveal()
    assert field.text() == "11010519491231002X" and field.value() == "11010519491231002X"
    field.set_value("11010519491231002X")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert (field.text(), field.value()) == ("", "")


def test_v09_free_text_keeps_numbers_left_masked(qtbot, app):
    field = MaskedLineEdit("text", "女儿电话139-8765-4321")
    qtbot.addWidget(field)
    assert field.text() == "女儿电话139-****-4321"
    field.setText("女儿电话139-****-4321，已核实")
    assert field.value() == "女儿电话139-8765-4321，已核实"
    field.clear()
    assert field.value() == ""
