"""Render the README's 会议学习 and 上传下达 pages and the 会议学习考勤表 with demo data.

Run by hand after changing these screens:  python -m tests.ui.meeting_screenshots resources/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.ui.shot_screen import use_desk_screen

use_desk_screen()  # before Qt starts: a desk-sized screen, not offscreen's 800×800


def main(out: Path) -> None:
    from dutydesk.app import make_app
    from dutydesk.commands.demo import fill_demo_folder
    from dutydesk.domain.clock import FixedClock
    from dutydesk.reports.ledger import write_ledger
    from dutydesk.reports.ledgers import LEDGERS, Period
    from dutydesk.reports.pdf_raster import save_png
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
    fill_demo_folder(folder, seed=2026, days=60, scale=0.3, clock=clock)
    opened = open_for_gui(folder, clock)
    assert opened is not None
    from dutydesk.store.accounts.account import Account

    opened.desk.account = Account.get(Account.name == "李文书")  # an operator: numbers masked as users see them
    window = MainWindow(opened.desk, UiPrefs(folder.ui_settings_path))
    window.show()
    window.tabs.setCurrentIndex(0)
    duty = window.tabs.currentWidget()
    out.mkdir(parents=True, exist_ok=True)
    window.resize(1366, 900)
    for title, name in (("会议学习", "duty_meetings.png"), ("上传下达", "duty_relay.png")):
        duty.show_page(title)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / name))
        print(out / name)
    pdf = Path(tempfile.mkdtemp()) / "meetings.pdf"
    write_ledger(LEDGERS["meetings"].make(opened.desk, Period.month(2026, 11)), pdf, "pdf")
    save_png(pdf, out / "ledger_meetings.png", dpi=90)
    print(out / "ledger_meetings.png")
    window.close()
    opened.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
