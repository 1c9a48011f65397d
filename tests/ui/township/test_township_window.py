"""Issue 16 points 3, 5 and 6 on screen: the township's 报送情况 grid and 汇总 table, driven by
accessible names, read as the user reads them."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtWidgets import QPushButton, QTableWidget

from dutydesk.reports.ledgers.registry import Period
from dutydesk.township.village_month import APPROVED, NOT_SUBMITTED, RETURNED, VillageMonth
from dutydesk.ui.theme import DUE_AMBER, OK_GREEN, OVERDUE_RED
from dutydesk.ui.township.window import SUBMISSIONS, SUMMARY, TOWNSHIP_TABS, TownshipWindow
from tests.township.demo_villages import TOWNSHIP, demo_villages, loader, months
from tests.ui.helpers import by_name

TODAY = dt.date(2026, 12, 6)
NOV, OCT = Period.month(2026, 11), Period.month(2026, 10)


def visit(id: int, **kw) -> dict:
    return {"id": id, "received_at": "2026-11-02 09:00:00", "channel": "来访", "category": "求助",
            "outcome": "即办", "status": "fed_back", "deadline": None, "closed_at": None, "satisfaction": "",
            "voided_at": None} | kw


def hand_made(period: str) -> list[VillageMonth]:
    if period != "2026-11":
        return []
    late = [visit(i, outcome="转办", status="in_progress", deadline="2026-11-05") for i in range(1, 4)]
    closed = [visit(9, outcome="转办", status="done", closed_at="2026-11-20 10:00:00", close_reason="联系不上")]
    tally = [{"name": "甲", "absent": 3, "penalty": 300, "joint_liability": 0, "findings": 0, "flag": "诫勉谈话"}]
    return [VillageMonth("350425100201", "桃源村", period, {"visit": late + closed}, tally, APPROVED),
            VillageMonth("350425100202", "青石村", period, {}, (), NOT_SUBMITTED),
            VillageMonth("350425100203", "溪口社区", period, {"visit": [visit(1)]}, (), RETURNED)]


def table_rows(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def headers(table: QTableWidget) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


@pytest.fixture
def window(app, qtbot):
    win = TownshipWindow(hand_made, TOWNSHIP, TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def test_the_window_has_the_townships_two_tabs(window):
    tabs = by_name(window, "镇级页签")
    assert [tabs.tabText(i) for i in range(tabs.count())] == [SUBMISSIONS, SUMMARY]
    assert TOWNSHIP in window.windowTitle()


def test_v03_v04_d14_the_grid_shows_status_in_chinese_with_flags(window):
    grid = by_name(window, "报送情况表", QTableWidget)
    assert headers(grid)[0] == "村（社区）" and headers(grid)[-1] == "2026年11月" and len(headers(grid)) == 7
    page = window.submissions
    assert page.cell("桃源村", NOV).text().split("\n") == [
        "已审核", "超期偏多（3件）", "未反馈即关闭1件", "缺勤3次及以上1人", "诫勉谈话1人"]
    assert page.cell("青石村", NOV).text() == "未报送"
    assert page.cell("溪口社区", NOV).text() == "已退回"
    assert page.cell("桃源村", OCT).text() == "未报送"  # a month the township never received
    colours = {v: page.cell(v, NOV).foreground().color().name().upper() for v in ("桃源村", "青石村", "溪口社区")}
    assert colours == {"桃源村": OK_GREEN, "青石村": OVERDUE_RED, "溪口社区": DUE_AMBER}
    assert by_name(window, "报送小结").text() == "2026年11月：共3个村（社区），已报送2个，未报送1个。"


def test_choosing_another_month_moves_the_grid(window, qtbot):
    by_name(window, "截至月份").setDate(by_name(window, "截至月份").date().addMonths(-1))
    grid = by_name(window, "报送情况表", QTableWidget)
    assert headers(grid)[-1] == "2026年10月"
    assert grid.rowCount() == 0 and by_name(window, "报送小结").text() == "还没有村（社区）报送数据包。"


def test_the_summary_tab_shows_each_village_and_the_total(window):
    table = by_name(window, "各村汇总表", QTableWidget)
    rows = {row[0]: row for row in table_rows(table)}
    assert headers(table)[:3] == ["村（社区）", "报送情况", "受理"]
    assert rows["桃源村"][1:4] == ["已审核", "4", "1"]  # the one closed without feedback
    assert rows["青石村"][1:3] == ["未报送", ""]
    assert rows["全镇合计"][2] == "5"
    keys = {row[0]: row for row in table_rows(by_name(window, "全镇主要指标", QTableWidget))}
    assert keys["受理总数（件）"][1:] == ["5", "0", "+5"]


def test_export_excel_and_pdf_write_the_summary(window, tmp_path):
    chosen = []
    window.summary.choose_path = lambda parent, title, proposed, name_filter: (
        chosen.append(proposed) or str(tmp_path / proposed))
    by_name(window, "导出Excel", QPushButton).click()
    by_name(window, "导出PDF", QPushButton).click()
    assert chosen == [f"{TOWNSHIP}便民服务月度汇总表_2026-11.xlsx", f"{TOWNSHIP}便民服务月度汇总表_2026-11.pdf"]
    assert (tmp_path / chosen[1]).stat().st_size > 0
    texts = [v for row in openpyxl.load_workbook(tmp_path / chosen[0]).worksheets[0].iter_rows(values_only=True)
             for v in row if v]
    assert {"桃源村", "青石村", "溪口社区", "全镇合计"} <= set(texts)
    assert by_name(window, "导出结果").text().startswith("已导出2026年11月镇级汇总表：")


def test_an_export_that_cannot_be_written_says_why_in_chinese(window, tmp_path):
    (tmp_path / "占用").write_text("一个文件，不是文件夹", encoding="utf-8")
    window.summary.choose_path = lambda *args: str(tmp_path / "占用" / "汇总.xlsx")
    by_name(window, "导出Excel", QPushButton).click()
    message = by_name(window, "导出结果").text()
    assert message.startswith("导出失败：") and "Error" not in message and "Traceback" not in message


def test_v01_the_summary_tab_on_demo_villages_counts_their_books(app, qtbot):
    villages = demo_villages()
    this, _last = months()
    win = TownshipWindow(loader(villages), TOWNSHIP, this.end + dt.timedelta(days=5))
    qtbot.addWidget(win)
    rows = {row[0]: row for row in table_rows(by_name(win, "各村汇总表", QTableWidget))}
    for village in villages:
        assert rows[village.name][1:3] == ["已报送", str(village.visits_in_books(this))]


def test_every_township_tab_has_its_guide_page():
    from dutydesk.ui.help.guide_pages import page_for_tab, page_images

    for title in TOWNSHIP_TABS:
        page = page_for_tab(title)
        assert page.title == title and page.name.startswith("township_")
        assert all(image.is_file() for image in page_images(page))


def test_the_township_window_opens_maximised_on_a_desk_pc_screen(qtbot, app):
    """Issue 13 holds for the township's window too: on screens up to 1440 wide it takes the
    whole screen, like the desk's main window; elsewhere its size is clamped to the screen."""
    from dutydesk.ui import screen_fit

    window = TownshipWindow(lambda period: [], TOWNSHIP, dt.date(2026, 12, 6))
    qtbot.addWidget(window)
    window.show()
    assert screen_fit.available_area(window).width() <= screen_fit.MAXIMISE_UP_TO
    assert window.isMaximized()


def test_both_tabs_read_the_villages_months_off_the_gui_thread_once_the_app_runs(qtbot, app):
    """Twelve months of forty villages take seconds to read and sum: once the app runs for the
    clerk (``build_on_demand``), 报送情况 and 汇总 read them in a worker and show them when done."""
    import threading

    from dutydesk.ui.lazy_tabs import build_on_demand

    threads = set()

    def slow_loader(period: str) -> list[VillageMonth]:
        threads.add(threading.current_thread() is threading.main_thread())
        return []

    build_on_demand(True)
    window = TownshipWindow(slow_loader, TOWNSHIP, dt.date(2026, 12, 6))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: by_name(window, "报送小结").text() != "" and window.summary.summary is not None,
                    timeout=10000)
    assert threads == {False}, "read in worker threads only"
    assert by_name(window, "报送小结").text() == "还没有村（社区）报送数据包。"
