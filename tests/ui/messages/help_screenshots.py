"""Render the user guide's 留言预约 pictures (resources/screenshots/messages_*.png) with demo data.

Run by hand after changing that screen:  python -m tests.ui.messages.help_screenshots resources/screenshots
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
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.ui.main_window import MainWindow
    from dutydesk.ui.prefs import UiPrefs
    from dutydesk.ui.startup import open_for_gui
    from dutydesk.ui.theme import apply_theme
    from tests.conftest import DEFAULT_NOW

    app = make_app()
    apply_theme(app)
    folder = DataFolder(Path(tempfile.mkdtemp()) / "demo")
    clock = FixedClock(DEFAULT_NOW.replace(hour=8, minute=40))
    fill_demo_folder(folder, seed=2026, days=20, scale=0.2, clock=clock)
    opened = open_for_gui(folder, clock)
    assert opened is not None
    from dutydesk.store.accounts.account import Account

    opened.desk.account = Account.get(Account.name == "李文书")  # an operator: numbers masked as users see them
    from dutydesk.store.calendar_days import enter_day

    enter_day(dt.date(2027, 1, 1), False, "元旦", "演示", opened.desk.now())  # no calendar warning in the shot
    window = MainWindow(opened.desk, UiPrefs(folder.ui_settings_path))
    window.resize(1366, 768)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    window.show_tab("留言预约")
    tab = window.tabs.currentWidget()
    for name, page in (("messages_tab", tab.messages), ("messages_letters", tab.letters)):
        tab.pages.setCurrentWidget(page)
        for _ in range(10):
            app.processEvents()
        window.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")
    window.show_tab("来访登记")
    for _ in range(10):
        app.processEvents()
    window.grab().save(str(out / "messages_appointments_visits.png"))
    print(out / "messages_appointments_visits.png")
    window.close()
    opened.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
