"""Render the user guide's 档案查询 picture (resources/screenshots/archive_search.png) with demo data.

Run by hand after changing that screen:  python -m tests.ui.help_screenshots resources/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.ui.shot_screen import use_desk_screen

use_desk_screen()  # before Qt starts: a desk-sized screen, not offscreen's 800×800


def main(out: Path, query: str = "低保") -> None:
    from dutydesk.app import make_app
    from dutydesk.commands.demo import fill_demo_folder
    from dutydesk.domain.clock import FixedClock
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.ui.main_window import MainWindow
    from dutydesk.ui.prefs import UiPrefs
    from dutydesk.ui.startup import open_for_gui
    from dutydesk.ui.tabs import TABS
    from dutydesk.ui.theme import apply_theme
    from tests.conftest import DEFAULT_NOW

    app = make_app()
    apply_theme(app)
    folder = DataFolder(Path(tempfile.mkdtemp()) / "demo")
    clock = FixedClock(DEFAULT_NOW.replace(hour=10, minute=12))
    fill_demo_folder(folder, seed=2026, days=60, scale=0.5, clock=clock)
    opened = open_for_gui(folder, clock)
    assert opened is not None
    from dutydesk.store.accounts.account import Account

    opened.desk.account = Account.get(Account.name == "李文书")  # an operator: numbers masked as users see them
    window = MainWindow(opened.desk, UiPrefs(folder.ui_settings_path))
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentIndex([spec.title for spec in TABS].index("档案查询"))
    tab = window.tabs.currentWidget()
    tab.query_edit.setText(query)
    tab.run_search()
    for _ in range(10):
        app.processEvents()
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "archive_search.png"))
    print(out / "archive_search.png")
    window.close()
    opened.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
