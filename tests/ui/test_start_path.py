"""Issue 17: what the window's first paint does not need stays off the start path.

A fresh process starts with ``app.launch`` (theme, open the books, the main window with
今日值班, shown; no password dialog, no backup thread) and lists the modules loaded when the
window has shown; the rest comes when it is used: the first run's dialog and the center's
signing keys (cryptography), the restore prompts, the other tabs and the duty tab's other pages,
the ledgers, the window's own menu modules (built just after the window shows)."""

from __future__ import annotations

import os
import subprocess
import sys

START = """
import gc, os, sys
from pathlib import Path
from dutydesk.collector import pause_for_start
pause_for_start()  # as the entry point does
import dutydesk.app as desk_app
from dutydesk.store.datafolder import DataFolder

desk_app.login_at_start = lambda desk: True  # the books have no password
desk_app.backup_at_start = lambda desk: None  # not every start has one
window, opened = desk_app.launch(DataFolder(Path(sys.argv[1])))
app = desk_app.QApplication.instance()
print(" ".join(sorted(sys.modules)))
import PySide6.QtCore
print(window.tabs.tabText(window.tabs.currentIndex()), window.entries_ready(), "Qt" in PySide6.QtCore.__dict__,
      gc.isenabled())
from PySide6.QtWidgets import QLabel, QTableWidget
def named(kind, name):
    return [w for w in window.findChildren(kind) if w.accessibleName() == name]
roster = named(QTableWidget, "今日班次")
print(bool(roster) and roster[0].rowCount() > 0, bool(named(QLabel, "未办结事项")))
import time
deadline = time.monotonic() + 60
while (not named(QLabel, "未办结事项") or "正在读取" in named(QLabel, "未办结事项")[0].text()
       or not window.entries_ready() or not gc.isenabled()) and time.monotonic() < deadline:
    app.processEvents()
print(repr(named(QLabel, "未办结事项")[0].text()), "dutydesk.store.features" in sys.modules)
from dutydesk.store.deferred_modules import stand_ins
print(" ".join(stand_ins()) or "none", "uuid" in sys.modules, gc.isenabled())
from dutydesk.ui.page_loader import wait_for_loads
wait_for_loads()  # as the app's quit does: no worker still reading when the books close
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
    "dutydesk.ui.duty.sign_in_dialogs",  # 今日's parts after the first paint (frame first)
    "dutydesk.ui.duty.today_meetings",
    "dutydesk.ui.visits.appointment_strip",
    "dutydesk.store.duty.handover",
    "dutydesk.store.duty.whereabouts",
    "dutydesk.store.duty.meetings",
    "dutydesk.store.duty.sign_in_book",
    "dutydesk.store.duty.sign_in_identity",  # the PIN checks: the sign-in part's, after the first paint
    "dutydesk.domain.roster",  # the roster's planning: the first screen reads the stored roster
    "dutydesk.domain.tally",  # the attendance tally's rows (a dataclass): the tally page's, after the first paint
    "dutydesk.store.messages.appointments",
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
    "dutydesk.store.restore",  # the start looks for a restore marker only (store.leftovers)
    "dutydesk.store.restore_target",
    "dutydesk.store.backup_check",
    "dutydesk.store.backup_schedule",  # the day's first backup starts once the window has shown
    "dutydesk.ui.login_dialog",  # only once an account has a password
    "dutydesk.domain.passwords",  # hmac, secrets: when a password or PIN is checked or set
    "hmac",
    "secrets",
    "importlib.resources",  # resources are found from the package's spec (resources_path)
    "dutydesk.domain.calendar_file",  # a calendar file's formats: only when one is read
    "csv",
    "dutydesk.township.township_folder",  # a township's folder is told by its mark (township.folder_mark)
    "dutydesk.township.township_database",
    "calendar",  # what peewee imports for later: at their first use (store.deferred_modules)
    "hashlib",
    "socket",
    "uuid",
)


def test_the_first_paint_loads_only_what_the_first_screen_needs(desk):
    """D09: the first paint shows 今日值班's roster; the handover box comes in the turns after it
    (frame first) and shows the open matters once the features are imported."""
    from tests.notice_helpers import proxy_visit

    visit = proxy_visit(desk, name="张秀英")
    desk.close()  # the child opens the books as the app does
    out = subprocess.run([sys.executable, "-c", START, str(desk.folder.path)], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    modules_line, shown, at_paint, after, deferred = out.stdout.strip().splitlines()[-5:]
    modules = set(modules_line.split())
    # The window shows 今日值班; its menu entries come right after. Qt's namespace (all 93 of its
    # Python enums, ~19 ms: a bare window never loads it) is not needed before the first paint.
    assert shown == "今日值班 False False False"  # the collector paused until the first screen is whole
    assert "dutydesk.ui.duty.today" in modules
    loaded = sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_AT_START))
    assert loaded == []
    assert at_paint == "True False"  # the roster is there, the handover box not yet
    assert visit.ref in after and "正在读取" not in after and after.endswith("True")
    # the window put the real modules in place after its first paint, and the collector is back on
    assert deferred == "none True True"


STEPS = """
import sys
from pathlib import Path
from dutydesk.app import make_app
from dutydesk.store import feature_loading
from dutydesk.store.datafolder import DataFolder
from dutydesk.ui.lazy_tabs import build_on_demand
from dutydesk.ui.main_window import MainWindow
from dutydesk.ui.prefs import UiPrefs
from dutydesk.ui.startup import open_for_gui

folder = DataFolder(Path(sys.argv[1]))
app = make_app()
opened = open_for_gui(folder, features=False)
build_on_demand()
window = MainWindow(opened.desk, UiPrefs(folder.ui_settings_path))
window.show()  # the first screen; the event loop does not turn, so nothing else is imported
for name in feature_loading.feature_steps():
    before = set(sys.modules)
    feature_loading.load_feature_step(name)
    new = sorted(m for m in set(sys.modules) - before if m.startswith("dutydesk."))
    print(name, " ".join(new))
print("LOADED", feature_loading.features_loaded())
window.close()
opened.close()
"""
MOST_PER_STEP = 2  # the module, and its package's __init__ when it is the package's first


def test_the_features_load_one_module_per_step_after_the_first_screen(desk):
    """Issue 17: after the window shows, the features' store modules are imported one per turn of
    the event loop (``feature_loading.STEPS``, each after what it imports), so that no turn imports
    a chain of modules at once; the last step, ``store.features``, finds every one imported."""
    desk.close()
    out = subprocess.run([sys.executable, "-c", STEPS, str(desk.folder.path)], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    *steps, loaded = out.stdout.strip().splitlines()
    assert loaded == "LOADED True"
    assert steps[-1].split() == ["dutydesk.store.features"] * 2  # nothing left for the last step but itself
    chains = [line for line in steps if len(line.split()) - 1 > MOST_PER_STEP]
    assert chains == [], "list these modules' imports above them in feature_loading.STEPS"
    assert len(steps) > 30  # really one by one


DATACLASSES = """
import sys
from pathlib import Path
from dutydesk.collector import pause_for_start
pause_for_start()  # as the entry point does
import dutydesk.app as desk_app
from dutydesk.store.datafolder import DataFolder

desk_app.login_at_start = lambda desk: True
desk_app.backup_at_start = lambda desk: None
window, opened = desk_app.launch(DataFolder(Path(sys.argv[1])))  # shown: its first paint comes next

def every_class(cls, seen):
    for sub in type.__subclasses__(cls):
        if sub not in seen:
            seen.add(sub)
            every_class(sub, seen)
    return seen

def compiled(cls):
    # the methods ``dataclasses`` (or ``namedtuple``) wrote for the class as source text and compiled
    # (no file of their own)
    codes = [getattr(getattr(v, "__wrapped__", v), "__code__", None) for v in vars(cls).values()]
    return sum(1 for code in codes if code is not None and code.co_filename == "<string>")

for cls in every_class(object, set()):
    if cls.__module__.startswith("dutydesk.") and compiled(cls):  # dataclasses, NamedTuples
        print(compiled(cls), f"{cls.__module__}.{cls.__qualname__}")
window.close()
opened.close()
"""
# Methods compiled for the desk's classes made before the window's first paint: ``dataclasses`` writes each
# generated method (__init__, __repr__, __eq__, __hash__, a frozen class's __setattr__/__delattr__) as
# source text and compiles it (Python 3.11: one ``exec`` each, ~0.6 M instructions; a NamedTuple: one).
# There were 110 (23 dataclasses); cutting them to 27 saved ~52 M instructions of the ~1,080 M start
# on the ten-year books (issue 17).
MOST_COMPILED_METHODS = 27


def test_the_first_paint_compiles_few_dataclass_methods(desk):
    """Issue 17: the dataclasses (and NamedTuples) made before the window's first paint compile few
    methods; counted from the classes themselves, so the same on every machine."""
    desk.close()
    out = subprocess.run([sys.executable, "-c", DATACLASSES, str(desk.folder.path)], capture_output=True, text=True,
                         timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    classes = sorted((line.split(" ", 1) for line in out.stdout.strip().splitlines()), key=lambda c: c[1])
    assert classes, "no compiled methods found at all: does the count still see them (a new Python)?"
    methods = sum(int(count) for count, _name in classes)
    assert methods <= MOST_COMPILED_METHODS, (
        f"{methods} dataclass methods compiled before the first paint (at most {MOST_COMPILED_METHODS}):\n"
        + "\n".join(f"{count} {name}" for count, name in classes)
        + "\nA dataclass the first screen does not need: import its module where it is first used, after the "
        "first paint (and list the module in NOT_AT_START). One it needs: @dataclass(eq=False, repr=False) "
        "unless its instances are compared, hashed or printed (check every use, tests included); frozen=True "
        "only where immutability matters (a shared declaration: a NamedTuple, if nothing iterates or compares "
        "it as a tuple). Raise the budget only for a class the first screen cannot do without.")
