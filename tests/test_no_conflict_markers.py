"""No merge-conflict marker is ever committed in a tracked text file (a README or CONTRIBUTING with
half of two versions misleads the next reader as much as broken code)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MARKERS = ("<<<<<<< ", ">>>>>>> ")
TEXT = {".py", ".md", ".html", ".txt", ".toml", ".json", ".cfg", ".ini", ".spec", ".bat", ".iss", ".sh", ""}


def _tracked() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [ROOT / name for name in out.splitlines() if Path(name).suffix in TEXT]


def test_no_conflict_markers_in_tracked_files():
    found = []
    for path in _tracked():
        if not path.is_file():
            continue
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue
        found += [f"{path.relative_to(ROOT)}:{n}" for n, line in enumerate(lines, 1) if line.startswith(MARKERS)]
    assert found == []
