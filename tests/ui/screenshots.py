"""Render the README's main window, the 今日值班 tab and a printed roster board with demo data.

Run by hand after changing these screens:  python -m tests.ui.screenshots resources/screenshots
(The 来访登记 shots need their own data set: ``python -m tests.ui.visit_screenshots``.)
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from tests.ui.shot_screen import use_desk_screen

use_desk_screen()  # before Qt starts: a desk-sized screen, not offscreen's 800×800


def main(out: Path) -> None:
    from dutydesk.app import make_app
    from dutydesk.commands.demo import fill_demo_folder
    from dutydesk.domain.clock import FixedClock
    from dutydesk.reports.pdf_raster import save_png
    from dutydesk.reports.roster_board import board_data, write_board_pdf
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.ui.main_window import MainWindow
    from dutydesk.ui.prefs import UiPrefs
    from dutydesk.ui.startup import open_for_gui
    from dutydesk.ui.theme import apply_theme
    from tests.conftest import DEFAULT_NOW

    app = make_app()
    apply_theme(app)
    folder = DataFolder(Path(tempfile.mkdtemp()) / "demo")
    clock = FixedClock(DEFAULT_NOW.replace(hour=10, minute=12))
    fill_demo_folder(folder, seed=2026, days=120, scale=1.0, clock=clock)
    opened = open_for_gui(folder, clock)
    assert opened is not None
    from dutydesk.store.accounts.account import Account

    opened.desk.account = Account.get(Account.name == "李文书")  # an operator: numbers masked as users see them
    window = MainWindow(opened.desk, UiPrefs(folder.ui_settings_path))
    window.show()
    window.tabs.setCurrentIndex(0)
    out.mkdir(parents=True, exist_ok=True)
    for name, height in (("main_window.png", 768), ("duty_today.png", 900)):
        window.resize(1366, height)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / name))
        print(out / name)
    today = clock.today()
    monday = today - dt.timedelta(days=today.weekday())
    data = board_data(monday, monday + dt.timedelta(days=13), opened.desk.calendar(), clock.now())
    pdf = write_board_pdf(data, Path(tempfile.mkdtemp()) / "board.pdf")
    save_png(pdf, out / "duty_roster_board.png", dpi=90)
    print(out / "duty_roster_board.png")
    window.close()
    opened.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
