"""The stall probe (issue 17): no gap over 100 ms between ticks of a 10 ms timer while the desk is
used as at the front desk:

- the tabs built in idle time right after the window shows;
- switching through every tab and sub-page (twice: first opening, then already built);
- firing every refresh timer (今日值班 30 s, status bar 60 s);
- typing a phone number and a name in 来访登记's 查找群众 key by key;
- searching the archive (档案查询) for two terms and scrolling the results to their end;
- scrolling the register (来访记录) to its end;
- running 导出到U盘 to a temporary folder with its worker thread.

The worst gap is reported per action. Default (CI smoke): small demo books, one ledger for the
hand-off and a few pages of scrolling, so the normal suite stays quick; nothing is asserted on a
busy CI box. ``DUTYDESK_BENCH_SCALE=full``: ten years of a busy center (the demo generator at 3650
days, scale 3; ≈250,000 visits), or the folder in ``DUTYDESK_BENCH_STALL_DIR`` (e.g. the 1M-visit
benchmark books); every ledger in both formats (``DUTYDESK_BENCH_LEDGERS=duty,attendance`` chooses
fewer); the full run asserts the 100 ms goal. The gaps are reported even when an action fails.

Run: ``DUTYDESK_BENCH_SCALE=full DUTYDESK_BENCH_STALL_DIR=/tmp/stall-bench nice -n 5
python -m pytest -s tests/benchmarks/test_stall_benchmark.py``
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTabWidget, QWidget

from dutydesk.app import SWITCH_INTERVAL_S
from dutydesk.commands.demo import fill_demo_folder
from dutydesk.desk import open_desk
from dutydesk.reports.ledgers import LEDGERS
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.visits.residents import Resident, ResidentPhone
from dutydesk.ui import lazy_tabs
from dutydesk.ui.ledger_export import PREF_FORMATS, PREF_LEDGERS, HandoffDialog
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.page_loader import wait_for_loads
from dutydesk.ui.prefs import UiPrefs
from tests.ui.helpers import by_name, type_text

pytestmark = pytest.mark.benchmark

FULL = os.environ.get("DUTYDESK_BENCH_SCALE", "small") == "full"
DAYS, SCALE = (3650, 3.0) if FULL else (30, 0.3)
TARGET_MS = 100.0
TICK_MS = 10
SCROLL_PAGES = 10_000 if FULL else 3  # pages of 200 rows: "to the end" at full size
HANDOFF_TIMEOUT_S = 600 if FULL else 120
ARCHIVE_TERMS = ("低保",)  # with a resident's name found in the books: two searches


class StallProbe:
    """A 10 ms timer noting the longest wait between its ticks, and what was going on then."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst: dict[str, float] = {}
        self.doing = ""

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self.last) * 1000
        self.last = now
        self.worst[self.doing] = max(self.worst.get(self.doing, 0.0), gap)

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def during(self, what: str, action: Callable[[], object], settle_ms: int = 150) -> None:
        """Run ``action`` as ``what``, then let deferred work (idle building, slices) run."""
        self.doing = what
        self.last = time.perf_counter()  # a gap is charged to the action that caused it
        action()
        self.settle(settle_ms)

    def until(self, what: str, done: Callable[[], bool], timeout_s: float) -> bool:
        """Keep the event loop turning as ``what`` until ``done()`` (work in a worker thread)."""
        self.doing = what
        deadline = time.perf_counter() + timeout_s
        while not done():
            if time.perf_counter() > deadline:
                return False
            QApplication.processEvents()
            time.sleep(0.002)
        self.settle(150)
        return True

    def settle(self, ms: int) -> None:
        deadline = time.perf_counter() + ms / 1000
        while time.perf_counter() < deadline:
            QApplication.processEvents()
            time.sleep(0.002)


def _tab(window: MainWindow, title: str) -> QWidget:
    tabs = window.tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    tabs.setCurrentIndex(index)
    return tabs.widget(index)


def _walk(probe: StallProbe, window: MainWindow) -> None:
    tabs = window.tabs
    for index in range(tabs.count()):
        title = tabs.tabText(index)
        probe.during(title, lambda i=index: tabs.setCurrentIndex(i))
        page = tabs.widget(index)
        for inner in page.findChildren(QTabWidget):
            for sub in range(inner.count()):
                probe.during(f"{title}/{inner.tabText(sub)}", lambda t=inner, s=sub: t.setCurrentIndex(s))
    tabs.setCurrentIndex(0)
    for timer in window.findChildren(QTimer):
        if timer.interval() >= 30_000:  # the periodic refreshes
            probe.during(f"定时刷新 {timer.interval() // 1000} 秒", timer.timeout.emit)


def _someone() -> tuple[str, str]:
    """A phone number and a name the books know (demo data), to type as a clerk would."""
    row = (ResidentPhone.select(ResidentPhone.phone, Resident.name).join(Resident)
           .where(Resident.voided_at.is_null()).order_by(ResidentPhone.id).tuples().first())
    assert row is not None, "the books hold no resident with a phone"
    return row[0], row[1]


def _type_lookup(probe: StallProbe, qtbot, window: MainWindow, phone: str, name: str) -> None:
    page = _tab(window, "来访登记")
    edit = by_name(page, "查找群众", QLineEdit)
    for what, text in (("查找群众：逐键输入电话", phone), ("查找群众：逐字输入姓名", name)):
        edit.clear()
        for ch in text:  # one key (one IME commit for a Chinese character) at a time
            probe.during(what, lambda ch=ch: type_text(qtbot, edit, ch), settle_ms=30)
        assert by_name(page, "匹配群众").isVisible(), f"{text} found nobody"
    edit.clear()


def _scroll_to_end(probe: StallProbe, what: str, view: QAbstractItemView) -> int:
    """Scroll ``view`` down page by page as far as its lazy model goes; the rows reached."""
    model = view.model()
    for _page in range(SCROLL_PAGES):
        if not model.canFetchMore(QModelIndex()):
            break
        before = model.rowCount()
        probe.during(what, view.scrollToBottom, settle_ms=20)
        if model.rowCount() == before:
            probe.during(what, lambda: model.fetchMore(QModelIndex()), settle_ms=20)
    probe.during(what, view.scrollToBottom)
    return model.rowCount()


def _search_archive(probe: StallProbe, window: MainWindow, name: str) -> dict[str, int]:
    page = _tab(window, "档案查询")
    edit = by_name(page, "检索词", QLineEdit)
    view = by_name(page, "检索结果", QAbstractItemView)
    reached = {}
    for term in (*ARCHIVE_TERMS, name):
        edit.setText(term)
        probe.during(f"档案查询：检索「{term}」", edit.returnPressed.emit)
        reached[term] = _scroll_to_end(probe, "档案查询：检索结果滚动到底", view)
    return reached


def _scroll_register(probe: StallProbe, window: MainWindow) -> int:
    page = _tab(window, "来访登记")
    return _scroll_to_end(probe, "来访登记：来访记录滚动到底", by_name(page, "来访记录", QAbstractItemView))


def _hand_off(probe: StallProbe, window: MainWindow, desk, prefs: UiPrefs, target: Path) -> str:
    """导出到U盘 to ``target`` with its worker thread, as the clerk starts it from the menu."""
    chosen = os.environ.get("DUTYDESK_BENCH_LEDGERS")  # e.g. "duty,attendance" on the 1M-visit books
    prefs.set(PREF_LEDGERS, chosen or ",".join(LEDGERS if FULL else ["visits"]))
    prefs.set(PREF_FORMATS, "xlsx,pdf" if FULL else "xlsx")
    target.mkdir(parents=True, exist_ok=True)
    dialog = HandoffDialog(desk, prefs, window, drives=[])
    dialog.target.setText(str(target))
    dialog.show()
    probe.during("导出到U盘", dialog.start, settle_ms=0)
    finished = probe.until("导出到U盘", lambda: not dialog.busy, HANDOFF_TIMEOUT_S)
    message = dialog.message.text()
    dialog.close()
    assert finished, "the hand-off did not finish"
    assert dialog.result is not None, message
    return message


def _compiled() -> None:
    """Compile the desk's modules as an installed desk has them: a checkout run with
    PYTHONDONTWRITEBYTECODE would compile each module when a page first imports it, and the
    probe would measure the compiler instead of the page."""
    import compileall

    import dutydesk

    compileall.compile_dir(Path(dutydesk.__file__).parent, quiet=1)


def test_no_stall_at_the_desk(app, qtbot, tmp_path, capsys):
    _compiled()
    given = os.environ.get("DUTYDESK_BENCH_STALL_DIR")
    folder = DataFolder(Path(given) if given else tmp_path / "books")
    if not folder.db_path.exists():
        fill_demo_folder(folder, seed=2026, days=DAYS, scale=SCALE)
    desk = open_desk(folder)
    lazy_tabs.build_on_demand(True)
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)  # as the app's own start sets it (``app.make_app``)
    prefs = UiPrefs(tmp_path / "ui.ini")  # never the books' own preferences
    probe = StallProbe()
    reached: dict[str, int] = {}
    rows, handed = 0, "未完成"
    try:
        phone, name = _someone()
        probe.start()
        window = MainWindow(desk, prefs)
        qtbot.addWidget(window)
        # The window's own start (to its first paint) is the start-up benchmark's; the other tabs
        # then build in idle time (``ui.lazy_tabs``) while the clerk may already be typing.
        probe.during("显示主窗口", window.show, settle_ms=lazy_tabs.IDLE_DELAY_MS - 20)
        probe.worst.pop("", None)
        probe.worst.pop("显示主窗口", None)
        probe.start()
        probe.during("启动后空闲时建页", lambda: None, settle_ms=1500)
        _walk(probe, window)
        _walk(probe, window)  # the second time: pages are built, only refreshes remain
        _type_lookup(probe, qtbot, window, phone, name)
        reached = _search_archive(probe, window, name)
        rows = _scroll_register(probe, window)
        handed = _hand_off(probe, window, desk, prefs, tmp_path / "U盘")
    finally:
        wait_for_loads()  # pages still reading in a worker: let them end before the books close
        lazy_tabs.build_on_demand(False)
        sys.setswitchinterval(switch_interval)
        desk.close()
        worst = sorted(probe.worst.items(), key=lambda kv: -kv[1]) or [("", 0.0)]
        with capsys.disabled():  # reported even when an action failed
            size_mb = folder.db_path.stat().st_size / 1_048_576
            print(f"\n停顿探测（{size_mb:,.0f} MB，本机 {os.cpu_count()} 核）：最长间隔 {worst[0][1]:.0f} ms"
                  f"（{worst[0][0]}）")
            print(f"  （档案检索结果滚动到 {'、'.join(f'{t} {n} 条' for t, n in reached.items())}；"
                  f"来访记录滚动到 {rows} 条；{handed[:24]}…）")
            for what, gap in worst:
                print(f"  {what}: {gap:.0f} ms")
    assert {"导出到U盘", "查找群众：逐键输入电话", "档案查询：检索结果滚动到底"} <= set(probe.worst)
    if FULL:
        assert worst[0][1] <= TARGET_MS, worst[:5]
