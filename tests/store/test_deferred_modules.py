"""Issue 17: the standard-library modules peewee imports for later are loaded at their first use.

Each check runs in a fresh interpreter: which modules are imported is process-wide.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from dutydesk.store.deferred_modules import DEFERRED


def run(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.split()


PEEWEE_DEFERRING = """
import sys
from dutydesk.store.deferred_modules import DEFERRED, deferring, stand_ins
with deferring():
    from dutydesk.store.server_drivers import import_peewee_without_drivers
    peewee = import_peewee_without_drivers()
"""


def test_peewee_is_imported_without_them():
    """peewee imports them at its top and uses none while it is imported (true of the pinned
    peewee; a peewee that used one there would load it, and this fails)."""
    out = run(PEEWEE_DEFERRING + """
print(*[name in sys.modules for name in DEFERRED])
print(*stand_ins())
""")
    assert out == ["False"] * len(DEFERRED) + [f"peewee.{name}" for name in DEFERRED]


def test_only_the_importing_module_gets_the_stand_ins():
    """Every other import of them, during or after, is the real module."""
    out = run(PEEWEE_DEFERRING + """
import uuid, calendar
print(type(uuid).__name__, uuid.UUID.__module__, calendar.timegm((2026, 12, 6, 0, 0, 0)))
""")
    assert out == ["module", "uuid", "1796515200"]


@pytest.mark.parametrize(("use", "expected"), [
    # savepoint names (a nested atomic block) come from uuid
    ("db = peewee.SqliteDatabase(':memory:')\nwith db.atomic():\n    with db.atomic() as sp:\n"
     "        print(type(sp).__name__)", "_savepoint"),
    ("print(peewee.TimestampField().db_value(__import__('datetime').datetime(2026, 12, 6)))", "1796515200"),
    ("print(peewee.UUIDField().db_value('12345678-1234-5678-1234-567812345678'))",
     "12345678123456781234567812345678"),
    ("print(peewee.IPField().db_value('10.0.0.1'))", "167772161"),
    # a long index name is shortened with a hash
    ("print(len(peewee._truncate_constraint_name('x' * 80)))", "64"),
])
def test_peewee_uses_them_through_the_stand_ins(use, expected):
    """Used before ``realise``, a stand-in imports its module and works as it."""
    assert run(PEEWEE_DEFERRING + use + "\n")[-1] == expected


def test_realise_puts_the_real_modules_in_their_places():
    out = run(PEEWEE_DEFERRING + """
from dutydesk.store.deferred_modules import realise
realise()
print(*[getattr(peewee, name) is sys.modules[name] for name in DEFERRED], len(stand_ins()))
""")
    assert out == ["True"] * len(DEFERRED) + ["0"]


def test_the_window_package_imports_peewee_deferring_them():
    """What the window imports first (``dutydesk.ui``) leaves them for later; the main window
    realises them in the first turn after its first paint (``tests/ui/test_start_path.py``)."""
    out = run("""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import dutydesk.ui
from dutydesk.store.deferred_modules import DEFERRED, stand_ins
print(*[name in sys.modules for name in DEFERRED], len(stand_ins()))
""")
    assert out == ["False"] * len(DEFERRED) + [str(len(DEFERRED))]


def test_the_log_files_module_is_imported_without_pickle_queue_and_socket(tmp_path):
    """The entry point's log file (``logging.handlers``) leaves them for later; its rotating file
    handler works through the stand-ins."""
    out = run(f"""
import logging, os, sys
import dutydesk.cli
print(*[name in sys.modules for name in ("pickle", "queue", "socket")])
handler = logging.handlers.RotatingFileHandler({str(tmp_path / "x.log")!r}, maxBytes=100, backupCount=2)
log = logging.getLogger("t")
log.addHandler(handler)
for _ in range(10):
    log.warning("x" * 50)
print(*sorted(os.listdir({str(tmp_path)!r})))
""")
    assert out == ["False", "False", "False", "x.log", "x.log.1", "x.log.2"]
