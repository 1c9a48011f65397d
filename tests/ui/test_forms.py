"""The form builders every dialog shares: accessible names equal visible labels, the closing
button row on the right, password and date inputs, the account chooser."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QVBoxLayout

from dutydesk.ui.forms import account_box, button_row, date_edit, message_label, password_edit, push_button
from tests.ui.helpers import by_name


def test_buttons_are_named_by_their_text_and_the_row_keeps_their_order(app, qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    clicked = []
    cancel = push_button("取消", dialog.reject)
    save = push_button("保存", lambda: clicked.append("保存"), primary=True)
    row = button_row(cancel, save)
    QVBoxLayout(dialog).addLayout(row)
    assert row.itemAt(0).spacerItem() is not None  # pushed to the right
    assert [row.itemAt(i).widget() for i in (1, 2)] == [cancel, save]
    assert save.property("primary") is True and not cancel.property("primary")
    qtbot.mouseClick(by_name(dialog, "保存", QPushButton), Qt.MouseButton.LeftButton)
    assert clicked == ["保存"]


def test_password_and_date_inputs(app, qtbot):
    password = password_edit()
    qtbot.addWidget(password)
    assert password.echoMode() == QLineEdit.EchoMode.Password
    day = date_edit(dt.date(2026, 11, 24), "执行日期")
    qtbot.addWidget(day)
    assert (day.accessibleName(), day.text(), day.calendarPopup()) == ("执行日期", "2026-11-24", True)
    assert day.date().toPython() == dt.date(2026, 11, 24)


def test_account_box_lists_name_and_role_and_selects_the_chosen_one(app, qtbot):
    accounts = [SimpleNamespace(name="王书记", role_label="主任", lead=True),
                SimpleNamespace(name="李文书", role_label="工作人员", lead=False)]
    box = account_box(accounts, "李文书")
    qtbot.addWidget(box)
    assert [box.itemText(i) for i in range(box.count())] == ["王书记（主任）", "李文书（工作人员）"]
    assert box.currentData() == "李文书"
    assert account_box(accounts, "不在列表").currentData() == "王书记"  # an unknown name: the first
    leaders = account_box(accounts, role=lambda a: "主要领导" if a.lead else a.role_label)
    assert leaders.itemText(0) == "王书记（主要领导）" and leaders.currentIndex() == 0


def test_button_names_leave_out_the_shortcut_hint_and_rows_may_sit_at_left(app, qtbot):
    save, new = push_button("保存登记 (Ctrl+S)"), push_button("新登记（F2）")
    assert (save.accessibleName(), save.text()) == ("保存登记", "保存登记 (Ctrl+S)")
    assert new.accessibleName() == "新登记"
    row = button_row(save, new, at_left=True)
    assert [row.itemAt(i).widget() for i in (0, 1)] == [save, new] and row.itemAt(2).spacerItem() is not None


def test_message_label_is_named_and_wraps(app, qtbot):
    label = message_label("导出提示")
    qtbot.addWidget(label)
    assert (label.accessibleName(), label.text(), label.wordWrap()) == ("导出提示", "", True)


def test_a_dialog_with_buttons_is_freed_once_closed(app):
    """Buttons connect bound methods directly: a wrapping lambda would keep every closed dialog
    (and its widgets) alive until the program ends."""
    import gc
    import weakref

    dialog = QDialog()
    QVBoxLayout(dialog).addLayout(button_row(push_button("取消", dialog.reject), push_button("确定", dialog.accept)))
    gone = weakref.ref(dialog)
    del dialog
    gc.collect()
    assert gone() is None
