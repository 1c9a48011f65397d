"""V09: full-width digits typed in 全角 mode are read as ASCII in forms and search boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPlainTextEdit, QTableView

from dutydesk.store.visits.residents import Resident, ResidentData, create_resident
from dutydesk.store.visits.visit import Visit
from dutydesk.ui.archive.tab import ArchiveTab
from dutydesk.ui.forms import FormField, password_edit
from dutydesk.ui.visits.resident_edit import ResidentEditDialog
from dutydesk.ui.visits.tab import VisitsTab
from tests.ui.helpers import by_name, type_text

FULL_WIDTH_ID = "１１０１０５１９４９１２３１００２ｘ"


def make_tab(qtbot, desk) -> VisitsTab:
    tab = VisitsTab(desk)
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def test_v09_a_form_field_shows_what_is_typed_in_normal_form(qtbot, app):
    field = FormField("电话", QLineEdit())
    qtbot.addWidget(field)
    type_text(qtbot, field.editor, "１３８\u200b００ 张")
    assert field.editor.text() == "13800 张"
    assert field.editor.cursorPosition() == len("13800 张")
    secret = FormField("密码", password_edit())
    qtbot.addWidget(secret)
    assert secret.editor.validator() is None  # passwords are taken exactly as typed


def test_v09_full_width_id_typed_into_the_visit_form_is_accepted(qtbot, app, desk):
    tab = make_tab(qtbot, desk)
    type_text(qtbot, by_name(tab, "姓名"), "王五")
    type_text(qtbot, by_name(tab, "联系电话"), "１３９ ００００ １１１１")
    type_text(qtbot, by_name(tab, "身份证号"), FULL_WIDTH_ID)
    type_text(qtbot, by_name(tab, "诉求内容", QPlainTextEdit), "咨询养老保险")
    type_text(qtbot, by_name(tab, "办理结果"), "已解答")
    assert by_name(tab, "身份证号").text() == "11010519491231002x"
    qtbot.mouseClick(by_name(tab, "保存登记"), Qt.MouseButton.LeftButton)
    assert by_name(tab, "身份证号错误提示", QLabel).text() == ""
    visit = Visit.get()
    assert visit.contact == "13900001111"
    assert visit.resident.id_number == "11010519491231002X" and visit.resident.phones() == ["13900001111"]


def test_v09_full_width_id_typed_into_the_resident_form_is_accepted(qtbot, app, desk):
    person = create_resident(ResidentData("张三", phones=["13812345678"]), desk.who, desk.now())
    dialog = ResidentEditDialog(desk, person)
    qtbot.addWidget(dialog)
    type_text(qtbot, by_name(dialog, "身份证号"), FULL_WIDTH_ID)
    type_text(qtbot, by_name(dialog, "新增电话"), "＋８６ １３９００００１１１１")
    type_text(qtbot, by_name(dialog, "更正原因"), "补录身份证")
    qtbot.mouseClick(by_name(dialog, "保存"), Qt.MouseButton.LeftButton)
    assert by_name(dialog, "身份证号错误提示", QLabel).text() == ""
    person = Resident.get_by_id(person.id)
    assert person.id_number == "11010519491231002X"
    assert person.phones() == ["13812345678", "13900001111"]


def test_v09_lookup_box_with_full_width_digits_finds_the_resident(qtbot, app, desk):
    create_resident(ResidentData("张三", phones=["13812345678"]), desk.who, desk.now())
    tab = make_tab(qtbot, desk)
    lookup = by_name(tab, "查找群众")
    type_text(qtbot, lookup, "１３８１")
    matches = by_name(tab, "匹配群众", QListWidget)
    assert lookup.text() == "1381"
    assert matches.isVisible() and matches.count() == 1
    assert matches.item(0).text().startswith("张三")


def test_v09_archive_search_with_full_width_digits_finds_the_record(qtbot, app, desk):
    create_resident(ResidentData("张三丰", id_number="11010519491231002X", phones=["13812345678"]),
                    desk.who, desk.now())
    tab = ArchiveTab(desk)
    qtbot.addWidget(tab)
    box = by_name(tab, "检索词", QLineEdit)
    type_text(qtbot, box, "１２３１００２ｘ")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    model = by_name(tab, "检索结果", QTableView).model()
    assert model.rowCount() == 1 and model.index(0, 3).data() == "张三丰"
    assert by_name(tab, "检索状态").text() == "找到 1 条"
