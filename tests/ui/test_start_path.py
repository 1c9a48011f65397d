"""Issue 17: what the window's first paint does not need stays off the start path.

A fresh process starts as ``app.launch`` does (theme, open the books, the main window with
今日值班, shown) and lists the modules loaded when the window has shown; the rest comes when it
is used: the first run's dialog and the center's signing keys (cryptography), the restore
prompts, the other tabs and the duty tab's other pages, the ledgers, the window's own menu
modules (built just after the window shows)."""

from __future__ import annotations

import os
import subprocess
import sys

START = """
import os, sys
from pathlib import Path
from dutydesk.app import make_app
from dutydesk.store.datafolder import DataFolder
from dutydesk.ui.lazy_tabs import build_on_demand
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.screen_fit_pause import screen_fit_paused
from dutydesk.ui.startup import open_for_gui
from dutydesk.ui.theme import apply_theme

folder = DataFolder(Path(sys.argv[1]))
app = make_app()
prefs = UiPrefs(folder.ui_settings_path)
apply_theme(app, prefs.font_size)
opened = open_for_gui(folder, features=False)  # as app.launch
build_on_demand()
with screen_fit_paused():  # as app.launch
    window = MainWindow(opened.desk, prefs)
    window.show()
print(" ".join(sorted(sys.modules)))
print(window.tabs.tabText(window.tabs.currentIndex()), window.entries_ready())
from PySide6.QtWidgets import QLabel
matters = [w for w in window.findChildren(QLabel) if w.accessibleName() == "未办结事项"][0]
print(repr(matters.text()))
import time
deadline = time.monotonic() + 60
while ("正在读取" in matters.text() or not window.entries_ready()) and time.monotonic() < deadline:
    app.processEvents()
print(repr(matters.text()), "dutydesk.store.features" in sys.modules)
window.close()
opened.close()
"""

NOT_AT_START = (
    "cryptography",  # the township bundle's signing keys
    "dutydesk.store.center_keys",
    "dutydesk.ui.first_run",
    "dutydesk.ui.restore_prompts",
    "dutydesk.ui.center_menu",  # the modules behind ui.tabs' menu actions and status items (lazy references)
    "dutydesk.ui.help.menu",
    "dutydesk.ui.duty.menu",
    "dutydesk.ui.find",
    "dutydesk.ui.ledger_export",
    "dutydesk.ui.township_package_dialog",
    "dutydesk.ui.calendar_status",
    "dutydesk.ui.visits.followup_panel",
    "dutydesk.ui.notices.rule_book_menu",
    "dutydesk.ui.licences_dialog",
    "dutydesk.ui.duty.tally_page",
    "dutydesk.ui.duty.roster_page",
    "dutydesk.ui.duty.staff_page",
    "dutydesk.ui.duty.meeting_page",
    "dutydesk.ui.visits.tab",
    "dutydesk.ui.notices.tab",
    "dutydesk.ui.archive.tab",
    "dutydesk.ui.grid.tab",
    "dutydesk.store.features",  # every feature's store modules: imported once the window shows
    "dutydesk.store.archive",
    "dutydesk.store.grid",
    "dutydesk.store.notices",
    "dutydesk.reports",
    "dutydesk.ui.messages.tab",
    "pypinyin",
    "reportlab",
    "openpyxl",
    "PIL",
    "psycopg2",  # the township server's drivers: peewee is imported without them (store.server_drivers)
    "psycopg",
    "ssl",  # psycopg2 pulled it in
    "filelock",  # the folder's lock is flock (store.folder_lock)
    "platformdirs",  # only when no data folder is given
    "dutydesk.domain.catalogue",  # label tables read when first asked for (domain.labels.Families)
    "dutydesk.domain.proxy_case",
    "dutydesk.domain.accountability",
)


def test_the_first_paint_loads_only_what_the_first_screen_needs(desk):
    """D09: the handover box reads 正在读取… for that moment, then the open matters."""
    from tests.notice_helpers import proxy_visit

    visit = proxy_visit(desk, name="张秀英")
    desk.close()  # the child opens the books as the app does
    out = subprocess.run([sys.executable, "-c", START, str(desk.folder.path)], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    modules_line, shown, at_paint, after = out.stdout.strip().splitlines()[-4:]
    modules = set(modules_line.split())
    assert shown == "今日值班 False"  # the window shows 今日值班; its menu entries come right after
    assert "dutydesk.ui.duty.today" in modules
    loaded = sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_AT_START))
    assert loaded == []
    assert "正在读取未办结事项" in at_paint
    assert visit.ref in after and "正在读取" not in after and after.endswith("True")
