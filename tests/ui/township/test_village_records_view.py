"""Issue 16 point 6 on screen: 查看村级记录 opens a village's month read-only from 报送情况 or 汇总
(double click, Enter, or the button and F3), masked as on the desk, with nothing editable."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTableView, QTableWidget

from dutydesk.domain.personal_numbers import digits_of
from dutydesk.township.village_month import APPROVED, NOT_SUBMITTED, VillageMonth
from dutydesk.ui.township.village_records_dialog import VillageRecordsDialog
from dutydesk.ui.township.window import TownshipWindow
from tests.plain_text import offending
from tests.township.demo_villages import TOWNSHIP
from tests.township.test_village_records import RAW, unmasked_month
from tests.ui.helpers import activate, by_name, when_modal

TODAY = dt.date(2026, 12, 6)


def hand_made(period: str) -> list[VillageMonth]:
    if period != "2026-11":
        return []
    month = unmasked_month()
    return [VillageMonth(month.code, month.name, period, month.tables, month.tally, APPROVED),
            VillageMonth("350425100202", "青石村", period, {}, (), NOT_SUBMITTED)]


@pytest.fixture
def window(app, qtbot):
    win = TownshipWindow(hand_made, TOWNSHIP, TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def shown(dialog: VillageRecordsDialog) -> list[str]:
    """Every text the dialog's pages show, read through the views' models."""
    texts = [dialog.windowTitle(), by_name(dialog, "村级记录标题").text(), by_name(dialog, "村级记录说明").text()]
    pages = by_name(dialog, "村级记录页签")
    texts += [pages.tabText(i) for i in range(pages.count())]
    for view in dialog.findChildren(QTableView):
        model = view.model()
        texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        texts += [model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())]
    return [str(t) for t in texts]


def opened_by(action) -> list:
    """Run ``action`` and return what the dialog that opens shows (title, its 来访登记 rows)."""
    seen = []

    def read(dialog):
        seen.append((dialog.windowTitle(), dialog.view("来访登记").model().rowCount(), shown(dialog)))
        dialog.accept()

    when_modal(read, kind=VillageRecordsDialog)
    action()
    return seen


def cell_rect(view: QAbstractItemView, row: int, column: int):
    index = view.model().index(row, column)
    view.scrollTo(index)
    return view.visualRect(index).center()


def test_double_click_on_a_month_in_the_submissions_grid_opens_that_villages_records(window, qtbot):
    activate(qtbot, window)
    grid = by_name(window, "报送情况表", QTableWidget)
    row = next(r for r in range(grid.rowCount()) if grid.item(r, 0).text() == "桃源村")
    where = cell_rect(grid, row, grid.columnCount() - 1)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=where)
    seen = opened_by(lambda: qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=where))
    assert len(seen) == 1
    title, visits, texts = seen[0]
    assert title == "村级记录 — 桃源村 2026年11月" and visits == 5
    assert texts[1] == "桃源村　2026年11月　已审核" and "不能修改" in texts[2]


def test_enter_on_a_village_in_the_summary_opens_its_records(window, qtbot):
    window.tabs.setCurrentIndex(1)
    table = by_name(window, "各村汇总表", QTableWidget)
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "桃源村")
    table.setCurrentCell(row, 2)
    table.setFocus()
    seen = opened_by(lambda: qtbot.keyClick(table, Qt.Key.Key_Return))
    assert [s[:2] for s in seen] == [("村级记录 — 桃源村 2026年11月", 5)]


def test_the_button_and_f3_open_the_selected_month_and_say_when_nothing_is_chosen(window, qtbot, monkeypatch):
    activate(qtbot, window)
    by_name(window, "查看村级记录", QPushButton).click()
    assert by_name(window, "查看村级记录提示").text() == "请先在表中选中一个村（社区）的月份，再查看村级记录。"
    grid = by_name(window, "报送情况表", QTableWidget)
    grid.setCurrentCell(next(r for r in range(grid.rowCount()) if grid.item(r, 0).text() == "桃源村"), 0)
    seen = opened_by(lambda: qtbot.keyClick(window, Qt.Key.Key_F3))
    assert [s[:2] for s in seen] == [("村级记录 — 桃源村 2026年11月", 5)]
    assert by_name(window, "查看村级记录提示").text() == ""
    window.tabs.setCurrentIndex(1)
    table = by_name(window, "各村汇总表", QTableWidget)
    table.setCurrentCell(table.rowCount() - 1, 0)  # the township's totals: no village
    by_name(window, "查看村级记录", QPushButton).click()
    assert by_name(window, "查看村级记录提示").text().startswith("请先在表中选中")
    table.setCurrentCell(next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "青石村"), 0)
    opened = []
    monkeypatch.setattr(VillageRecordsDialog, "exec", lambda dialog: opened.append(dialog))
    by_name(window, "查看村级记录", QPushButton).click()
    assert opened == []
    assert by_name(window, "查看村级记录提示").text() == "所选村（社区）该月未报送数据包，没有可查看的记录。"
    table.setCurrentCell(next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "桃源村"), 3)
    by_name(window, "查看村级记录", QPushButton).click()
    assert [d.month.name for d in opened] == ["桃源村"] and by_name(window, "查看村级记录提示").text() == ""


def test_v09_the_view_masks_every_number_and_shows_no_code(app, qtbot):
    """V09: an unmasked hand-off still shows masked; every code reads in Chinese."""
    dialog = VillageRecordsDialog(hand_made("2026-11")[0])
    qtbot.addWidget(dialog)
    texts = shown(dialog)
    for number in RAW:
        assert not any(digits_of(number) in digits_of(t) for t in texts), number
    assert offending(texts) == []
    pages = by_name(dialog, "村级记录页签")
    assert [pages.tabText(i) for i in range(pages.count())] == [
        "来访登记（5）", "跟进与反馈（3）", "代办（1）", "代办环节（2）", "值班（1）", "考勤统计（1）", "入户走访（1）"]


def test_nothing_in_the_view_can_be_edited(app, qtbot):
    dialog = VillageRecordsDialog(hand_made("2026-11")[0])
    qtbot.addWidget(dialog)
    dialog.show()
    for view in dialog.findChildren(QTableView):
        model = view.model()
        index = model.index(0, 0)
        before = index.data()
        assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
        assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert model.setData(index, "改过", Qt.ItemDataRole.EditRole) is False
        view.setCurrentIndex(index)
        view.edit(index)
        qtbot.keyClick(view, Qt.Key.Key_F2)
        qtbot.keyClicks(view, "x")
        assert view.indexWidget(index) is None and index.data() == before
        assert not model.insertRows(0, 1, QModelIndex()) and not model.removeRows(0, 1, QModelIndex())
        assert model.rowCount() > 0


def test_a_month_not_handed_in_says_so(app, qtbot):
    dialog = VillageRecordsDialog(hand_made("2026-11")[1])
    qtbot.addWidget(dialog)
    assert by_name(dialog, "村级记录说明").text() == "该月未报送数据包，没有可查看的记录。"
    assert dialog.view("来访登记").model().rowCount() == 0


def test_g03_the_summary_tab_shows_each_villages_visit_task_rate(app, qtbot):
    """G03: 走访任务完成率 per village on screen; empty for a village whose bundle carries no quota."""
    quota = [{"staff_id": 1, "name": "张建国", "required": 10, "done": 8, "status": "behind"},
             {"staff_id": 2, "name": "李秀英", "required": 10, "done": 12, "status": "ok"}]

    def months(period: str) -> list[VillageMonth]:
        if period != "2026-11":
            return []
        return [VillageMonth("350425100201", "桃源村", period, {"visit": [], "visit_quota": quota}, ()),
                VillageMonth("350425100202", "青石村", period, {"visit": []}, ())]

    win = TownshipWindow(months, TOWNSHIP, TODAY)
    qtbot.addWidget(win)
    table = by_name(win, "各村汇总表", QTableWidget)
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    column = headers.index("走访任务完成率")
    rates = {table.item(r, 0).text(): table.item(r, column).text() for r in range(table.rowCount())}
    assert rates == {"桃源村": "90.0%", "青石村": "", "全镇合计": "90.0%"}
