"""The first-run dialog: validation beside the fields, nothing typed is lost."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from dutydesk.ui.first_run import FirstRunDialog
from tests.ui.helpers import by_name, type_text


def fill(qtbot, dialog, **values):
    for label, text in values.items():
        edit = by_name(dialog, label, QLineEdit)
        edit.clear()
        type_text(qtbot, edit, text)


def test_empty_name_and_bad_phone_show_messages_beside_fields(qtbot, app):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, **{"所属乡镇/街道": "桃源镇", "地址": "村部一楼",
                                         "服务电话": "12345678", "监督电话": "0571-63285678",
                                         "管理员账户名": "王芳"})
    qtbot.mouseClick(by_name(dialog, "确定", QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and dialog.isVisible()
    name_error = by_name(dialog, "服务中心名称错误提示")
    phone_error = by_name(dialog, "服务电话错误提示")
    assert name_error.isVisible() and name_error.text() == "请填写服务中心名称"
    assert phone_error.isVisible() and "区号" in phone_error.text()
    assert not by_name(dialog, "监督电话错误提示").isVisible()
    # nothing typed is lost
    assert by_name(dialog, "服务电话", QLineEdit).text() == "12345678"
    assert by_name(dialog, "地址", QLineEdit).text() == "村部一楼"
    # the first bad field has the focus, so the user can type straight away
    assert dialog.focusWidget() is by_name(dialog, "服务中心名称", QLineEdit)


def test_valid_input_is_accepted_from_the_keyboard(qtbot, app):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, **{"服务中心名称": "青石村党群服务中心", "所属乡镇/街道": "桃源镇",
                           "地址": "村部一楼", "服务电话": "13800138000",
                           "监督电话": "0571-63285678", "管理员账户名": "王芳",
                           "管理员密码": "8642", "再次输入密码": "8642"})
    qtbot.keyClick(by_name(dialog, "再次输入密码", QLineEdit), Qt.Key.Key_Return)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert dialog.profile.name == "青石村党群服务中心"
    assert dialog.profile.public_phone == "13800138000"
    assert dialog.admin_name == "王芳"


def test_tab_moves_through_fields_in_reading_order(qtbot, app):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    order = ["服务中心名称", "所属乡镇/街道", "统计用区划代码", "地址", "服务电话", "监督电话", "类型", "管理员账户名",
             "管理员密码", "再次输入密码"]
    widget = by_name(dialog, order[0])
    for expected in order[1:]:
        widget = widget.nextInFocusChain()
        while not widget.accessibleName() or widget.accessibleName().endswith("错误提示"):
            widget = widget.nextInFocusChain()
        assert widget.accessibleName() == expected
