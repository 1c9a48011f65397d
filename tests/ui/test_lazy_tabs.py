"""Issue 17: the main window builds only the tab shown before it appears; the others when opened
or in idle time after it shows; nothing the first screen does not need is imported."""

from __future__ import annotations

import sys
from itertools import pairwise

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from dutydesk.ui import lazy_tabs
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from tests.ui.helpers import by_name, printed_by_a_fresh_process


@pytest.fixture(autouse=True)
def on_demand():
    lazy_tabs.build_on_demand(True)
    yield
    lazy_tabs.build_on_demand(False)


def lazy_window(qtbot, desk, show: bool = True) -> MainWindow:
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    if show:
        window.show()
        qtbot.waitExposed(window)
    return window


def test_only_the_tab_shown_is_built_before_the_window_shows(qtbot, app, desk):
    window = lazy_window(qtbot, desk, show=False)
    built = [window.tabs.is_built(i) for i in range(window.tabs.count())]
    assert built == [True] + [False] * (window.tabs.count() - 1)
    assert [window.tabs.tabText(i) for i in range(4)] == ["今日值班", "来访登记", "一次性告知", "档案查询"]


def test_menu_entries_and_status_items_come_right_after_the_window_shows(qtbot, app, desk, monkeypatch):
    monkeypatch.setattr(lazy_tabs, "IDLE_DELAY_MS", 600_000)  # no idle building: registering builds no tab
    window = lazy_window(qtbot, desk, show=False)
    assert list(window.menus) == ["文件", "导出", "工具", "帮助"]  # the menu bar is there: nothing moves later
    assert window.menus["文件"].actions() == [] and not window.entries_ready()
    window.show()
    qtbot.waitUntil(window.entries_ready, timeout=5_000)
    # the unbuilt tabs' menu entries and status items are there all the same
    entries = [a.text() for a in window.menus["文件"].actions()]
    assert "按代办单号打开…" in entries and "退出" in entries
    assert "当前用户" in window.status_label.text()
    assert not window.tabs.is_built(2)


def test_a_status_items_module_is_imported_once_the_window_has_shown(qtbot, app, desk, monkeypatch, tmp_path):
    """The status bar's items are declared lazily in ``ui.tabs``: before the window shows it reads
    the day and the user only, the declared item's module is imported right after it shows."""
    from dutydesk.ui import tabs
    from dutydesk.ui.extensions import StatusItem

    (tmp_path / "dutydesk_test_status_item.py").write_text('def text(desk):\n    return "甲项待办 2 件"\n',
                                                         encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "dutydesk_test_status_item", raising=False)
    monkeypatch.setattr(tabs, "APP_STATUS_ITEMS", (StatusItem("test", "dutydesk_test_status_item:text"),))
    monkeypatch.setattr(lazy_tabs, "IDLE_DELAY_MS", 600_000)
    window = lazy_window(qtbot, desk, show=False)
    assert "当前用户" in window.status_label.text() and "甲项" not in window.status_label.text()
    assert "dutydesk_test_status_item" not in sys.modules
    window.show()
    qtbot.waitUntil(window.entries_ready, timeout=5_000)
    assert window.status_label.text().endswith("　|　甲项待办 2 件")
    assert "dutydesk_test_status_item" in sys.modules


def test_opening_a_tab_builds_it_and_shows_its_pages(qtbot, app, desk):
    window = lazy_window(qtbot, desk)
    window.tabs.setCurrentIndex(2)
    assert window.tabs.is_built(2)
    assert window.tabs.currentIndex() == 2
    assert window.tabs.tabText(2) == "一次性告知"
    assert window.tabs.tabToolTip(2) == "一次性告知（Ctrl+3）"
    pages = by_name(window, "一次性告知页面", QTabWidget)
    assert pages.count() > 0


def test_the_other_tabs_are_built_in_idle_time_after_showing(qtbot, app, desk):
    window = lazy_window(qtbot, desk)
    qtbot.waitUntil(lambda: all(window.tabs.is_built(i) for i in range(window.tabs.count())), timeout=10_000)
    assert window.tabs.currentIndex() == 0
    assert by_name(window, "检索状态") is not None  # the archive tab's widgets exist now


def test_asking_for_a_page_builds_it(qtbot, app, desk):
    window = lazy_window(qtbot, desk, show=False)
    page = window.tabs.widget(3)
    assert window.tabs.is_built(3) and window.tabs.indexOf(page) == 3


def test_starting_imports_no_pinyin_dictionary_nor_printing_libraries():
    code = (
        "import dutydesk.app\n"
        "import dutydesk.ui.tabs\n"
        "heavy = ('pypinyin', 'reportlab', 'PIL', 'pypdfium2', 'openpyxl')\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))\n"
    )
    assert printed_by_a_fresh_process(code) == ""


def test_duty_pages_build_when_first_opened(qtbot, app, desk):
    window = lazy_window(qtbot, desk)
    pages = by_name(window, "值班页面", QTabWidget)
    titles = [pages.tabText(i) for i in range(pages.count())]
    assert titles[0] == "今日" and titles[-1] == "考勤统计" and "排班" in titles
    assert pages.is_built(0) and not pages.is_built(titles.index("排班"))
    pages.setCurrentIndex(titles.index("考勤统计"))
    assert pages.is_built(titles.index("考勤统计"))
    duty = window.tabs.widget(0)
    assert duty.tally is not None and duty.tally.isVisible()


def test_f2_opens_a_new_registration_before_the_visits_tab_was_built(qtbot, app, desk, monkeypatch):
    from PySide6.QtCore import Qt

    from dutydesk.ui.visits.tab import VisitsTab
    from tests.ui.helpers import activate

    monkeypatch.setattr(lazy_tabs, "IDLE_DELAY_MS", 600_000)  # no idle building during the test
    window = lazy_window(qtbot, desk)
    qtbot.waitUntil(window.entries_ready, timeout=5_000)
    assert not window.tabs.is_built(1)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "来访登记"
    assert isinstance(window.tabs.currentWidget(), VisitsTab)


# -- pages built in stages (issue 17 point 2) --------------------------------------------------


def busy(ms: float) -> None:
    import time

    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        pass


def test_a_staged_page_builds_one_part_per_turn_and_timers_tick_between(qtbot, app):
    """The parts wait for the event loop, and a 10 ms timer (the stall probe's) gets its turn
    between two parts: chained ``QTimer.singleShot(0)`` calls would run back to back."""
    from PySide6.QtCore import QTimer

    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[str] = []
    staged = lazy_tabs.StagedBuild()
    staged.add(*[lambda n=n: (busy(25), seen.append(f"part {n}")) for n in range(4)])
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: seen.append("tick"))
    ticker.start()
    staged.start(owner)
    assert seen == [] and staged.pending()  # nothing before the event loop turns
    qtbot.waitUntil(lambda: not staged.pending(), timeout=5_000)
    ticker.stop()
    parts = [i for i, what in enumerate(seen) if what.startswith("part")]
    assert [seen[i] for i in parts] == ["part 0", "part 1", "part 2", "part 3"]
    assert all("tick" in seen[a:b] for a, b in pairwise(parts))


def test_outside_the_app_a_staged_page_is_built_at_once(qtbot, app):
    lazy_tabs.build_on_demand(False)
    seen: list[int] = []
    staged = lazy_tabs.StagedBuild()
    staged.add(lambda: seen.append(2))
    staged.add(lambda: seen.append(1), first=True)  # a part adding its own parts before the rest
    owner = QWidget()
    qtbot.addWidget(owner)
    staged.start(owner)
    assert seen == [1, 2] and not staged.pending()


def test_idle_building_waits_for_the_first_screen(qtbot, app, desk, monkeypatch):
    from dutydesk.ui.duty import today

    monkeypatch.setattr(lazy_tabs, "IDLE_DELAY_MS", 10)
    monkeypatch.setattr(lazy_tabs, "FIRST_SCREEN_WAIT_MS", 600_000)  # only first_screen_done() starts it
    said = []
    monkeypatch.setattr(today, "first_screen_done", lambda: said.append(True))  # held back, noted
    window = lazy_window(qtbot, desk)
    qtbot.waitUntil(lambda: said == [True], timeout=10_000)  # the 今日 page says so once its parts are built
    qtbot.wait(300)
    assert not any(window.tabs.is_built(i) for i in range(1, window.tabs.count()))
    lazy_tabs.first_screen_done()
    qtbot.waitUntil(lambda: all(window.tabs.is_built(i) for i in range(window.tabs.count())), timeout=10_000)
    pages = [window.tabs.widget(i) for i in range(window.tabs.count())]
    assert all(lazy_tabs.staged_build(page) is None for page in pages)  # every part built too


def test_idle_building_starts_after_the_delay_when_the_first_screen_was_done_before(qtbot, app, desk, monkeypatch):
    monkeypatch.setattr(lazy_tabs, "FIRST_SCREEN_WAIT_MS", 600_000)
    lazy_tabs.first_screen_done()  # e.g. a first screen built at once
    window = lazy_window(qtbot, desk)
    qtbot.waitUntil(lambda: all(window.tabs.is_built(i) for i in range(window.tabs.count())), timeout=10_000)


def test_idle_building_starts_anyway_when_nobody_says_the_first_screen_is_done(qtbot, app, desk, monkeypatch):
    monkeypatch.setattr(lazy_tabs, "FIRST_SCREEN_WAIT_MS", 200)
    window = lazy_window(qtbot, desk)
    qtbot.waitUntil(lambda: all(window.tabs.is_built(i) for i in range(window.tabs.count())), timeout=10_000)


def test_opening_a_staged_tab_builds_its_parts_in_the_turns_after(qtbot, app, desk, monkeypatch):
    from dutydesk.ui.visits.tab import VisitsTab

    monkeypatch.setattr(lazy_tabs, "IDLE_DELAY_MS", 600_000)  # no idle building during the test
    window = lazy_window(qtbot, desk)
    window.tabs.setCurrentIndex(1)
    page = super(lazy_tabs.LazyTabWidget, window.tabs).widget(1)  # as the user sees it, not completed
    assert isinstance(page, VisitsTab) and page.form is None  # the frame first
    qtbot.waitUntil(lambda: lazy_tabs.staged_build(page) is None, timeout=10_000)
    assert page.form is not None and by_name(window, "查找群众").isVisible()
    assert by_name(window, "来访记录") is not None


def test_code_asking_for_a_page_gets_it_whole(qtbot, app, desk, monkeypatch):
    monkeypatch.setattr(lazy_tabs, "IDLE_DELAY_MS", 600_000)
    window = lazy_window(qtbot, desk)
    visits = window.context.tab("visits")
    assert lazy_tabs.staged_build(visits) is None and visits.register is not None
    notices = window.context.tab("notices")
    assert lazy_tabs.staged_build(notices) is None and notices.catalogue.list.count() > 0


def test_a_page_in_a_scroll_area_is_built_in_stages_too(qtbot, app):
    """A tab page held in a ``PageScroll`` (今日值班's pages): its parts are found through it."""
    from dutydesk.ui.screen_fit import PageScroll

    inner = QWidget()
    inner.staged = lazy_tabs.StagedBuild()
    built: list[str] = []
    inner.staged.add(lambda: built.append("part"))
    tabs = lazy_tabs.LazyTabWidget()
    qtbot.addWidget(tabs)
    tabs.add_lazy_tab("甲", QWidget)
    tabs.add_lazy_tab("乙", lambda: PageScroll(inner))
    tabs.show()
    tabs.setCurrentIndex(1)
    assert lazy_tabs.staged_build(super(lazy_tabs.LazyTabWidget, tabs).widget(1)) is inner.staged
    qtbot.waitUntil(lambda: built == ["part"], timeout=5_000)


def test_work_after_the_first_screen_runs_once_when_it_is_whole(qtbot, app, monkeypatch):
    """The day's first backup waits for the first screen (issue 17): ``after_first_screen``."""
    monkeypatch.setattr(lazy_tabs, "FIRST_SCREEN_WAIT_MS", 60_000)
    owner = QWidget()
    qtbot.addWidget(owner)
    ran = []
    lazy_tabs.after_first_screen(owner, lambda: ran.append("backup"))
    qtbot.wait(50)
    assert ran == []
    lazy_tabs.first_screen_done()
    lazy_tabs.first_screen_done()
    assert ran == ["backup"]
    lazy_tabs.after_first_screen(owner, lambda: ran.append("later"))  # complete already: at once
    assert ran == ["backup", "later"]


def test_work_after_the_first_screen_runs_after_the_wait_when_nobody_says_so(qtbot, app, monkeypatch):
    monkeypatch.setattr(lazy_tabs, "FIRST_SCREEN_WAIT_MS", 50)
    owner = QWidget()
    qtbot.addWidget(owner)
    ran = []
    lazy_tabs.after_first_screen(owner, lambda: ran.append("backup"))
    qtbot.waitUntil(lambda: ran == ["backup"], timeout=2_000)
    lazy_tabs.first_screen_done()  # said later: not again
    assert ran == ["backup"]


def test_work_after_the_first_screen_is_dropped_with_its_owner(qtbot, app, monkeypatch):
    monkeypatch.setattr(lazy_tabs, "FIRST_SCREEN_WAIT_MS", 50)
    owner = QWidget()
    ran = []
    lazy_tabs.after_first_screen(owner, lambda: ran.append("backup"))
    owner.deleteLater()
    qtbot.wait(200)  # the wait has passed; the owner went before it
    lazy_tabs.first_screen_done()
    assert ran == []


def test_outside_the_app_work_after_the_first_screen_runs_at_once(qtbot, app):
    lazy_tabs.build_on_demand(False)
    owner = QWidget()
    qtbot.addWidget(owner)
    ran = []
    lazy_tabs.after_first_screen(owner, lambda: ran.append("backup"))
    assert ran == ["backup"]


def test_the_status_items_modules_import_no_signing_library():
    """Issue 17: once the window has shown, each status item's module is imported in a turn of its
    own; the township's decision note came with 导入镇（街道）数据包's dialog, the package format and
    the signing library (~27 ms in one turn, the longest of the tabs built in idle time). The
    dialog's module is imported when its menu entry is triggered."""
    code = (
        "from importlib import import_module\n"
        "from dutydesk.ui.extensions import module_of\n"
        "from dutydesk.ui.tabs import status_items\n"
        "for item in status_items():\n"
        "    import_module(module_of(item.text))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'cryptography' or m.startswith('dutydesk.township.')"
        " or m == 'dutydesk.ui.township_package_dialog')[:5])\n"
    )
    assert printed_by_a_fresh_process(code) == "[]"


def test_the_pages_built_in_idle_time_are_set_aside_from_full_collections(qtbot, app, desk):
    """Issue 17: once the idle builder has built every tab and part, what it made lives as long as
    the window; a full collection walked it all with the interpreter lock held (62 ms on the ten-year
    books, landing in the clerk's scrolling of 档案查询). It is set aside from collections once built
    (still freed by reference counting), young garbage collected first."""
    import gc

    gc.unfreeze()
    try:
        window = lazy_window(qtbot, desk)
        archive = window.tabs.count() - 1
        qtbot.waitUntil(lambda: all(window.tabs.is_built(i) for i in range(window.tabs.count())), timeout=10_000)
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=10_000)
        pages = [super(lazy_tabs.LazyTabWidget, window.tabs).widget(i) for i in range(window.tabs.count())]
        assert all(lazy_tabs.staged_build(page) is None for page in pages)  # set aside once all was built
        page = pages[archive]
        assert gc.is_tracked(page) and not any(obj is page for obj in gc.get_objects())  # out of collections
    finally:
        gc.unfreeze()
