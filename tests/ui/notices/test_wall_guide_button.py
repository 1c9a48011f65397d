"""N08 and P11 in 办事指南目录: print the wall guide (refused while a blank is left); the site
survey flag is kept when a director edits an item."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QPushButton

from dutydesk.store.accounts.account import Account
from dutydesk.store.notices import catalogue
from dutydesk.ui.notices import catalogue_page
from dutydesk.ui.notices.catalogue_page import CataloguePage
from tests.notice_helpers import seed
from tests.reports.test_wall_guide import fill_blanks
from tests.ui.helpers import by_name, type_text, when_modal


def _page(qtbot, desk) -> CataloguePage:
    widget = CataloguePage(desk, lambda: None)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _choose(page: CataloguePage, code: str) -> None:
    items = by_name(page, "事项目录", QListWidget)
    row = next(r for r in range(items.count()) if items.item(r).text().startswith(code))
    items.setCurrentRow(row)


def test_n08_print_guide_button_refuses_a_blank_then_prints_a3(qtbot, app, desk, tmp_path, monkeypatch):
    catalogue.seed_default_catalogue(desk.who, desk.now())  # the template, blanks still in it
    page = _page(qtbot, desk)  # an operator may print the guide too
    out = tmp_path / "指南.pdf"
    monkeypatch.setattr(catalogue_page.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    seen: list[str] = []
    when_modal(lambda box: (seen.append(box.text()), box.accept()))
    qtbot.mouseClick(by_name(page, "打印办事指南…", QPushButton), Qt.MouseButton.LeftButton)
    assert "（请填写窗口电话）" in seen[0] and not out.exists()

    fill_blanks(desk)
    by_name(page, "指南纸张", QComboBox).setCurrentText("A3")
    when_modal(lambda box: (seen.append(box.text()), box.accept()))
    qtbot.mouseClick(by_name(page, "打印办事指南…", QPushButton), Qt.MouseButton.LeftButton)
    assert "A3" in seen[-1] and out.exists()
    assert round(float(PdfReader(str(out)).pages[0].mediabox.width)) == 842


def test_p11_site_survey_flag_shown_and_kept_on_edit(qtbot, app, desk):
    seed(desk)
    desk.account = Account.get(Account.name == "王书记")
    page = _page(qtbot, desk)
    _choose(page, "NY-02")
    survey = by_name(page, "调查核实", QComboBox)
    assert survey.currentText() == "需调查核实和现场勘查"
    type_text(qtbot, by_name(page, "修改说明", QLineEdit), "核对")
    by_name(page, "单位电话", QLineEdit).setText("0571-63281001")
    qtbot.mouseClick(by_name(page, "保存为新版本", QPushButton), Qt.MouseButton.LeftButton)
    assert catalogue.current_version("NY-02").item.site_survey
    _choose(page, "SB-01")
    assert by_name(page, "调查核实", QComboBox).currentText() == "不需要"
    by_name(page, "调查核实", QComboBox).setCurrentText("需调查核实")
    by_name(page, "修改说明", QLineEdit).setText("check")
    qtbot.mouseClick(by_name(page, "保存为新版本", QPushButton), Qt.MouseButton.LeftButton)
    item = catalogue.current_version("SB-01").item
    assert item.needs_verification and not item.site_survey
