"""A01/A03 for the township's books: a restore killed at any step leaves the old books or the new
ones under ``township.sqlite3``, never none, and the next opening (``open_township``, so every
``dutydesk township`` command and the window) settles it and explains it in Chinese."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dutydesk.cli import main
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.integrity import quick_check
from dutydesk.store.restore import STEPS, clean_leftovers, marker_path
from dutydesk.township.township_database import sqlite_path
from dutydesk.township.township_folder import open_township
from tests.township.books.conftest import TOWNSHIP_CODE
from tests.township.books.township_restore_helpers import IN_BACKUP, IN_BOOKS, accounts, township_with_backup

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("township_killed")
    folder, backup = township_with_backup(root / "T", TOWNSHIP_CODE)
    return folder.path, backup


def _killed(template, tmp_path, step: str) -> tuple[DataFolder, Path]:
    source, backup = template
    folder = DataFolder(tmp_path / f"killed-{step}")
    shutil.copytree(source, folder.path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    code = subprocess.run(
        [sys.executable, "-m", "tests.store.restore_child", str(folder.path), str(backup), step, "township"],
        cwd=ROOT, env=env, timeout=120,
    ).returncode
    assert code == 9, "the child died at the step"
    return folder, backup


@pytest.mark.parametrize("step", STEPS)
def test_a03_township_restore_killed_at_each_step_leaves_old_or_new_books_and_is_explained(
        template, tmp_path, step):
    folder, backup = _killed(template, tmp_path, step)
    live = sqlite_path(folder)
    assert live.exists(), "killed at any step, the books are still under their name"
    assert accounts(live) in (IN_BOOKS, IN_BACKUP)
    assert not folder.db_path.exists(), "no desk database appears in a township's folder"

    interrupted = marker_path(folder).exists()
    township = open_township(folder)  # the next opening settles it
    try:
        expected = IN_BACKUP if STEPS.index(step) >= STEPS.index("swapped") else IN_BOOKS
        assert accounts(live) == expected
        assert bool(township.notice) == interrupted
        if interrupted:
            assert ("恢复已经完成" if expected == IN_BACKUP else "恢复没有完成") in township.notice
            assert str(backup) in township.notice
        assert township.profile().code == TOWNSHIP_CODE
    finally:
        township.close()
    assert not marker_path(folder).exists()
    if expected == IN_BACKUP:
        [kept] = folder.path.glob("township.sqlite3.before-restore-*[0-9]")
        assert accounts(kept) == IN_BOOKS, "the old books are kept beside the new ones"
    clean_leftovers(folder, max_age=-1)
    assert not list(folder.path.glob("*.part")), "a staged copy of a killed restore is cleaned up"
    assert quick_check(live) == []


def test_a03_a_township_command_explains_an_interrupted_restore_first(template, tmp_path, capsys, monkeypatch):
    folder, _backup = _killed(template, tmp_path, "old_kept")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["township", "status", "--month", "2026-12", "--data-dir", str(folder.path)]) == 0
    err = capsys.readouterr().err
    assert "上次从备份恢复" in err and "恢复没有完成" in err and "Traceback" not in err
    assert accounts(sqlite_path(folder)) == IN_BOOKS
