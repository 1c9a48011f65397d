"""档案查询 from the keyboard: query, filter, open a result with approval (A02), see it in the
lookup register; masked numbers for an operator (V09); the record view is read-only (A03)."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QTableView, QTableWidget

from dutydesk.domain.highlight import MARK_OPEN
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.store.archive.lookup_register import LookupEntry
from dutydesk.store.privacy import ExportLog
from dutydesk.store.visits.residents import ResidentData, create_resident
from dutydesk.store.visits.visit import register_visit
from dutydesk.ui.archive.lookup_register_dialog import LookupRegisterDialog
from dutydesk.ui.archive.record import ApprovalDialog, RecordDialog
from dutydesk.ui.archive.tab import ArchiveTab
from tests.store.conftest import draft
from tests.ui.helpers import by_name, type_text, when_modal


def _acc(name: str) -> Account:
    return Account.get(Account.name == name)


@pytest.fixture
def books(desk, clock):
    create_resident(ResidentData("张三丰", id_number="11010519491231002X", phones=["13812345678"],
                                 village_group="三组", tags=["低保户"]), desk.who, desk.now())
    register_visit(draft(person_name="张三丰", request="咨询低保续办材料，电话13812345678",
                         contact="13812345678"), desk.who, desk.now(), desk.calendar())
    register_visit(draft(person_name="李四", request="宅基地建房审批", contact="13900001111",
                         responder_name="王书记"), desk.who, desk.now(), desk.calendar())
    set_password(_acc("王书记"), "1357", desk.who, desk.now())
    desk.account = _acc("李文书")
    return desk


def _rows(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _search(qtbot, tab: ArchiveTab, text: str) -> None:
    box = by_name(tab, "检索词", QLineEdit)
    box.clear()
    type_text(qtbot, box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_query_highlights_and_masks_for_operator(app, qtbot, books):
    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    _search(qtbot, tab, "低保")
    rows = _rows(by_name(tab, "检索结果", QTableView))
    assert [r[0] for r in rows] == ["来访记录", "居民档案"]
    assert [r[1] for r in rows] == ["短期", "永久"]  # 保管期限 of each result (A02)
    assert MARK_OPEN + "低保" in rows[0][4]
    assert "138****5678" in rows[0][4] and "13812345678" not in rows[0][4]  # V09
    assert by_name(tab, "检索状态").text() == "找到 2 条"


def test_filter_by_type_from_keyboard(app, qtbot, books):
    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    _search(qtbot, tab, "低保")
    kind = by_name(tab, "记录类型", QComboBox)
    kind.setFocus()
    while kind.currentText() != "居民档案":
        qtbot.keyClick(kind, Qt.Key.Key_Down)
    assert [r[3] for r in _rows(by_name(tab, "检索结果", QTableView))] == ["张三丰"]


def test_one_character_query_error_beside_field(app, qtbot, books):
    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    _search(qtbot, tab, "低")
    assert tab.query_field.error.text() == "每个检索词至少两个字（或两位数字）"
    assert by_name(tab, "检索词", QLineEdit).text() == "低"


def test_a02_operator_opens_record_with_director_password_and_it_is_registered(app, qtbot, books):
    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    tab.show()
    assert not tab.register_button.isVisible()  # the register is for directors only
    _search(qtbot, tab, "宅基地")
    seen: dict = {}

    def in_record(dialog: RecordDialog) -> None:
        fields = by_name(dialog, "记录内容", QTableWidget)
        values = {fields.item(r, 0).text(): fields.item(r, 1).text() for r in range(fields.rowCount())}
        seen["phone"] = values["联系电话"]
        seen["request"] = values["诉求内容"]
        seen["editable"] = fields.editTriggers()
        history = by_name(dialog, "修改历史", QTableWidget)
        seen["history"] = history.item(0, 2).text()
        qtbot.mouseClick(by_name(dialog, "关闭", QPushButton), Qt.MouseButton.LeftButton)

    def in_approval(dialog: ApprovalDialog) -> None:
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason yet
        seen["reason_error"] = dialog.fields["reason"].error.text()
        type_text(qtbot, by_name(dialog, "查阅原因", QLineEdit), "核对建房审批进度")
        assert by_name(dialog, "批准主任", QComboBox).currentData() in ("管理员", "王书记")
        dialog.director.setCurrentIndex(dialog.director.findData("王书记"))
        qtbot.keyClicks(by_name(dialog, "主任密码", QLineEdit), "1357")
        when_modal(in_record, kind=RecordDialog)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(in_approval, kind=ApprovalDialog)
    view = by_name(tab, "检索结果", QTableView)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert seen["reason_error"] == "请填写查阅原因"
    assert seen["phone"] == "139****1111" and seen["request"] == "宅基地建房审批"
    assert seen["editable"] == QTableWidget.EditTrigger.NoEditTriggers
    assert seen["history"] == "新建"
    [entry] = LookupEntry.select()
    assert (entry.opened_by, entry.approved_by, entry.reason, entry.query, entry.title) == (
        "李文书", "王书记", "核对建房审批进度", "宅基地", "李四 来访 政策咨询")

    # the director sees it in the register
    books.account = _acc("王书记")
    register = LookupRegisterDialog(books)
    qtbot.addWidget(register)
    [row] = _rows(by_name(register, "查阅登记", QTableView))
    assert row[1:] == ["李文书", "宅基地", "来访记录", "短期", "李四 来访 政策咨询", "核对建房审批进度", "王书记",
                       "主任当场输密码批准"]


def test_a02_cancelled_approval_opens_nothing(app, qtbot, books):
    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    _search(qtbot, tab, "宅基地")
    opened = when_modal(lambda d: d.accept(), timeout_ms=300, kind=RecordDialog)
    when_modal(lambda d: qtbot.mouseClick(by_name(d, "取消", QPushButton),
                                                           Qt.MouseButton.LeftButton), kind=ApprovalDialog)
    qtbot.mouseClick(by_name(tab, "查看记录", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.wait(350)
    assert opened == [] and LookupEntry.select().count() == 0


def test_a02_logged_in_director_opens_with_reason_only_and_approval_covers_query(app, qtbot, books):
    from dutydesk.store.accounts.account import set_principal

    set_principal(_acc("王书记"), True, "管理员", books.now())  # the secretary is the principal leader
    books.account = _acc("王书记")
    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    _search(qtbot, tab, "低保")
    approvals = []

    def in_approval(dialog: ApprovalDialog) -> None:
        approvals.append(dialog)
        assert not any(w.isVisible() for w in dialog.findChildren(QLineEdit) if w.accessibleName() == "主任密码")
        type_text(qtbot, dialog.reason, "年终核查")
        when_modal(lambda d: d.accept(), kind=RecordDialog)
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_modal(in_approval, kind=ApprovalDialog)
    view = by_name(tab, "检索结果", QTableView)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    # the second record of the same query needs no new approval, but is registered too
    view.selectRow(1)
    when_modal(lambda d: d.accept(), kind=RecordDialog)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(approvals) == 1
    assert [(e.approved_by, e.approval, e.kind) for e in LookupEntry.select().order_by(LookupEntry.id)] == [
        ("王书记", "logged_in", "visit"), ("王书记", "logged_in", "resident")]


def test_register_export_is_director_only_and_logged(app, qtbot, books, tmp_path, monkeypatch):
    from dutydesk.store.archive.lookup_register import approve, record_lookup
    from dutydesk.store.search_index import search
    from dutydesk.ui.archive.lookup_register_dialog import show_lookup_register

    [hit] = search("宅基地")
    record_lookup(approve(_acc("王书记"), "宅基地", "核对", books.now()), hit, books.now())
    warned = []
    monkeypatch.setattr("dutydesk.ui.archive.lookup_register_dialog.QMessageBox.warning",
                        lambda *a: warned.append(a[2]))
    show_lookup_register(books, None)  # an operator
    assert warned == ["查阅登记簿仅主任可查看和导出。"]
    books.account = _acc("王书记")
    dialog = LookupRegisterDialog(books)
    qtbot.addWidget(dialog)
    target = tmp_path / "register.xlsx"
    monkeypatch.setattr(dialog, "ask_path", lambda: target)
    monkeypatch.setattr("dutydesk.ui.archive.lookup_register_dialog.QMessageBox.information", lambda *a: None)
    qtbot.mouseClick(by_name(dialog, "导出登记簿", QPushButton), Qt.MouseButton.LeftButton)
    cells = [c for row in load_workbook(target).active.iter_rows(values_only=True) for c in row if c]
    assert "档案查阅登记簿" in cells and "核对" in cells
    [log] = ExportLog.select()
    assert (log.what, log.exported_by, log.unmasked) == ("档案查阅登记簿", "王书记", False)


def test_a04_filing_dialog_closes_a_year(app, qtbot, books, clock, monkeypatch):
    from dutydesk.store.archive.year_filing import closed_years
    from dutydesk.ui.archive.filing_dialog import FilingDialog

    clock.set(dt.datetime(2027, 1, 4, 9, 0))
    books.account = _acc("王书记")
    dialog = FilingDialog(books)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "confirm", lambda year: True)
    from dutydesk.reports import year_archive

    # only the record catalogues: the township ledgers of a whole year are tested in tests/store
    everything = year_archive.year_ledgers
    monkeypatch.setattr(year_archive, "year_ledgers",
                        lambda d, y: [item for item in everything(d, y) if "档案目录" in item[0]])
    monkeypatch.setattr("dutydesk.ui.archive.filing_dialog.QMessageBox.information", lambda *a: None)
    assert by_name(dialog, "归档年度", QComboBox).currentText() == "2026年"
    qtbot.mouseClick(by_name(dialog, "归档该年度", QPushButton), Qt.MouseButton.LeftButton)
    assert closed_years() == {2026}
    assert by_name(dialog, "已归档年度").text() == "已归档年度：2026年"
    assert (books.folder.path / "archive" / "2026" / "2026年来访记录档案目录.xlsx").exists()


def test_a_query_with_nul_and_control_characters_is_cleaned_not_an_error(app, qtbot, books):
    """A pasted NUL, tab or escape code in the query: the search runs on the cleaned words."""
    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    box = by_name(tab, "检索词", QLineEdit)
    box.setText("低\x00保\t\x1b张三丰\u200b")  # keyboard typing cannot produce these: pasted text can
    qtbot.keyClick(box, Qt.Key.Key_Return)
    rows = _rows(by_name(tab, "检索结果", QTableView))
    assert [r[0] for r in rows] == ["来访记录", "居民档案"]
    assert by_name(tab, "检索状态").text() == "找到 2 条"
    assert tab.query_field.error.text() == ""


def test_painting_results_asks_the_books_nothing(app, qtbot, books, monkeypatch):
    """Issue 17: a settings query per painted cell froze scrolling; cells are worked out once,
    and masking (V09) still follows the account searching."""
    from dutydesk.store import privacy, settings

    tab = ArchiveTab(books)
    qtbot.addWidget(tab)
    _search(qtbot, tab, "低保")
    view = by_name(tab, "检索结果", QTableView)
    first = _rows(view)
    asked = []
    monkeypatch.setattr(privacy, "get_setting", lambda *a, **k: asked.append(a) or [])
    monkeypatch.setattr(settings, "get_setting", lambda *a, **k: asked.append(a) or [])
    for _ in range(3):
        assert _rows(view) == first
    assert asked == []
    assert "13812345678" not in " ".join(" ".join(r) for r in first)
