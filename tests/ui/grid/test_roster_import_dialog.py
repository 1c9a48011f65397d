"""导入花名册… on 片区与住户 (G02): the preview names every faulty row by its row number and why,
masks ID numbers (V09), and 导入 writes the good rows; a second import has nothing to write."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QPushButton, QTableWidget

from dutydesk.store.grid.household import households
from dutydesk.store.grid.roster_import import read_and_plan
from dutydesk.ui.grid.areas_page import AreasPage
from dutydesk.ui.grid.roster_import_dialog import RosterImportDialog
from tests.roster_helpers import write_roster
from tests.ui.helpers import by_name, shown, when_modal


def cells(view: QTableWidget, column: int) -> list[str]:
    return [view.item(r, column).text() for r in range(view.rowCount())]


def _page(qtbot, desk) -> AreasPage:
    return shown(qtbot, AreasPage(desk), 1300, 800)


def test_g02_preview_then_import_from_the_areas_page(qtbot, app, desk, village, tmp_path, monkeypatch):
    path = write_roster(tmp_path / "花名册.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page = _page(qtbot, desk)
    by_name(page, "片区", QTableWidget).selectRow(0)  # 三组片区: new households go there
    seen: dict = {}

    def check_and_import(dialog: RosterImportDialog) -> None:
        seen["found"] = by_name(dialog, "花名册识别结果", QLabel).text()
        problems = by_name(dialog, "有误的行", QTableWidget)
        seen["rows"] = cells(problems, 0)
        seen["why"] = cells(problems, 2)
        good = by_name(dialog, "将导入的行", QTableWidget)
        seen["names"] = cells(good, 1)
        seen["ids"] = cells(good, 4)
        seen["area"] = by_name(dialog, "新建的户归入片区", QComboBox).currentText()
        by_name(dialog, "导入5行", QPushButton).click()

    when_modal(check_and_import, kind=RosterImportDialog)
    by_name(page, "导入花名册…", QPushButton).click()
    assert "表头在第3行" in seen["found"] and "将新建群众5人" in seen["found"]
    assert seen["rows"] == ["7", "8", "9", "10", "11"]
    assert "校验位不正确" in seen["why"][0] and seen["why"][2] == "没有姓名"
    assert seen["names"] == ["王𠀀", "李堃", "王喆", "钱十", "钱小十"]
    assert seen["ids"][1].endswith("（15位已升级）")
    assert seen["area"] == "三组片区"
    assert by_name(page, "片区操作结果", QLabel).text().startswith("已导入花名册：新建群众5人")
    assert {h.head.name for h in households(village.area)} == {"张三", "李四", "王𠀀", "钱十"}


def test_g02_v09_preview_masks_id_numbers_for_an_operator(qtbot, app, desk, tmp_path):
    from dutydesk.store.accounts.account import Account

    desk.account = Account.get(Account.name == "李文书")
    plan = read_and_plan(write_roster(tmp_path / "r.xlsx"), desk.today())
    dialog = RosterImportDialog(desk, plan, "r.xlsx")
    qtbot.addWidget(dialog)
    ids = cells(by_name(dialog, "将导入的行", QTableWidget), 4)
    assert ids[0].startswith("110105") and "********" in ids[0]


def test_g02_second_import_has_nothing_to_write(qtbot, app, desk, tmp_path):
    from dutydesk.store.grid.roster_import import apply_import

    path = write_roster(tmp_path / "r.xlsx")
    apply_import(read_and_plan(path, desk.today()).roster, desk.who, desk.now())
    dialog = RosterImportDialog(desk, read_and_plan(path, desk.today()), "r.xlsx")
    qtbot.addWidget(dialog)
    button = by_name(dialog, "无需导入", QPushButton)
    assert not button.isEnabled()
    assert "没有可导入的变化" in by_name(dialog, "导入结果", QLabel).text()
    assert set(cells(by_name(dialog, "将导入的行", QTableWidget), 5)) >= {"已有（按身份证号码），无变化"}


def test_g02_a_file_that_is_no_roster_is_said_on_the_page(qtbot, app, desk, tmp_path, monkeypatch):
    bad = tmp_path / "通讯录.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    page = _page(qtbot, desk)
    by_name(page, "导入花名册…", QPushButton).click()
    assert by_name(page, "片区操作结果", QLabel).text().startswith("无法导入通讯录.csv：找不到表头")
