"""The township server's PostgreSQL driver is an optional extra (``[postgresql]``) that the frozen
village bundle leaves out (``packaging/dutydesk.spec``). So what the program loads at start must not
need it: the CLI imports every command module to build its parser, opening the books wires every
feature, and the window imports its tabs. Import the driver inside the function that talks to
PostgreSQL. Fast, so it runs in every suite, also in a venv that has the extra installed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DRIVERS = ("psycopg2", "psycopg")

# Python refuses ``import X`` when sys.modules[X] is None: the driver is "not installed" here.
WITHOUT_DRIVERS = f"""
import sys
for name in {DRIVERS!r}:
    sys.modules[name] = None
from dutydesk.cli import build_parser
build_parser()
import dutydesk.store.features, dutydesk.app, dutydesk.ui.tabs
print("ok")
"""


def test_the_program_loads_without_the_postgresql_driver():
    result = subprocess.run([sys.executable, "-c", WITHOUT_DRIVERS], capture_output=True, text=True,
                            cwd=ROOT, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_the_check_would_see_a_module_that_needs_the_driver():
    result = subprocess.run([sys.executable, "-c", WITHOUT_DRIVERS.replace("print", "import psycopg2\nprint")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode != 0 and "psycopg2" in result.stderr


def test_the_frozen_build_excludes_the_postgresql_driver():
    spec = (ROOT / "packaging" / "dutydesk.spec").read_text(encoding="utf-8")
    excluded = re.search(r"^EXCLUDED_PYTHON \+= \[(.*?)\]", spec, re.M | re.S)
    assert excluded, "dutydesk.spec no longer excludes the township server's driver"
    assert set(DRIVERS) <= set(re.findall(r'"([^"]+)"', excluded.group(1)))
