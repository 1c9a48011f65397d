"""The 今日 page built frame first at the app's start (issue 17): the first paint shows the heading
and today's roster; the 签到/签退 box, the handover and the whereabouts board follow in the next
turns of the event loop and then show and work exactly as the page built at once (D05, D09)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QPushButton, QTableWidget, QWidget

from dutydesk.store.duty.attendance import sign_in, sign_out
from dutydesk.store.duty.whereabouts import set_whereabouts
from dutydesk.ui import lazy_tabs
from dutydesk.ui.duty.tab import DutyTab
from dutydesk.ui.duty.today import TodayPage
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from tests.duty_helpers import make_staff, put_on
from tests.ui.helpers import activate, by_name, type_text

DAY = dt.date(2026, 11, 24)


def at(h: int, m: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(h, m))



@pytest.fixture
def busy_day(desk, clock):
    """Two on duty this morning, one of them signed in, yesterday's handover not yet taken over and
    someone out on a home visit."""
    s = make_staff(desk)
    yesterday = at(17) - dt.timedelta(days=1)
    put_on(desk, yesterday.date(), "pm", s["钱村官"])
    sign_in(s["钱村官"], "测试", yesterday - dt.timedelta(hours=4))
    sign_out(s["钱村官"], "三组路灯报修，待回复", "", "测试", yesterday)
    put_on(desk, DAY, "am", s["王委员"])
    put_on(desk, DAY, "pm", s["赵文书"])
    clock.set(at(8, 5))
    sign_in(s["王委员"], "测试", at(8, 5))
    set_whereabouts(s["孙干部"], "下村入户", "三组，11点回", "测试", at(8, 10))
    clock.set(at(8, 30))
    return s


def today_of(window: MainWindow) -> TodayPage:
    return window.tabs.widget(0).today


def what_it_shows(page: TodayPage) -> dict[str, object]:
    """Every text, table cell, list entry and button state a person sees on the page."""
    seen: dict[str, object] = {}
    for w in page.findChildren(QWidget):
        if not w.isVisibleTo(page):
            continue
        key = f"{type(w).__name__}:{w.accessibleName() or ''}"
        if isinstance(w, QTableWidget):
            value: object = [[w.item(r, c).text() if w.item(r, c) else "" for c in range(w.columnCount())]
                             for r in range(w.rowCount())]
        elif isinstance(w, QComboBox):
            value = ([w.itemText(i) for i in range(w.count())], w.currentText())
        elif isinstance(w, QPushButton):
            value = (w.text(), w.isEnabled(), w.shortcut().toString())
        elif isinstance(w, QLabel):
            value = (w.text(), w.toolTip())
        else:
            continue
        seen.setdefault(key, []).append(value)
    return seen


class FirstPaint(QObject):
    """Records where the heading and the roster are, and what the page holds, when it first paints."""

    def __init__(self, page: TodayPage) -> None:
        super().__init__(page)
        self.page = page
        self.at: tuple[QRect, QRect] | None = None
        self.complete_then: bool | None = None
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at = (QRect(self.page.heading.geometry()), QRect(self.page.sessions.geometry()))
            self.complete_then = self.page.is_complete()
        return False


def test_d05_d09_first_paint_shows_the_roster_and_every_part_follows_as_if_built_at_once(
        qtbot, app, desk, busy_day, staged):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    page = today_of(window)
    painted = FirstPaint(page)
    # What the first paint shows: the heading and the roster, filled; the boxes' frames hold the room.
    assert not page.is_complete()
    assert "当班：王委员" in page.heading.text()
    assert [page.sessions.item(r, 2).text() for r in range(page.sessions.rowCount())] == ["王委员", "赵文书"]
    assert page.sessions.item(0, 5).text() == "已签到"
    assert [b.title() for b in (page.sign_box, page.hand_box, page.board_box)] == \
        ["签到 / 签退", "交接班", "人员去向公示"]
    assert page.findChildren(QPushButton) == [] and page.findChildren(QPlainTextEdit) == []
    with qtbot.waitSignal(page.completed, timeout=10_000):
        window.show()
    assert painted.complete_then is False  # painted before the first part was built
    qtbot.wait(50)  # the parts' widgets show in the turn after they were added
    assert painted.at == (page.heading.geometry(), page.sessions.geometry())  # the roster did not move

    lazy_tabs.build_on_demand(False)
    eager = DutyTab(desk)
    qtbot.addWidget(eager)
    assert eager.today.is_complete()
    staged_view, eager_view = what_it_shows(page), what_it_shows(eager.today)
    assert staged_view == eager_view
    assert ("钱村官" in by_name(page, "待接班记录", QLabel).text()
            and by_name(page, "确认接班", QPushButton).isEnabled())
    board = by_name(page, "人员去向", QTableWidget)
    rows = {board.item(r, 0).text(): board.item(r, 4).text() for r in range(board.rowCount())}
    assert rows["孙干部"] == "下村入户" and rows["王委员"] == "在岗" and rows["赵文书"] == "—"


def test_d05_f5_and_f6_sign_in_and_out_once_the_staged_page_is_built(qtbot, app, desk, clock, busy_day, staged):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    page = today_of(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(page.is_complete, timeout=10_000)
    # The other tabs are built in idle time after it; one may take the window's activation meanwhile.
    qtbot.waitUntil(lambda: window.entries_ready() and all(map(window.tabs.is_built, range(4))), timeout=30_000)
    activate(qtbot, window)
    clock.set(at(13, 20))
    page.refresh()
    combo = by_name(page, "值班人员", QComboBox)
    combo.setCurrentIndex(combo.findText("赵文书"))
    message = by_name(page, "签到结果", QLabel)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # a button's shortcut clicks it a moment later
    qtbot.waitUntil(lambda: "赵文书 13:20 签到成功" in message.text())
    clock.set(at(17, 30))
    qtbot.keyClick(window, Qt.Key.Key_F6)  # no handover note yet: asked for, nothing written
    qtbot.waitUntil(lambda: "请填写交接事项" in page.note_field.error.text())
    type_text(qtbot, page.note, "无")
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: "赵文书 17:30 签退，交接记录已保存" in message.text())


def test_a_staged_page_not_shown_builds_its_parts_all_the_same(qtbot, app, desk, busy_day, staged):
    tab = DutyTab(desk)  # built in idle time behind another tab: it never paints
    qtbot.addWidget(tab)
    page = tab.today
    page.refresh()  # a refresh before the parts are there re-reads the roster only
    assert not page.is_complete()
    with qtbot.waitSignal(page.completed, timeout=10_000):
        pass
    assert by_name(page, "签到", QPushButton).isEnabled()
    assert by_name(page, "人员去向", QTableWidget).rowCount() == len(busy_day)


def test_the_roster_colours_its_status_by_the_foreground_role():
    """Issue 17: the 今日 page names Qt's foreground role by its number (naming it would load Qt's
    namespace before the first paint); the number is Qt's."""
    from PySide6.QtCore import Qt

    from dutydesk.ui.duty.today import FOREGROUND_ROLE, _item

    assert Qt.ItemDataRole.ForegroundRole.value == FOREGROUND_ROLE
    assert _item("已签到", "#2E7D32").foreground().color().name() == "#2e7d32"


QT_FIRST = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
import PySide6.QtCore as qc
from PySide6.QtWidgets import QApplication, QPushButton
app = QApplication([])
from dutydesk.desk import open_desk
from dutydesk.store.datafolder import DataFolder
from dutydesk.ui import lazy_tabs
from dutydesk.ui.duty.today import TodayPage
desk = open_desk(DataFolder(Path(sys.argv[1])))
lazy_tabs.build_on_demand(True)
page = TodayPage(desk)
seen = ["Qt" in qc.__dict__]
page.steps.step()
seen += ["Qt" in qc.__dict__, len(page.findChildren(QPushButton))]
page.steps.step()
seen.append(len(page.findChildren(QPushButton)) > 0)
page.complete()
print(*seen)
from dutydesk.ui.page_loader import wait_for_loads
wait_for_loads()  # the page's lists read in workers: done before the books close
desk.close()
"""


def test_qts_namespace_loads_in_a_turn_of_its_own_after_the_first_paint(desk):
    """Issue 17: the first part built after the first paint (签到 / 签退) was the first to name Qt's
    namespace, whose 93 Python enums take ~19 ms: they now load in a turn of their own before it."""
    import os
    import subprocess
    import sys

    desk.close()  # the child opens the books
    out = subprocess.run([sys.executable, "-c", QT_FIRST, str(desk.folder.path)], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["False", "True", "0", "True"]  # none before, then alone, then the buttons
