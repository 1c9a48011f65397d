"""Open the main window on 来访登记 on the screen this process was started with and report how much of
the register (来访记录) the user sees, with 待跟进 open and then folded (收起).

Qt picks its screen when the QApplication is created, so tests/ui/visits/test_register_height.py runs
this module in a subprocess per screen (as tests/ui/fit_probe.py):

    QT_QPA_PLATFORM=offscreen:configfile=screen.json \\
        python -m tests.ui.visits.register_probe DEMO_FOLDER report.json [--font large] [--shots DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The desk's day when the gap was noticed: from 1 December next year's holidays (2027) are missing,
# so the 来访登记 page shows its holiday banner above everything else.
PROBE_NOW = dt.datetime(2026, 12, 6, 10, 12)


def _settle(app) -> None:
    for _ in range(6):
        app.processEvents()


def whole_rows(table) -> int:
    """The register's rows shown whole in its viewport."""
    height = table.viewport().height()
    return sum(1 for row in range(table.model().rowCount())
               if table.rowViewportPosition(row) >= 0
               and table.rowViewportPosition(row) + table.rowHeight(row) <= height)


def _lines(label) -> int:
    """How many lines the word-wrapped ``label`` shows its text on."""
    from PySide6.QtCore import QRect, Qt

    metrics = label.fontMetrics()
    room = QRect(0, 0, label.contentsRect().width(), 10_000)
    used = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), label.text()).height()
    return round(used / metrics.lineSpacing())


def _state(window, page, app) -> dict:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QLabel, QTableView

    from dutydesk.ui.screen_fit import available_area
    from tests.ui.helpers import by_name

    _settle(app)
    table = by_name(page, "来访记录", QTableView)
    banner = by_name(page, "日历提示", QLabel)
    title = by_name(page, "待跟进标题", QLabel)
    hint = by_name(page, "档案提示", QLabel)
    on_screen = QRect(table.mapToGlobal(QPoint(0, 0)), table.size())
    return {
        "rows": whole_rows(table),
        "loaded": table.model().rowCount(),
        "table_on_screen": available_area(window).contains(on_screen),
        "banner": banner.text() if banner.isVisible() else "",
        "banner_lines": _lines(banner),
        "followups_title": title.text() if title.isVisible() else "",
        "window_fits": available_area(window).contains(window.frameGeometry()),
        "least_window_height": window.minimumSizeHint().height(),
        "archive_hint_whole": hint.isVisible() and hint.width() >= hint.sizeHint().width(),
    }


def probe(folder: Path, font: str, shots: Path | None) -> dict:
    from PySide6.QtWidgets import QPushButton

    from dutydesk.app import make_app
    from dutydesk.desk import open_desk
    from dutydesk.domain.clock import FixedClock
    from dutydesk.store.accounts.account import Account
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.ui.main_window import MainWindow
    from dutydesk.ui.prefs import UiPrefs
    from dutydesk.ui.screen_fit import available_area
    from dutydesk.ui.theme import apply_theme
    from tests.ui.helpers import by_name

    app = make_app()
    apply_theme(app, font)
    data = DataFolder(folder)
    desk = open_desk(data, FixedClock(PROBE_NOW))
    desk.account = Account.get(Account.name == "李文书")
    window = MainWindow(desk, UiPrefs(data.ui_settings_path))
    window.show()
    _settle(app)
    window.show_tab("来访登记")
    page = window.tabs.currentWidget()
    page.staged.complete()
    area = available_area(window)
    report: dict = {"screen": [area.width(), area.height()], "maximised": window.isMaximized(),
                    "open": _state(window, page, app)}
    if shots is not None:
        window.grab().save(str(shots / f"register_{area.width()}_{font}_open.png"))
    by_name(page, "收起待跟进", QPushButton).click()
    report["folded"] = _state(window, page, app)
    if shots is not None:
        window.grab().save(str(shots / f"register_{area.width()}_{font}_folded.png"))
    window.close()
    desk.close()
    return report


def make_demo(folder: Path) -> None:
    """A month of demo books ending on PROBE_NOW (visits, bookings that day, matters to follow up)."""
    from dutydesk.commands.demo import fill_demo_folder
    from dutydesk.domain.clock import FixedClock
    from dutydesk.store.datafolder import DataFolder

    fill_demo_folder(DataFolder(folder), seed=2026, days=30, scale=0.3, clock=FixedClock(PROBE_NOW))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("report", type=Path)
    parser.add_argument("--font", default="normal")
    parser.add_argument("--shots", type=Path)
    args = parser.parse_args(argv)
    if args.shots is not None:
        args.shots.mkdir(parents=True, exist_ok=True)
    report = probe(args.folder, args.font, args.shots)
    args.report.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
