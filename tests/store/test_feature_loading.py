"""Issue 17: every feature's store modules are imported before anything reads what they register,
however early (``store.feature_loading``); the window's first screen alone may wait for them.

Run in a fresh process: this test session imported them all already (``tests/conftest.py``)."""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
import datetime as dt, sys
from pathlib import Path
from dutydesk.desk import open_desk
from dutydesk.store.datafolder import DataFolder
from dutydesk.store import feature_loading, open_matters, duty_log_feed
from dutydesk.store.duty.handover import OPEN_MATTERS_LOADING, open_matters_text

def loaded():
    return "dutydesk.store.features" in sys.modules

desk = open_desk(DataFolder(Path(sys.argv[1])), features=False)
today, calendar = desk.today(), desk.calendar()
print("opened", loaded())
with feature_loading.first_screen():
    print("first screen", open_matters_text(today, calendar) == OPEN_MATTERS_LOADING, loaded())
text = open_matters_text(today, calendar)
print("handover", text == OPEN_MATTERS_LOADING, loaded(), len(open_matters.PROVIDERS) >= 5)
desk.close()

desk = open_desk(DataFolder(Path(sys.argv[2])), features=False)
from dutydesk.store import audit
from dutydesk.store.center import CenterProfile, save_center
save_center(CenterProfile(name="青石村党群服务中心", township="桃源镇", address="村部",
                          public_phone="0571-63281234", supervision_phone="0571-63285678"), "测试", desk.now())
print("audited write", loaded(), len(audit.AFTER_WRITE) >= 1)
desk.close()
"""

CHILD_LOG = """
import sys
from dutydesk.store import duty_log_feed
import datetime as dt
print("before", "dutydesk.store.features" in sys.modules)
try:
    duty_log_feed.entries_for(dt.date(2026, 11, 24))
except Exception:
    pass  # no books open: only the registration matters here
print("after", "dutydesk.store.features" in sys.modules, len(duty_log_feed.PROVIDERS) >= 3)
"""


def _run(code: str, *args: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip().splitlines()


def test_d09_open_matters_and_writes_import_every_feature_first_and_the_first_screen_waits(tmp_path):
    """D09: the handover's open matters are never computed without every provider: only while
    the window's first screen is built they read 正在读取…; an audited write (A03) runs every
    feature's guards and hooks."""
    lines = _run(CHILD, str(tmp_path / "a"), str(tmp_path / "b"))
    assert lines == ["opened False", "first screen True False", "handover False True True",
                     "audited write True True"]


def test_d10_the_duty_log_feed_imports_every_feature_first():
    assert _run(CHILD_LOG) == ["before False", "after True True"]


def test_opening_the_books_imports_every_feature_by_default(tmp_path):
    code = ("import sys\nfrom pathlib import Path\nfrom dutydesk.desk import open_desk\n"
            "from dutydesk.store.datafolder import DataFolder\n"
            "desk = open_desk(DataFolder(Path(sys.argv[1])))\n"
            "print('dutydesk.store.features' in sys.modules)\ndesk.close()\n")
    assert _run(code, str(tmp_path / "c")) == ["True"]
