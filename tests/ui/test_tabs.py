"""Issue 15: every tab, menu action and status item is declared once in ``ui.tabs``; the main window
builds itself from those declarations and hands each handler a ``MenuContext``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import types
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget

import dutydesk
from dutydesk.ui import lazy_tabs, tabs
from dutydesk.ui.extensions import MenuAction, StatusItem, resolve
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.menu_context import MenuContext, context_of
from dutydesk.ui.notices.tab import NoticeTab
from dutydesk.ui.prefs import UiPrefs

UI = Path(dutydesk.__file__).parent / "ui"


def make_window(qtbot, desk) -> MainWindow:
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    return window


def feature_actions(window: MainWindow, menu: str) -> list[str]:
    """The texts of ``menu``'s entries, without the window's own (转到…, 退出, 字号 …)."""
    declared = {a.text for a in tabs.menu_actions() if a.menu == menu}
    return [a.text() for a in window.menus[menu].actions() if a.text() in declared]


def test_the_tab_bar_shows_the_declared_tabs_in_their_order(qtbot, app, desk):
    window = make_window(qtbot, desk)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [spec.title for spec in tabs.TABS]
    assert titles[:4] == ["今日值班", "来访登记", "一次性告知", "档案查询"]
    keys = [spec.key for spec in tabs.TABS]
    assert len(set(keys)) == len(keys) and window.context.keys == tuple(keys)


def test_each_declared_menu_action_is_in_its_menu_once_in_declared_order(qtbot, app, desk):
    window = make_window(qtbot, desk)
    declared = list(tabs.menu_actions())
    assert not [t for t, n in Counter((a.menu, a.text) for a in declared).items() if n > 1]
    for action in declared:
        found = [a for a in window.menus[action.menu].actions() if a.text() == action.text]
        assert len(found) == 1, f"{action.menu} → {action.text}"
        assert found[0].shortcut().toString() == action.shortcut
    for menu in window.menus:
        assert feature_actions(window, menu) == [a.text for a in declared if a.menu == menu]
    assert feature_actions(window, "文件") == ["查找", "新登记来访", "按代办单号打开…", "锁定窗口", "记录留言转告"]


def test_status_items_show_in_declared_order_and_empty_ones_are_left_out(qtbot, app, desk, monkeypatch):
    names = [item.name for item in tabs.status_items()]
    assert names == ["calendar.missing_years", "township.decision", "duty", "visits.followup", "proxy_open"]
    monkeypatch.setattr(tabs, "APP_STATUS_ITEMS", (
        StatusItem("first", lambda d: "甲项"), StatusItem("empty", lambda d: ""), StatusItem("third", lambda d: "丙项"),
    ))
    window = make_window(qtbot, desk)
    assert window.status_label.text().endswith("当前用户：管理员（管理员）　|　甲项　|　丙项")


def test_a_menu_handler_gets_the_windows_context(qtbot, app, desk, monkeypatch):
    got: list[MenuContext] = []
    monkeypatch.setattr(tabs, "APP_MENU_ACTIONS", (*tabs.APP_MENU_ACTIONS, MenuAction("工具", "试用项…", got.append)))
    window = make_window(qtbot, desk)
    next(a for a in window.menus["工具"].actions() if a.text() == "试用项…").trigger()
    assert len(got) == 1 and isinstance(got[0], MenuContext)
    context = got[0]
    assert context is window.context
    assert (context.window, context.desk, context.events, context.prefs) == (window, desk, window.events, window.prefs)


def test_every_lazy_handler_and_status_text_names_a_function():
    """A typo in a ``"module:function"`` reference would show only when the entry is used."""
    references = [a.handler for a in tabs.menu_actions()] + [i.text for i in tabs.status_items()]
    assert all(isinstance(r, str) and ":" in r for r in references)
    assert all(callable(resolve(r)) for r in references)


def test_a_lazy_handler_is_imported_when_triggered_and_gets_the_context(qtbot, app, desk, monkeypatch):
    got: list[MenuContext] = []
    module = types.ModuleType("dutydesk_test_lazy_handler")
    module.handle = got.append
    monkeypatch.setattr(tabs, "APP_MENU_ACTIONS", (MenuAction("工具", "试用项…", "dutydesk_test_lazy_handler:handle"),))
    monkeypatch.setattr(tabs, "APP_STATUS_ITEMS", (StatusItem("lazy", "dutydesk_test_lazy_handler:status"),))
    module.status = lambda d: f"乙项{d.center_name()}"
    monkeypatch.setitem(sys.modules, "dutydesk_test_lazy_handler", module)
    window = make_window(qtbot, desk)
    assert window.status_label.text().endswith("　|　乙项" + desk.center_name())
    next(a for a in window.menus["工具"].actions() if a.text() == "试用项…").trigger()
    assert got == [window.context]


def test_importing_the_declarations_imports_no_tab_and_no_menu_module():
    """Issue 17: ``ui.tabs`` is on the window's start path; what it names is imported when used."""
    code = ("import sys\nimport dutydesk.ui.tabs as t\n"
            "names = {r.partition(':')[0] for r in [a.handler for a in t.menu_actions()]"
            " + [i.text for i in t.status_items()]}\n"
            "print(len(names), sorted(n for n in names if n in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    count, loaded = out.stdout.split(" ", 1)
    assert int(count) >= 10 and loaded.strip() == "[]"


def test_lock_window_locks_through_the_context(qtbot, app, desk):
    window = make_window(qtbot, desk)
    locked: list[bool] = []

    class FakeLock:
        def lock(self) -> None:
            locked.append(True)

    lock_action = next(a for a in window.menus["文件"].actions() if a.text() == "锁定窗口")
    lock_action.trigger()  # no idle lock (a window in a test): nothing happens
    window.context.idle_lock = FakeLock()
    lock_action.trigger()
    assert locked == [True]


def test_the_context_builds_a_tab_on_demand(qtbot, app, desk):
    lazy_tabs.build_on_demand(True)
    try:
        window = make_window(qtbot, desk)
        context = window.context
        index = context.keys.index("notices")
        assert not window.tabs.is_built(index)
        notices = context.tab("notices")
        assert isinstance(notices, NoticeTab) and window.tabs.is_built(index)
        assert window.tabs.currentIndex() == 0  # asking for a tab does not show it
        assert context.open_tab("notices") is notices and window.tabs.currentIndex() == index
        assert context.current_tab_title() == "一次性告知" and context.current_page() is notices
    finally:
        lazy_tabs.build_on_demand(False)
    assert context_of(notices) is context  # a tab reaches the other tabs through the context
    assert context_of(QWidget(notices)) is context
    loose = QWidget()
    assert context_of(loose) is None and context_of(None) is None  # a widget on its own has none
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    assert context_of(dialog) is None  # a window of its own, as before: the widget that opened it has one
    with pytest.raises(ValueError):
        context.tab("无此页")


def test_no_registration_on_import_nor_window_probing_is_left():
    patterns = {
        r"getattr\(window,": "a handler probes the window: use the MenuContext",
        r"findChildren\(NoticeTab": "a handler looks for a tab: use MenuContext.tab(key)",
        r"noqa: F401": "an import for its side effect: declare in ui/tabs.py",
        r"\bMENU_ACTIONS\b": "menu actions are declared in ui/tabs.py",
        r"\bSTATUS_ITEMS\b": "status items are declared in ui/tabs.py",
    }
    found = []
    for path in sorted(UI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for pattern, why in patterns.items():
            if re.search(pattern, text):
                found.append(f"{path.relative_to(UI)}: {pattern} ({why})")
        if re.search(r"already registered|if not any\(.*(?:action|item)", text):
            found.append(f"{path.relative_to(UI)}: a duplicate-registration guard")
    assert found == []
