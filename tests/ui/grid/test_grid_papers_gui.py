"""The grid's papers from the GUI: scanning a household code from the 入户走访记录表 opens a new
visit for it (G03); printing the field sheet and the contact cards (G07) from 片区与住户; the
monthly spot check drawn, answered and scored on 知晓率抽查 (G06)."""

from __future__ import annotations

import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTableWidget, QTableWidgetItem

from dutydesk.store.center import load_center
from dutydesk.store.grid.spot_check import checks, month_key
from dutydesk.ui.grid import printing
from dutydesk.ui.grid.tab import GridTab
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from tests.ui.grid.test_grid_tab import make_tab
from tests.ui.helpers import activate, by_name, type_text


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


def test_g03_scanning_a_household_code_anywhere_opens_a_visit_for_it(qtbot, app, desk, village):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    try:
        window.tabs.setCurrentIndex(0)  # another tab is showing
        qtbot.wait(10)  # the tabs install their scanners once they are in the window
        qtbot.keyClicks(window, village.h1.code.lower())  # the scanner types the code and Enter
        qtbot.keyClick(window, Qt.Key.Key_Return)
        assert window.tabs.tabText(window.tabs.currentIndex()) == "网格走访"
        [tab] = window.findChildren(GridTab)
        page = tab.visit_page
        assert tab.pages.currentWidget() is page
        assert "张三户" in by_name(page, "走访的户", QLabel).text()
        assert by_name(page, "查找户", QLineEdit).text() == village.h1.code
        assert "已扫码：H0001 张三户" in by_name(page, "保存结果", QLabel).text()
        # scanned into a search box on the page itself: the box is not left holding the code
        lookup = by_name(page, "查找户", QLineEdit)
        page.start_new()
        lookup.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is lookup)
        qtbot.keyClicks(lookup, village.h2.code)
        qtbot.keyClick(lookup, Qt.Key.Key_Return)
        assert "李四户" in by_name(page, "走访的户", QLabel).text()
        assert QApplication.focusWidget() is by_name(page, "走访情况", QPlainTextEdit)
        # an unknown code does nothing
        qtbot.keyClicks(window, "H9999")
        qtbot.keyClick(window, Qt.Key.Key_Return)
        assert "李四户" in by_name(page, "走访的户", QLabel).text()
    finally:
        window.close()
        shiboken6.delete(window)


def test_g03_g07_field_sheet_and_contact_cards_printed_from_the_areas_page(qtbot, app, desk, village,
                                                                           monkeypatch):
    monkeypatch.setattr(printing, "PREVIEW", False)
    tab = make_tab(qtbot, desk)
    tab.pages.setCurrentWidget(tab.areas)
    page = tab.areas
    by_name(page, "片区", QTableWidget).selectRow(0)
    qtbot.mouseClick(by_name(page, "打印入户走访记录表"), Qt.MouseButton.LeftButton)
    message = by_name(page, "片区操作结果", QLabel).text()
    assert message.startswith("已生成：") and "入户走访记录表_三组片区" in message
    sheet = pdf_text(message.removeprefix("已生成："))
    assert "入户走访记录表" in sheet and "张三" in sheet and load_center().name in sheet
    qtbot.mouseClick(by_name(page, "打印便民联系卡"), Qt.MouseButton.LeftButton)
    message = by_name(page, "片区操作结果", QLabel).text()
    card = pdf_text(message.removeprefix("已生成："))
    assert "便民联系卡" in card and "赵委员" in card and "13900000002" in card


def answer_row(view: QTableWidget, row: int, *texts: str) -> None:
    for column, text in enumerate(texts, 2):
        view.setItem(row, column, QTableWidgetItem(text))


def test_g06_spot_check_drawn_answered_scored_and_published(qtbot, app, desk, village, monkeypatch):
    monkeypatch.setattr(printing, "PREVIEW", False)
    tab = make_tab(qtbot, desk)
    tab.pages.setCurrentWidget(tab.spot_checks)
    page = tab.spot_checks
    qtbot.mouseClick(by_name(page, "打印结果公示"), Qt.MouseButton.LeftButton)
    assert by_name(page, "抽查结果", QLabel).text() == "本月还没有评分结果"
    qtbot.mouseClick(by_name(page, "抽取本月抽查户"), Qt.MouseButton.LeftButton)
    assert by_name(page, "抽查结果", QLabel).text().startswith("已抽取1名干部的抽查户")
    [check] = checks(month_key(desk.today()))
    qtbot.mouseClick(by_name(page, "打印抽查表"), Qt.MouseButton.LeftButton)
    quiz = pdf_text(by_name(page, "抽查结果", QLabel).text().removeprefix("已生成："))
    assert "包片知晓率抽查表" in quiz and "张三" not in quiz  # no answers on the sheet
    view = by_name(page, "抽查回答", QTableWidget)
    assert [view.item(r, 0).text() for r in range(view.rowCount())] == ["H0001", "H0002"]
    answer_row(view, 0, "张三", "1", "低保户", "未走访")
    answer_row(view, 1, "李四", "1", "", "2026-13-01")
    qtbot.mouseClick(by_name(page, "保存评分"), Qt.MouseButton.LeftButton)
    assert "第2行" in by_name(page, "评分结果", QLabel).text()  # a date that does not exist
    answer_row(view, 1, "李五", "1", "", "")
    qtbot.mouseClick(by_name(page, "保存评分"), Qt.MouseButton.LeftButton)
    assert "请填写抽查人" in page.fields["checker"].error_text
    type_text(qtbot, by_name(page, "抽查人", QLineEdit), "周干事")
    qtbot.mouseClick(by_name(page, "保存评分"), Qt.MouseButton.LeftButton)
    assert by_name(page, "评分结果", QLabel).text() == "已评分：赵委员 知晓率88%（曝光台）"
    assert view.item(1, 6).text() == "答对3/4"
    table = by_name(page, "本月抽查", QTableWidget)
    assert [table.item(0, c).text() for c in range(5)] == ["赵委员", "2", "周干事", "88%", "曝光台"]
    qtbot.mouseClick(by_name(page, "打印结果公示"), Qt.MouseButton.LeftButton)
    notice = pdf_text(by_name(page, "抽查结果", QLabel).text().removeprefix("已生成："))
    assert "包片知晓率抽查结果公示" in notice and "曝光台：赵委员" in notice
    assert check.seed > 0


def test_g06_a_wrong_draw_is_voided_with_a_reason_and_drawn_again(qtbot, app, desk, village):
    from dutydesk.ui.grid.diary_page import StepDialog
    from tests.ui.helpers import when_modal

    tab = make_tab(qtbot, desk)
    tab.pages.setCurrentWidget(tab.spot_checks)
    page = tab.spot_checks
    qtbot.mouseClick(by_name(page, "抽取本月抽查户"), Qt.MouseButton.LeftButton)
    [first] = checks(month_key(desk.today()))
    qtbot.mouseClick(by_name(page, "抽取本月抽查户"), Qt.MouseButton.LeftButton)
    assert by_name(page, "抽查结果", QLabel).text() == "2026年11月已抽取过，每月抽查一次"

    def give_reason(dialog):
        type_text(qtbot, by_name(dialog, "作废原因"), "抽错了月份")
        by_name(dialog, "确定").click()

    when_modal(give_reason, kind=StepDialog)
    by_name(page, "作废所选抽查").click()
    assert by_name(page, "抽查结果", QLabel).text() == "已作废：赵委员本月的抽查，可重新抽取"
    assert by_name(page, "本月抽查", QTableWidget).rowCount() == 0
    qtbot.mouseClick(by_name(page, "抽取本月抽查户"), Qt.MouseButton.LeftButton)
    [again] = checks(month_key(desk.today()))
    assert again.id != first.id and type(first).get_by_id(first.id).void_reason == "抽错了月份"


def test_g06_spot_check_settings_with_the_seeds_target(qtbot, app, desk):
    from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

    from dutydesk.ui.grid.settings_dialog import GridSettingsDialog

    dialog = GridSettingsDialog(desk)
    qtbot.addWidget(dialog)
    size = by_name(dialog, "每月抽查每名干部的户数", QSpinBox)
    assert size.value() == 3
    assert by_name(dialog, "包片知晓率要求（1 即 100%）", QDoubleSpinBox).value() == 1.0
    assert by_name(dialog, "“最近走访日期”相差几天内算答对", QSpinBox).value() == 7
    size.setValue(0)
    assert not dialog.save()
    assert dialog.fields["grid.spot_check_households"].error_text == "每名干部至少抽查1户"
