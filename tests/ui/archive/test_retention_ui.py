"""A02 in the GUI: the archive tab shows each result's 保管期限; a permanent or long-term record
needs the principal leader (主要领导), whom the administrator names in 账户与权限; directors set
the retention classes in 工具 → 档案保管期限."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel, QLineEdit, QPushButton, QTableView, QTableWidget

from dutydesk.store.accounts.account import Account, create_account, set_principal
from dutydesk.store.accounts.login import set_password
from dutydesk.store.archive.lookup_register import LookupEntry
from dutydesk.store.archive.retention import retention_for
from dutydesk.store.visits.residents import ResidentData, create_resident
from dutydesk.store.visits.visit import register_visit
from dutydesk.ui.accounts_dialog import AccountsDialog
from dutydesk.ui.archive.lookup_register_dialog import LookupRegisterDialog
from dutydesk.ui.archive.record import ApprovalDialog, RecordDialog
from dutydesk.ui.archive.retention_dialog import RetentionDialog
from dutydesk.ui.archive.tab import ArchiveTab
from tests.store.conftest import draft
from tests.ui.archive.test_tab import _rows, _search
from tests.ui.helpers import by_name, type_text, when_modal


def _acc(name: str) -> Account:
    return Account.get(Account.name == name)


@pytest.fixture
def books(desk):
    create_resident(ResidentData("张三丰", village_group="三组", tags=["低保户"]), desk.who, desk.now())
    register_visit(draft(person_name="张三丰", request="咨询低保续办材料"), desk.who, desk.now(), desk.calendar())
    create_account("赵书记", "director", desk.who, desk.now())
    set_principal(_acc("赵书记"), True, desk.who, desk.now())
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    set_password(_acc("赵书记"), "2468", desk.who, desk.now())
    return desk


def _select(tab: ArchiveTab, kind_label: str) -> QTableView:
    view = by_name(tab, "检索结果", QTableView)
    row = next(i for i, r in enumerate(_rows(view)) if r[0] == kind_label)
    view.selectRow(row)
    return view


def test_a02_operator_opens_permanent_resident_file_with_principal_password(app, qtbot, books):
    books.account = _acc("李文书")
    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    _search(qtbot, tab, "张三丰")
    assert {r[0]: r[1] for r in _rows(by_name(tab, "检索结果", QTableView))} == {"来访记录": "短期", "居民档案": "永久"}
    seen: dict = {}

    def in_approval(dialog: ApprovalDialog) -> None:
        seen["intro"] = by_name(dialog, "审批说明", QLabel).text()
        approver = by_name(dialog, "批准主要领导", QComboBox)
        seen["approvers"] = [approver.itemData(i) for i in range(approver.count())]
        type_text(qtbot, dialog.reason, "核对户籍信息")
        qtbot.keyClicks(by_name(dialog, "主要领导密码", QLineEdit), "2468")
        when_modal(lambda d: d.accept(), kind=RecordDialog)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(in_approval, kind=ApprovalDialog)
    view = _select(tab, "居民档案")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "保管期限：永久" in seen["intro"] and "须登记查阅原因并经主要领导批准" in seen["intro"]
    assert seen["approvers"] == ["赵书记"]  # a director is not offered for a permanent file
    [entry] = LookupEntry.select()
    assert (entry.approved_by, entry.approval_level, entry.retention) == ("赵书记", "principal", "permanent")

    books.account = _acc("王书记")
    register = LookupRegisterDialog(books)
    qtbot.addWidget(register)
    [row] = _rows(by_name(register, "查阅登记", QTableView))
    assert row[3:5] == ["居民档案", "永久"] and row[7:] == ["赵书记", "主要领导当场输密码批准"]


def test_a02_logged_in_director_needs_the_principal_for_a_permanent_file(app, qtbot, books):
    books.account = _acc("王书记")
    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    _search(qtbot, tab, "张三丰")
    dialogs: list[str] = []

    def self_approve(dialog: ApprovalDialog) -> None:  # the visit: the director approves himself
        dialogs.append(dialog.windowTitle())
        type_text(qtbot, dialog.reason, "年终核查")
        when_modal(lambda d: d.accept(), kind=RecordDialog)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_modal(self_approve, kind=ApprovalDialog)
    qtbot.keyClick(_select(tab, "来访记录"), Qt.Key.Key_Return)
    assert len(dialogs) == 1

    def principal(dialog: ApprovalDialog) -> None:  # the resident file: asks again, for 主要领导
        dialogs.append(by_name(dialog, "主要领导密码", QLineEdit).accessibleName())
        type_text(qtbot, dialog.reason, "年终核查")
        qtbot.keyClicks(dialog.password, "1357")  # the director's own password is not the principal's
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        dialogs.append(dialog.fields["password"].error.text())
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, "2468")
        when_modal(lambda d: d.accept(), kind=RecordDialog)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(principal, kind=ApprovalDialog)
    qtbot.keyClick(_select(tab, "居民档案"), Qt.Key.Key_Return)
    assert dialogs[1] == "主要领导密码" and "密码不正确" in dialogs[2]
    assert [(e.kind, e.approved_by, e.approval_level) for e in LookupEntry.select().order_by(LookupEntry.id)] == [
        ("visit", "王书记", "director"), ("resident", "赵书记", "principal")]


def test_administrator_names_the_principal_leader(app, qtbot, books):
    dialog = AccountsDialog(books)
    qtbot.addWidget(dialog)
    dialog.show()
    table = by_name(dialog, "账户列表", QTableWidget)
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "王书记")
    table.selectRow(row)
    box = by_name(dialog, "主要领导", QCheckBox)
    assert not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(by_name(dialog, "保存角色", QPushButton), Qt.MouseButton.LeftButton)
    assert _acc("王书记").is_principal and _acc("王书记").role == "director"
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "王书记")
    assert table.item(row, 2).text() == "是"


def test_a02_director_sets_retention_from_a_date(app, qtbot, books):
    books.account = _acc("王书记")
    dialog = RetentionDialog(books)
    qtbot.addWidget(dialog)
    visits = by_name(dialog, "来访记录", QComboBox)
    assert visits.currentText() == "短期"
    assert by_name(dialog, "来访记录批准人", QLabel).text() == "查阅须经主任（分管领导）批准"
    visits.setFocus()
    qtbot.keyClick(visits, Qt.Key.Key_Up)  # 永久, 长期, 短期: one up from 短期
    assert visits.currentText() == "长期"
    assert by_name(dialog, "来访记录批准人", QLabel).text() == "查阅须经主要领导批准"
    by_name(dialog, "执行日期", QDateEdit).setDate(QDate(2026, 6, 1))
    qtbot.mouseClick(by_name(dialog, "保存", QPushButton), Qt.MouseButton.LeftButton)
    assert retention_for("visit", dt.date(2026, 6, 1)) == "long_term"
    assert retention_for("visit", dt.date(2026, 5, 31)) == "short_term"
    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    _search(qtbot, tab, "低保续办")
    assert [r[1] for r in _rows(by_name(tab, "检索结果", QTableView))] == ["长期"]


def test_a02_retention_rows_scroll_and_the_date_and_buttons_stay_in_sight(app, qtbot, books):
    """Screen fit: one row per kind of record grows past a small screen; only the rows scroll,
    执行日期, 取消 and 保存 stay below them, never inside a scrolling part."""
    from PySide6.QtWidgets import QScrollArea

    from dutydesk.ui import screen_fit
    from dutydesk.ui.theme import set_font_size

    set_font_size(app, "xlarge")  # 特大 on the test screen: the rows are taller than the screen
    books.account = _acc("王书记")
    dialog = RetentionDialog(books)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert screen_fit.available_area(dialog).contains(dialog.frameGeometry())
    assert not dialog.property("dutydesk_scrolled")  # not the last resort: the whole dialog scrolling
    rows = dialog.findChild(QScrollArea)
    assert rows.isVisible() and rows.isAncestorOf(by_name(dialog, "来访记录", QComboBox))
    for name, kind in (("执行日期", QDateEdit), ("取消", QPushButton), ("保存", QPushButton)):
        widget = by_name(dialog, name, kind)
        assert widget.isVisible() and not rows.isAncestorOf(widget), name
        assert dialog.rect().contains(QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())), name
