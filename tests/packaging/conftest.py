"""When the slow packaging tests (marked ``packaging``) run, decided in one place.

They build the frozen bundle (~1 min) and an offline wheelhouse (~1 min) on the 2-core machine.
That is cheap for CI but would slow every developer's whole-suite run, so:

* ``DUTYDESK_PACKAGING_TESTS=1`` runs them, ``=0`` skips them, whatever else holds;
* otherwise they run in CI (``CI`` set, as ``.ci/run`` is started), so every CI run checks them;
* otherwise (a developer's run) they run when the packaging inputs differ from the merge base
  with ``main`` (or ``DUTYDESK_BASE_REF``): ``packaging/``, ``pyproject.toml``, ``setup.py``,
  ``resources/`` or these tests, committed or not.

packaging/README.md describes the same rule; keep the two in step.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING_INPUTS = ("packaging/", "pyproject.toml", "setup.py", "resources/", "tests/packaging/")


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True, timeout=30
    ).stdout


def changed_packaging_inputs(base_ref: str) -> list[str]:
    """Packaging inputs that differ between the merge base with ``base_ref`` and the work tree."""
    try:
        base = _git("merge-base", "HEAD", base_ref).strip()
        names = _git("diff", "--name-only", base).split() + _git(
            "ls-files", "--others", "--exclude-standard"
        ).split()
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({n for n in names if n.startswith(PACKAGING_INPUTS)})


def packaging_tests_wanted() -> tuple[bool, str]:
    """(run?, why) — the why is shown in pytest's skip summary."""
    forced = os.environ.get("DUTYDESK_PACKAGING_TESTS", "").strip()
    if forced in {"0", "1"}:
        return forced == "1", f"DUTYDESK_PACKAGING_TESTS={forced}"
    if os.environ.get("CI"):
        return True, "CI is set"
    base_ref = os.environ.get("DUTYDESK_BASE_REF", "main")
    changed = changed_packaging_inputs(base_ref)
    if changed:
        return True, f"packaging inputs changed since {base_ref}: {', '.join(changed[:5])}"
    return False, (
        f"packaging inputs unchanged since {base_ref}; CI runs these "
        "(DUTYDESK_PACKAGING_TESTS=1 to run them here)"
    )


def pytest_collection_modifyitems(config, items):
    marked = [item for item in items if item.get_closest_marker("packaging")]
    if not marked:
        return
    wanted, why = packaging_tests_wanted()
    if not wanted:
        for item in marked:
            item.add_marker(pytest.mark.skip(reason=why))
