"""First run (issue 13, point 5): Enter submits from any field, and messages never sit on top of
the fields they describe."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from dutydesk.ui.first_run import FirstRunDialog
from tests.ui.helpers import by_name

GOOD = {"服务中心名称": "青石村党群服务中心", "所属乡镇/街道": "桃源镇", "地址": "村部一楼",
        "服务电话": "13800138000", "监督电话": "0571-63285678", "管理员账户名": "王芳",
        "管理员密码": "8642", "再次输入密码": "8642"}


def make(qtbot, values) -> FirstRunDialog:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for label, text in values.items():
        by_name(dialog, label, QLineEdit).setText(text)
    return dialog


@pytest.mark.parametrize("field", ["服务中心名称", "地址", "监督电话", "类型", "再次输入密码"])
def test_enter_in_any_field_submits(qtbot, app, field):
    dialog = make(qtbot, GOOD)
    widget = by_name(dialog, field, QComboBox if field == "类型" else QLineEdit)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted and dialog.profile is not None


def _rect(dialog: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())


def test_messages_never_overlap_the_fields(qtbot, app):
    dialog = make(qtbot, {**GOOD, "服务中心名称": "", "服务电话": "12", "监督电话": "12", "管理员账户名": ""})
    qtbot.mouseClick(by_name(dialog, "确定", QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and by_name(dialog, "服务电话错误提示", QLabel).isVisible()
    shown = [w for w in dialog.findChildren(QWidget) if w.isVisible() and (
        isinstance(w, (QLineEdit, QComboBox, QPushButton)) or (isinstance(w, QLabel) and w.text()))]
    overlaps = []
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            ra, rb = _rect(dialog, a), _rect(dialog, b)
            if ra.intersects(rb) and not (ra.contains(rb) or rb.contains(ra)):
                overlaps.append((a.accessibleName() or a.text(), b.accessibleName() or b.text()))
    assert overlaps == []
    for name in ("服务中心名称", "服务电话", "监督电话", "管理员账户名"):
        editor, error = by_name(dialog, name, QLineEdit), by_name(dialog, f"{name}错误提示", QLabel)
        assert editor.height() >= editor.minimumSizeHint().height()
        assert _rect(dialog, error).top() >= _rect(dialog, editor).bottom()
