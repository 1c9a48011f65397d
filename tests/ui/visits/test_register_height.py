"""来访登记's register (来访记录) keeps whole rows in view on the desk PC's 1366×728 screen (and a 1024×728
one) while the next year's holiday banner, 今日预约 and 待跟进 crowd the page; 收起 folds 待跟进 to its
title with the counts, and the window never grows past the screen.

Qt chooses its screen when the QApplication is created, so each screen runs
``tests/ui/visits/register_probe.py`` in a subprocess (as tests/ui/test_screen_fit.py does).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QTableView

from dutydesk.store.visits.visit import VisitDraft, register_visit
from dutydesk.ui.visits.followup_panel import FollowupPanel
from dutydesk.ui.visits.register_table import ROWS_IN_VIEW
from dutydesk.ui.visits.tab import VisitsTab
from tests.ui.helpers import by_name

ROOT = Path(__file__).resolve().parents[3]


def run_probe(folder: Path, work: Path, width: int, height: int, font: str) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    screen = {"name": "desk", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    (work / "screen.json").write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    data = work / "data"
    shutil.copytree(folder, data)  # 收起 is remembered in the folder: each screen starts afresh
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen:configfile=screen.json"}
    env.pop("QT_SCALE_FACTOR", None)
    args = [sys.executable, "-m", "tests.ui.visits.register_probe", str(data), str(work / "report.json"),
            "--font", font]
    done = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads((work / "report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("register") / "demo"
    code = ("import sys; from pathlib import Path; from tests.ui.visits.register_probe import make_demo; "
            "make_demo(Path(sys.argv[1]))")
    done = subprocess.run([sys.executable, "-c", code, str(folder)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-3000:]
    return folder


@pytest.mark.parametrize("width", [1366, 1024])
def test_register_shows_five_rows_on_the_desk_screen_under_the_holiday_banner(demo_folder, tmp_path, width):
    report = run_probe(demo_folder, tmp_path, width, 728, "normal")
    assert report["screen"] == [width, 728] and report["maximised"]
    page = report["open"]
    assert "未内置 2027 年法定节假日" in page["banner"]  # the banner is there, on one line
    assert page["banner_lines"] == 1
    assert "超期" in page["followups_title"] and page["loaded"] > ROWS_IN_VIEW
    assert page["rows"] >= ROWS_IN_VIEW
    assert page["table_on_screen"] and page["window_fits"]
    assert page["archive_hint_whole"]  # A02: where last years' closed visits are, said in full
    folded = report["folded"]
    assert folded["followups_title"] == page["followups_title"]  # the counts stay in view
    assert folded["rows"] >= page["rows"] and folded["window_fits"]


@pytest.mark.parametrize(("width", "font", "rows"), [(1366, "large", 4), (1366, "xlarge", 1), (1024, "xlarge", 1)])
def test_register_keeps_rows_at_larger_fonts_and_the_window_stays_on_the_screen(demo_folder, tmp_path, width,
                                                                               font, rows):
    """At 大 and 特大 the taller filters and panels leave fewer rows, but the register's least height
    never makes the window taller than the screen, with 待跟进 open or folded."""
    report = run_probe(demo_folder, tmp_path, width, 728, font)
    for state in (report["open"], report["folded"]):
        assert state["banner"] and state["rows"] >= rows
        assert state["window_fits"] and state["least_window_height"] <= 728
        assert state["table_on_screen"]


# -- in process: folding 待跟进 ----------------------------------------------------------------
def _overdue_visit(desk, clock) -> None:
    register_visit(VisitDraft(channel="来电", category="投诉举报", person_name="孙八", request="路灯不亮",
                              responder_name="李文书", outcome="转办", transfer_to="村委会",
                              transfer_contact="13700000000", deadline_kind="review"),
                   desk.who, desk.now(), desk.calendar())
    clock.set(dt.datetime(2026, 11, 27, 9, 0))  # its deadline was Thu 26 Nov


def test_folding_followups_keeps_the_counts_and_gives_the_register_the_room(qtbot, app, desk, clock):
    _overdue_visit(desk, clock)
    tab = VisitsTab(desk)
    qtbot.addWidget(tab)
    tab.resize(1000, 640)
    tab.show()
    qtbot.waitExposed(tab)
    title = by_name(tab, "待跟进标题", QLabel)
    qtbot.waitUntil(lambda: "超期 1 件" in title.text(), timeout=10_000)
    matters = by_name(tab, "待跟进", QListWidget)
    table = by_name(tab, "来访记录", QTableView)
    before = table.viewport().height()
    by_name(tab, "收起待跟进", QPushButton).click()
    assert not matters.isVisible()
    assert title.isVisible() and "超期 1 件" in title.text()
    assert by_name(tab, "展开待跟进", QPushButton).text() == "展开"
    qtbot.waitUntil(lambda: table.viewport().height() > before)


def test_followups_stay_folded_next_time_and_unfold(qtbot, app, desk):
    first = FollowupPanel(desk)
    qtbot.addWidget(first)
    by_name(first, "收起待跟进", QPushButton).click()
    again = FollowupPanel(desk)
    qtbot.addWidget(again)
    again.show()
    assert again.is_folded() and not by_name(again, "待跟进", QListWidget).isVisible()
    by_name(again, "展开待跟进", QPushButton).click()
    assert by_name(again, "待跟进", QListWidget).isVisible()
    assert by_name(again, "收起待跟进", QPushButton).text() == "收起"
    assert not FollowupPanel(desk).is_folded()
