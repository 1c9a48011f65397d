"""Render the main window's tabs with demo data to PNGs (README and resources/screenshots).

Run by hand after changing a screen:  python -m tests.ui.screenshots resources/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
    clock = FixedClock(DEFAULT_NOW.replace(hour=10, minute=12))
    fill_demo_folder(folder, seed=2026, days=120, scale=1.0, clock=clock)
    opened = open_for_gui(folder, clock)
    assert opened is not None
    window = MainWindow(opened.desk, UiPrefs(folder.ui_settings_path))
    window.resize(1366, 768)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    names = {0: "main_window.png", 1: "tab_visits.png", 2: "tab_notices.png", 3: "tab_archive.png"}
    for index, name in names.items():
        window.tabs.setCurrentIndex(index)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / name))
        print(out / name)
    window.close()
    opened.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots"))
