"""Issue 17: PySide's per-import source check made cheap (``ui.pyside_imports``), same answers."""

from __future__ import annotations

import os
import subprocess
import sys
import types

from dutydesk.ui import pyside_imports


def test_pysides_private_check_is_still_there_and_replaced_once_the_window_code_loads():
    """The hook is private to PySide6 (pinned below 6.12): if an upgrade drops it, this fails."""
    import dutydesk.ui  # noqa: F401  (installs it)

    check = pyside_imports.pyside_check()
    assert check is not None and getattr(check, "dutydesk_cheap", False)
    assert pyside_imports.speed_up_module_checks()  # a second call changes nothing
    assert pyside_imports.pyside_check() is check


def test_the_cheap_check_answers_as_pyside_does(tmp_path):
    check = pyside_imports.pyside_check()
    uses = tmp_path / "uses_qt.py"
    uses.write_text("from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text("# 中文注释\nVALUE = 1\n", encoding="utf-8")
    assert check(_module("someone.uses_qt", uses)) is True
    assert check(_module("someone.plain", plain)) is False
    assert check(sys) is False  # built in: no source, as PySide answers
    assert check(_module("dutydesk.store.example", plain)) is True  # the desk's own: not read


def test_modules_imported_after_qt_are_not_read_back_through_linecache():
    code = (
        "import linecache, sys\n"
        "import dutydesk.ui\n"
        "import dutydesk.ui.record_list, dutydesk.ui.reveal, dutydesk.store.visits.visit\n"
        "print(sum('dutydesk' in name for name in linecache.cache), 'dutydesk.store.visits.visit' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == ["0", "True"]


def _module(name: str, path) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__file__ = str(path)
    return module
