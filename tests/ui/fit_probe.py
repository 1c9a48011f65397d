"""Open the main window, every tab and sub-page and every registered dialog on the screen this
process was started with, and report each button that is off the screen or cut off.

Qt picks its platform (and so the screen) when the QApplication is created, so
tests/ui/test_screen_fit.py runs this module in a subprocess per screen:

    QT_QPA_PLATFORM=offscreen:configfile=screen.json QT_SCALE_FACTOR=1.5 \\
        python -m tests.ui.fit_probe DEMO_FOLDER report.json [--strict] [--font large] [--shots DIR]

``--strict`` (the 1366×728 desk laptop): every visible button lies fully inside its window and
the screen without scrolling. Otherwise (1024×728): a button may need scrolling, but none lies
off the screen. Buttons inside lists and tables (cell widgets) scroll with their rows either way,
as do the entries of a list that grows (``screen_fit.scrolling``, e.g. the ledgers' tick boxes):
there the list itself must be on the screen. A page or a whole dialog that scrolls is no list.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TAB_SLUGS = {"今日值班": "duty", "来访登记": "visits", "一次性告知": "notices", "档案查询": "archive"}


def _settle(app) -> None:
    for _ in range(4):
        app.processEvents()


def _describe(widget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return text or widget.accessibleName() or widget.toolTip() or type(widget).__name__


def button_problems(window, strict: bool) -> list[str]:
    """What is wrong with the visible buttons of ``window`` (empty when all is well)."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QAbstractScrollArea

    from dutydesk.ui.screen_fit import ListScroll, available_area

    problems: list[str] = []
    screen = available_area(window)
    if window.devicePixelRatio() != int(window.devicePixelRatio()):
        # a fractional scale rounds a maximised window to a logical pixel more than the screen
        screen = screen.adjusted(-1, -1, 1, 1)
    frame = window.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"窗口 {frame.getRect()} 超出屏幕 {screen.getRect()}")
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible() or button.window() is not window:
            continue
        name = _describe(button)
        rect = QRect(QPoint(0, 0), button.size())
        widget = button
        in_item_view = False
        while widget is not window and widget.parentWidget() is not None:
            parent = widget.parentWidget()
            rect = rect.translated(widget.pos())
            holder = parent.parentWidget()
            is_viewport = isinstance(holder, QAbstractScrollArea) and holder.viewport() is parent
            if not parent.rect().contains(rect):
                if is_viewport and isinstance(holder, (QAbstractItemView, ListScroll)):
                    in_item_view = True
                elif is_viewport and not strict:
                    pass  # reachable by scrolling: what must be on screen is the scroll area
                else:
                    where = holder if is_viewport else parent
                    problems.append(f"按钮“{name}”被“{_describe(where)}”遮住一部分"
                                    f"（{rect.getRect()} 不在 {parent.rect().getRect()} 内）")
                    break
                rect = rect.intersected(parent.rect())
                if rect.isEmpty():
                    rect = QRect(parent.rect().topLeft(), button.size()).intersected(parent.rect())
            widget = parent
        else:
            top_left = window.mapToGlobal(rect.topLeft())
            on_screen = QRect(top_left, rect.size())
            if not screen.contains(on_screen) and not in_item_view:
                problems.append(f"按钮“{name}”在屏幕外（{on_screen.getRect()}）")
    return problems


def _checklist_rows(window) -> int:
    """How many material rows (of the usual height) the 一次性告知 checklist has room for."""
    from dutydesk.store.notices import catalogue
    from dutydesk.ui.notices.tab import NoticeTab

    tab = window.findChildren(NoticeTab)[0]
    window.show_tab("一次性告知")
    tab.show_page(tab.checklist)
    versions = catalogue.current_versions()
    longest = max(versions, key=lambda v: len(v.item.materials))
    tab.checklist.set_version(longest)
    from PySide6.QtWidgets import QApplication

    _settle(QApplication.instance())
    table = tab.checklist.table
    return table.viewport().height() // table.verticalHeader().defaultSectionSize()


def _checklist_stacked(window) -> bool:
    """Whether the checklist shows the item and the materials one above the other (narrow)."""
    from PySide6.QtCore import Qt

    from dutydesk.ui.notices.tab import NoticeTab

    tab = window.findChildren(NoticeTab)[0]
    group = tab.checklist.table.parentWidget()
    return group.parentWidget().orientation() == Qt.Orientation.Vertical


def probe(folder: Path, strict: bool, font: str, shots: Path | None) -> dict:
    from PySide6.QtWidgets import QTabWidget

    from dutydesk.app import make_app
    from dutydesk.desk import open_desk
    from dutydesk.domain.clock import FixedClock
    from dutydesk.store.accounts.account import Account
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.ui.main_window import MainWindow
    from dutydesk.ui.prefs import UiPrefs
    from dutydesk.ui.screen_fit import available_area
    from dutydesk.ui.theme import apply_theme
    from tests.conftest import DEFAULT_NOW
    from tests.ui.dialog_registry import DIALOGS

    app = make_app()
    apply_theme(app, font)
    data = DataFolder(folder)
    desk = open_desk(data, FixedClock(DEFAULT_NOW.replace(hour=10, minute=12)))
    desk.account = Account.get(Account.name == "管理员")
    window = MainWindow(desk, UiPrefs(data.ui_settings_path))
    window.show()
    _settle(app)
    area = available_area(window)
    size = f"{area.width()}x{area.height()}"
    report: dict = {"screen": [area.width(), area.height()], "maximised": window.isMaximized(),
                    "window": list(window.frameGeometry().getRect()), "problems": [], "pages": [],
                    "dialogs": []}

    def check(where: str, widget) -> None:
        _settle(app)
        report["problems"] += [f"{where}：{p}" for p in button_problems(widget, strict)]

    seen: set = set()

    def walk(where: str, root, shot: str) -> None:
        """Check the page, then every page of every tab widget inside it (sub-pages)."""
        check(where, window)
        report["pages"].append(where)
        if shots is not None:
            window.grab().save(str(shots / f"fit_{size}_{shot}.png"))
        for inner in root.findChildren(QTabWidget):
            if inner in seen or not inner.isVisible():
                continue
            seen.add(inner)
            for sub in range(1, inner.count()):
                inner.setCurrentIndex(sub)
                _settle(app)
                walk(f"{where} → {inner.tabText(sub)}", inner.widget(sub), f"{shot}_{sub + 1}")
            inner.setCurrentIndex(0)
            _settle(app)

    for index in range(window.tabs.count()):
        title = window.tabs.tabText(index)
        window.tabs.setCurrentIndex(index)
        _settle(app)
        walk(title, window.tabs.widget(index), f"{index + 1}_{TAB_SLUGS.get(title, index)}")
    report["checklist_rows"] = _checklist_rows(window)
    report["checklist_stacked"] = _checklist_stacked(window)
    check("一次性告知 → 告知与受理（已选事项）", window)
    if shots is not None:
        window.grab().save(str(shots / f"fit_{size}_3_checklist.png"))

    for spec in DIALOGS:
        dialog = spec.build(desk, window)
        dialog.show()
        _settle(app)
        check(f"对话框 {spec.name}", dialog)
        for tabs in dialog.findChildren(QTabWidget):  # a dialog's other tabs must fit as well
            if not tabs.isVisible():
                continue
            for sub in range(1, tabs.count()):
                tabs.setCurrentIndex(sub)
                check(f"对话框 {spec.name} → {tabs.tabText(sub)}", dialog)
            tabs.setCurrentIndex(0)
        report["dialogs"].append(spec.name)
        dialog.close()
        dialog.deleteLater()
        _settle(app)
    window.close()
    desk.close()
    return report


def make_demo(folder: Path) -> None:
    """A small demo data set (a month of visits, cases, roster) for the probe to open."""
    from dutydesk.commands.demo import fill_demo_folder
    from dutydesk.domain.clock import FixedClock
    from dutydesk.store.datafolder import DataFolder
    from tests.conftest import DEFAULT_NOW

    fill_demo_folder(DataFolder(folder), seed=2026, days=30, scale=0.3,
                     clock=FixedClock(DEFAULT_NOW.replace(hour=10, minute=12)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("report", type=Path)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--font", default="normal")
    parser.add_argument("--shots", type=Path)
    args = parser.parse_args(argv)
    if args.shots is not None:
        args.shots.mkdir(parents=True, exist_ok=True)
    report = probe(args.folder, args.strict, args.font, args.shots)
    args.report.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
