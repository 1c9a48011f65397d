"""Issue 16 points 3, 4, 5 and 7 in the township window on real township books: 导入数据包 (what
each bundle is, fingerprints and gaps confirmed, imported off the GUI thread), 退回 (a reason
required) / 审核通过 on 报送情况, 写出下发数据包; ``dutydesk --township`` opens it, a desk folder
and a township folder are never taken for each other. Driven by accessible names."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QMessageBox, QPushButton, QTableWidget

from dutydesk.cli import main
from dutydesk.domain.clock import FixedClock
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.store.datafolder import DataFolder
from dutydesk.township.importing import import_bundles
from dutydesk.township.package import find_package, read_package
from dutydesk.township.township_books import dated_flags, village_months
from dutydesk.township.township_folder import init_township
from dutydesk.ui.page_loader import wait_for_loads
from dutydesk.ui.township.bundle_import_dialog import BundleImportDialog
from dutydesk.ui.township.township_app import launch_township
from dutydesk.ui.township.window import TownshipWindow
from tests.township.books.conftest import VILLAGES, A, engine, hand_offs  # noqa: F401 (fixtures)
from tests.ui.helpers import activate, by_name, type_text, when_modal

DECEMBER = "2026年12月"


@pytest.fixture
def books(tmp_path, hand_offs, engine):  # noqa: F811
    """The township's books on SQLite and on PostgreSQL (the import runs in a worker thread)."""
    township = init_township(DataFolder(tmp_path / "T"), "桃源镇", "350425100000", engine,
                             FixedClock(dt.datetime(2027, 1, 5, 10, 0)))
    yield township
    township.close()


def open_window(qtbot, books) -> TownshipWindow:
    window = TownshipWindow(village_months, "桃源镇", books.today(), dated_flags, books=books)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def window(app, qtbot, books):
    return open_window(qtbot, books)


@pytest.fixture
def imported(app, qtbot, books, hand_offs):  # noqa: F811
    import_bundles(books, [hand_offs.root / "stick"], lambda _question: True)
    return open_window(qtbot, books)


def cell_text(window, name: str, month: str = DECEMBER) -> str:
    return window.submissions.cell(name, _period(month)).text()


def _period(text: str):
    from dutydesk.reports.ledgers.registry import Period

    return Period.month(int(text[:4]), int(text[5:7]))


def select(window, name: str, month: str = DECEMBER) -> None:
    grid = by_name(window, "报送情况表", QTableWidget)
    item = window.submissions.cell(name, _period(month))
    grid.setCurrentItem(item)


def test_import_shows_each_bundle_and_the_fingerprints_then_imports(window, qtbot, hand_offs):  # noqa: F811
    seen: dict[str, object] = {}

    def check_and_import(dialog):
        table = by_name(dialog, "数据包列表", QTableWidget)
        seen["rows"] = table.rowCount()
        seen["villages"] = {table.item(r, 0).text() for r in range(table.rowCount())}
        seen["questions"] = by_name(dialog, "须核对的事项").text()
        by_name(dialog, "确认已核对", QCheckBox).setChecked(True)
        by_name(dialog, "导入", QPushButton).click()

    def result(box):
        seen["result"] = box.text()
        box.accept()

    window.township_actions.choose_in = lambda parent: [hand_offs.root / "stick"]
    when_modal(check_and_import, kind=BundleImportDialog)
    when_modal(result, kind=QMessageBox, timeout_ms=60000)
    outcomes = window.township_actions.import_bundles()
    assert seen["rows"] == 9 and seen["villages"] == set(VILLAGES.values())
    assert "密钥指纹" in seen["questions"] and "Traceback" not in seen["result"]
    assert seen["result"].count("已导入：") == 9 and len(outcomes) == 9
    assert all(cell_text(window, name).startswith("已报送") for name in VILLAGES.values())


def test_fingerprints_not_ticked_import_nothing_and_say_so(window, books, hand_offs):  # noqa: F811
    seen = {}
    window.township_actions.choose_in = lambda parent: [hand_offs.root / "stick"]
    when_modal(lambda d: by_name(d, "导入", QPushButton).click(), kind=BundleImportDialog)
    when_modal(lambda box: (seen.setdefault("result", box.text()), box.accept()), kind=QMessageBox,
               timeout_ms=60000)
    window.township_actions.import_bundles()
    assert "未确认，未导入" in seen["result"] and "已导入：" not in seen["result"]
    assert village_months("2026-12") == []


def test_a_folder_without_bundles_is_said_in_chinese(window, tmp_path):
    seen = {}
    window.township_actions.choose_in = lambda parent: [tmp_path]
    when_modal(lambda box: (seen.setdefault("text", box.text()), box.accept()), kind=QMessageBox)
    assert window.township_actions.import_bundles() is None
    assert "没有找到数据包" in seen["text"]


def test_approve_and_return_the_selected_village_month(imported, qtbot):
    window = imported
    name = VILLAGES[A]
    by_name(window, "审核通过", QPushButton).click()
    assert by_name(window, "审核消息").text() == "请先在报送情况表中选中某村某月"
    select(window, name, "2026年08月")  # a month the village never handed in
    by_name(window, "审核通过", QPushButton).click()
    assert by_name(window, "审核消息").text() == f"{name}尚未报送2026-08的数据，不能退回或审核"
    select(window, name)
    by_name(window, "审核通过", QPushButton).click()
    assert cell_text(window, name).startswith("已审核")
    assert by_name(window, "审核消息").text() == f"{name} 2026-12：已审核"

    seen = {}

    def give_reason(dialog):
        by_name(dialog, "确定", QPushButton).click()  # no reason: refused beside the field
        seen["error"] = dialog.isVisible() and [label.text() for label in dialog.findChildren(QLabel)]
        type_text(qtbot, by_name(dialog, "退回原因"), "考勤表缺签字")
        by_name(dialog, "确定", QPushButton).click()

    select(window, name)
    when_modal(give_reason)
    by_name(window, "退回…", QPushButton).click()
    assert seen["error"] and any("须写明原因" in text for text in seen["error"])
    assert cell_text(window, name).startswith("已退回")


def test_write_package_carries_the_decisions(imported, tmp_path):
    window = imported
    select(window, VILLAGES[A])
    by_name(window, "审核通过", QPushButton).click()
    (tmp_path / "U盘").mkdir()
    window.township_actions.choose_out = lambda parent: str(tmp_path / "U盘")
    window.township_actions.package_action.trigger()
    assert by_name(window, "数据包消息").text().startswith("已写出下发数据包：")
    package = read_package(find_package(tmp_path / "U盘"))
    assert [(d.village_code, d.decision) for d in package.decisions] == [(A, "approved")]
    window.township_actions.choose_out = lambda parent: str(tmp_path / "不存在")
    window.township_actions.package_action.trigger()
    assert by_name(window, "数据包消息").text().startswith("写出失败：导出文件夹不存在")


def test_the_shortcuts_are_visible_and_work(imported, qtbot):
    window = imported
    actions = window.township_actions
    assert (actions.import_action.shortcut().toString(), actions.package_action.shortcut().toString()) == (
        "Ctrl+I", "Ctrl+P")
    assert by_name(window, "导入数据包", QPushButton).text() == "导入数据包（Ctrl+I）"
    assert by_name(window, "写出下发数据包", QPushButton).text() == "写出下发数据包（Ctrl+P）"
    called = []
    actions.choose_in = lambda parent: called.append("import") or []
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert called == ["import"]


def test_f1_opens_the_townships_guide_on_the_tab_shown(imported, qtbot):
    window = imported
    window.tabs.setCurrentIndex(1)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.guide
    contents = by_name(guide, "目录")
    assert [contents.item(i).text() for i in range(contents.count())] == ["报送情况", "汇总"]
    assert guide.current_page().name == "township_summary.html"
    shortcuts = by_name(guide, "快捷键一览", QTableWidget)
    assert {shortcuts.item(r, 0).text(): shortcuts.item(r, 1).text() for r in range(shortcuts.rowCount())} == {
        "F1": "使用说明", "F3": "查看村级记录", "Ctrl+I": "导入数据包", "Ctrl+P": "写出下发数据包"}
    guide.close()


def test_dutydesk_township_opens_the_window_and_asks_the_password(app, qtbot, books):
    books.close()
    folder = books.folder
    window, opened = launch_township(folder)
    qtbot.addWidget(window)
    assert "桃源镇" in window.windowTitle() and window.township_actions is not None
    wait_for_loads()  # the pages' reads end before the books close
    opened.close()

    from dutydesk.township.township_folder import open_township

    init_books = open_township(folder)
    set_password(Account.get(Account.name == "管理员"), "pass-word-1", "管理员", init_books.now())
    init_books.close()
    when_modal(lambda d: (type_text(qtbot, by_name(d, "密码"), "pass-word-1"), by_name(d, "登录", QPushButton).click()))
    window, reopened = launch_township(folder)
    qtbot.addWidget(window)
    assert reopened.who == "管理员"
    wait_for_loads()
    reopened.close()


def test_a_desk_folder_is_not_opened_as_a_township_nor_the_other_way(app, qtbot, books, tmp_path, capsys):
    books.close()
    code = main(["check", "--data-dir", str(books.folder.path)])
    err = capsys.readouterr().err
    assert code == 1 and "镇级数据文件夹" in err and "dutydesk --township" in err
    assert not (books.folder.path / "dutydesk.sqlite3").exists()

    from dutydesk.app import launch

    seen = []
    when_modal(lambda box: (seen.append(box.text()), box.accept()), kind=QMessageBox)
    assert launch(books.folder) is None and "镇级数据文件夹" in seen[0]
    assert not (books.folder.path / "dutydesk.sqlite3").exists()

    seen.clear()
    when_modal(lambda box: (seen.append(box.text()), box.accept()), kind=QMessageBox)
    assert launch_township(DataFolder(tmp_path / "空")) is None and "这不是镇级数据文件夹" in seen[0]

    from dutydesk.desk import open_desk

    desk_folder = DataFolder(tmp_path / "村数据")
    open_desk(desk_folder).close()
    seen.clear()
    when_modal(lambda box: (seen.append(box.text()), box.accept()), kind=QMessageBox)
    assert launch_township(desk_folder) is None and "这是村（社区）值班台的数据文件夹" in seen[0]
    assert not (desk_folder.path / "township.json").exists()
    code = main(["township", "status", "--month", "2026-11", "--data-dir", str(desk_folder.path)])
    assert code == 1 and "这是村（社区）值班台的数据文件夹" in capsys.readouterr().err


def test_the_window_opens_on_either_engine(app, qtbot, tmp_path, engine, hand_offs):  # noqa: F811
    """The books on PostgreSQL: the server named at init is found from the folder, or given again."""
    folder = DataFolder(tmp_path / "镇数据")
    init_township(folder, "桃源镇", "350425100000", engine).close()
    window, books = launch_township(folder, engine)
    qtbot.addWidget(window)
    try:
        assert books.url == (engine or "") and "桃源镇" in window.windowTitle()
        # launched as the clerk starts it: the villages' months are read off the GUI thread
        qtbot.waitUntil(lambda: by_name(window, "报送小结").text() != "", timeout=10000)
        assert by_name(window, "报送小结").text() == "还没有村（社区）报送数据包。"
    finally:
        wait_for_loads()
        books.close()
