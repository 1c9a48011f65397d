"""The offline wheelhouse: build it for this PC, then install from it alone into a fresh venv, with
every package index and pip configuration switched off, and run the installed app.

Marked ``packaging``: see tests/packaging/conftest.py for when it runs (always in CI).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from pypdf import PdfReader

from dutydesk import __version__

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import build_wheelhouse  # noqa: E402  (packaging/ is scripts, not a package)

pytestmark = pytest.mark.packaging


def offline_env(**extra: str) -> dict[str, str]:
    """The environment of an office PC with no internet: no index, no pip config, no proxies."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "PYTHON")) and k.lower() not in {"http_proxy", "https_proxy"}}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               QT_QPA_PLATFORM="offscreen", **extra)
    return env


def test_wheelhouse_installs_offline_into_a_fresh_venv(tmp_path):
    wheelhouse = build_wheelhouse.build_wheelhouse(tmp_path / "wheelhouse", [], None)
    wheels = {w.name.split("-")[0].lower() for w in wheelhouse.glob("*.whl")}
    assert {"dutydesk", "pyside6_essentials", "peewee", "reportlab", "openpyxl"} <= wheels
    assert (wheelhouse / "requirements.txt").read_text(encoding="utf-8").count("==") == len(
        list(wheelhouse.glob("*.whl")))
    assert "--no-index --find-links" in (wheelhouse / "安装说明.txt").read_text(encoding="utf-8")

    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(target)
    bindir = target / ("Scripts" if sys.platform == "win32" else "bin")
    python = bindir / ("python.exe" if sys.platform == "win32" else "python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-index", "--find-links", str(wheelhouse), "dutydesk"],
        check=True, env=offline_env(), cwd=tmp_path, timeout=900,
    )
    subprocess.run([str(python), "-m", "pip", "check"], check=True, env=offline_env(), timeout=300)

    dutydesk = bindir / ("dutydesk.exe" if sys.platform == "win32" else "dutydesk")
    version = subprocess.run([str(dutydesk), "--version"], capture_output=True, text=True,
                             env=offline_env(), cwd=tmp_path, timeout=300)
    assert version.stdout.strip() == f"DutyDesk {__version__}", version.stderr

    # The installed wheel finds its resources (the font) inside site-packages, not in this checkout.
    out = tmp_path / "自检.pdf"
    result = subprocess.run(
        [str(dutydesk), "--data-dir", str(tmp_path / "data"), "selftest-pdf", str(out)],
        capture_output=True, text=True, encoding="utf-8", env=offline_env(), cwd=tmp_path, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout and str(ROOT) not in result.stdout, result.stdout
    assert "打印自检页" in PdfReader(str(out)).pages[0].extract_text()
