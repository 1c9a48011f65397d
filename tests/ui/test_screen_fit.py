"""Every window fits the desk PC (issue 13): the main window, every tab and sub-page and every
dialog on a 1366×728 and a 1024×728 screen, at 100 %, 125 % and 150 % scaling and larger fonts.

Qt chooses its screen when the QApplication is created, so each screen runs
``tests/ui/fit_probe.py`` in a subprocess with an offscreen platform configured to that screen
(the config keys are those qoffscreenintegration.cpp reads: name, x, y, width, height,
logicalDpi, logicalBaseDpi, dpr). A scaled screen is given in device pixels so that, divided by
QT_SCALE_FACTOR, it offers the same logical area as the desk's (1366×768 less the taskbar).
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

import dutydesk.ui
from dutydesk.ui import screen_fit
from dutydesk.ui.forms import push_button
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from tests.ui.dialog_registry import ABSTRACT, DIALOGS
from tests.ui.helpers import by_name

ROOT = Path(__file__).resolve().parents[2]


def dialog_classes() -> set[str]:
    """``module.Class`` (relative to dutydesk.ui) of every QDialog subclass defined in dutydesk/ui."""
    found = set()
    for info in pkgutil.walk_packages(dutydesk.ui.__path__, "dutydesk.ui."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == info.name:
                found.add(f"{info.name.removeprefix('dutydesk.ui.')}.{name}")
    return found


def test_every_dialog_class_is_registered():
    """A new dialog must be added to tests/ui/dialog_registry.py, or the screen check misses it."""
    registered = {spec.name for spec in DIALOGS} | ABSTRACT
    found = dialog_classes()
    missing = found - registered
    assert not missing, f"add these dialogs to tests/ui/dialog_registry.py: {sorted(missing)}"
    stale = registered - found - {"duty.printing.QPrintPreviewDialog"}  # Qt's own, as the roster uses it
    assert not stale, f"renamed or removed, update tests/ui/dialog_registry.py: {sorted(stale)}"


# -- in process: the helpers, on the default offscreen screen ------------------------------------
def test_an_oversized_dialog_is_clamped_to_the_screen_when_shown(qtbot, app):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(5000, 4000)
    dialog.move(-300, 2000)
    dialog.show()
    area = screen_fit.available_area(dialog)
    assert area.contains(dialog.frameGeometry())


def test_a_dialog_that_cannot_shrink_gets_its_contents_scrolled(qtbot, app):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    tall = QWidget()
    area = screen_fit.available_area(dialog)
    tall.setMinimumSize(200, area.height() + 400)
    layout.addWidget(tall)
    layout.addWidget(push_button("确定"))
    dialog.show()
    assert area.contains(dialog.frameGeometry())
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None and scroll.isVisible()
    assert by_name(scroll.widget(), "确定", QPushButton)  # still there, reached by scrolling


def test_main_window_opens_maximised_on_a_laptop_screen(qtbot, app, desk):
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    assert screen_fit.available_area(window).width() <= screen_fit.MAXIMISE_UP_TO
    assert window.isMaximized()


def test_main_window_restores_its_geometry_on_a_big_screen_clamped_to_it(qtbot, app, desk, monkeypatch):
    monkeypatch.setattr(screen_fit, "MAXIMISE_UP_TO", 0)
    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    area = screen_fit.available_area(window)
    window.show()
    assert not window.isMaximized() and area.contains(window.frameGeometry())
    window.setGeometry(QRect(area.x() + 10, area.y() + 10, area.width() + 500, area.height() + 500))
    window.close()
    again = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(again)
    again.show()
    assert area.contains(again.frameGeometry())


def test_font_size_change_applies_at_once_to_open_windows(qtbot, app, desk):
    from dutydesk.ui.theme import FONT_SIZES

    window = MainWindow(desk, UiPrefs(desk.folder.ui_settings_path))
    qtbot.addWidget(window)
    window.show()
    label = window.status_label
    assert label.font().pointSize() == FONT_SIZES["normal"]
    window.set_font_size("xlarge")
    assert label.font().pointSize() == FONT_SIZES["xlarge"]
    window.set_font_size("normal")
    assert label.font().pointSize() == FONT_SIZES["normal"]


def test_page_scroll_gives_a_page_its_minimum_height_not_its_preferred_one(qtbot, app):
    """A plain resizable scroll area would give the wrapped text its preferred height and scroll."""
    from PySide6.QtWidgets import QPlainTextEdit

    page = QWidget()
    layout = QVBoxLayout(page)
    text = QLabel("很长的说明文字，" * 60)
    text.setWordWrap(True)
    layout.addWidget(text)
    layout.addWidget(QPlainTextEdit())  # prefers ~190 px, accepts far less
    layout.addWidget(push_button("保存"))
    holder = screen_fit.PageScroll(page)
    qtbot.addWidget(holder)
    least = layout.minimumHeightForWidth(900)
    assert page.heightForWidth(900) > least + 40
    holder.resize(QSize(900, least + 20))
    holder.show()
    qtbot.waitUntil(lambda: page.height() <= holder.viewport().height())
    assert not holder.verticalScrollBar().isVisible()


def _dialog_with_a_long_list(qtbot, holder) -> QDialog:
    """A dialog whose list of tick boxes, in ``holder(content)``, is taller than it shows."""
    from PySide6.QtWidgets import QCheckBox

    content = QWidget()
    rows = QVBoxLayout(content)
    for number in range(30):
        rows.addWidget(QCheckBox(f"台账{number}"))
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    area = holder(content)
    area.setFixedHeight(120)
    layout.addWidget(area)
    layout.addWidget(push_button("导出"))
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_entries_of_a_growing_list_scroll_like_rows_but_a_scrolled_form_is_a_problem(qtbot, app):
    """The fit probe: tick boxes cut off by a ``screen_fit.scrolling`` list are reached by
    scrolling it, by design (like a table's rows); in any other scroll area, strictly, they are not."""
    from tests.ui.fit_probe import button_problems

    def plain(content: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(content)
        return area

    assert button_problems(_dialog_with_a_long_list(qtbot, screen_fit.scrolling), strict=True) == []
    problems = button_problems(_dialog_with_a_long_list(qtbot, plain), strict=True)
    assert problems and all("被“QScrollArea”遮住一部分" in p for p in problems)
    assert button_problems(_dialog_with_a_long_list(qtbot, plain), strict=False) == []  # 1024: may scroll


# -- in a subprocess per screen ----------------------------------------------------------------
SCREENS = [
    # (width, height, scale, font, strict)
    (1366, 728, 1.0, "normal", True),
    (1368, 728, 1.25, "normal", True),  # 1366 × 1.25 is no whole number of device pixels
    (1366, 728, 1.5, "normal", True),
    (1024, 728, 1.0, "normal", False),
    (1024, 728, 1.5, "normal", False),
    (1366, 728, 1.0, "large", True),
    (1366, 728, 1.0, "xlarge", True),  # 特大: forms may scroll above their action bar (page_with_actions)
    (1024, 728, 1.0, "xlarge", False),
]


def run_probe(folder: Path, work: Path, width: int, height: int, scale: float, font: str = "normal",
              strict: bool = False, shots: Path | None = None) -> dict:
    """Open everything on a ``width``×``height`` (logical) screen in a fresh process; its report."""
    work.mkdir(parents=True, exist_ok=True)
    screen = {"name": "desk", "x": 0, "y": 0, "width": round(width * scale), "height": round(height * scale),
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    (work / "screen.json").write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    data = work / "data"
    shutil.copytree(folder, data)
    env = {**os.environ, "QT_SCALE_FACTOR": str(scale), "PYTHONPATH": str(ROOT),
           # relative: Qt splits the platform string on ':' (a drive letter would cut it)
           "QT_QPA_PLATFORM": "offscreen:configfile=screen.json"}
    args = [sys.executable, "-m", "tests.ui.fit_probe", str(data), str(work / "report.json"), "--font", font]
    if strict:
        args.append("--strict")
    if shots is not None:
        args += ["--shots", str(shots)]
    done = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads((work / "report.json").read_text(encoding="utf-8"))


def make_demo(folder: Path) -> None:
    code = ("import sys; from pathlib import Path; from tests.ui.fit_probe import make_demo; "
            "make_demo(Path(sys.argv[1]))")
    done = subprocess.run([sys.executable, "-c", code, str(folder)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fit") / "demo"
    make_demo(folder)
    return folder


@pytest.mark.parametrize(("width", "height", "scale", "font", "strict"), SCREENS,
                         ids=[f"{w}x{h}@{int(s * 100)}%-{f}" for w, h, s, f, _ in SCREENS])
def test_every_button_of_every_page_and_dialog_fits_the_screen(demo_folder, tmp_path, width, height, scale,
                                                               font, strict):
    report = run_probe(demo_folder, tmp_path, width, height, scale, font, strict)
    assert report["screen"] == [width, height]
    assert report["maximised"]
    assert report["dialogs"] == [spec.name for spec in DIALOGS]
    assert {"今日值班 → 排班", "今日值班 → 督查 → 满意度测评", "来访登记", "一次性告知 → 办事指南目录",
            "档案查询"} <= set(report["pages"])
    assert report["problems"] == []
    assert report["checklist_stacked"] == (width < screen_fit.TWO_COLUMNS_FROM)  # one column when narrow
    if strict and font == "normal":
        assert report["checklist_rows"] >= 8  # the materials table of 一次性告知 shows eight rows
