"""A01/A03: a restore killed at any step leaves the old books or the new ones, never none, and the
next open explains an interrupted restore."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dutydesk.store.accounts.account import create_account
from dutydesk.store.backup_schedule import take_backup
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.integrity import quick_check
from dutydesk.store.opening import open_books
from dutydesk.store.restore import STEPS, clean_leftovers, finish_interrupted, marker_path

ROOT = Path(__file__).resolve().parents[2]
OLD, NEW = 5, 3  # accounts in the books before the restore, and in the backup


def _accounts(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        assert [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"]
        return con.execute("SELECT count(*) FROM account").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def books(desk, folder, clock, tmp_path):
    """Old books of 5 accounts, the last one only in the -wal (as after a crash); a backup of 3."""
    backup = take_backup(folder, clock.now(), "manual")
    create_account("赵干部", "operator", desk.who, desk.now())
    desk.close()
    template = tmp_path / "template"
    template.mkdir()
    writer = sqlite3.connect(folder.db_path)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("INSERT INTO account (name, role, active, created_at) "
                   "VALUES ('钱干部', 'operator', 1, '2026-11-24T09:00:00')")
    writer.commit()
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{folder.db_path}{suffix}", template / f"{folder.db_path.name}{suffix}")
    writer.close()
    return template, backup


@pytest.mark.parametrize("step", STEPS)
def test_a03_restore_killed_at_each_step_leaves_old_or_new_books_and_is_explained(books, tmp_path, step):
    template, backup = books
    folder = DataFolder(tmp_path / f"killed-{step}")
    shutil.copytree(template, folder.path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    code = subprocess.run(
        [sys.executable, "-m", "tests.store.restore_child", str(folder.path), str(backup), step],
        cwd=ROOT, env=env, timeout=120,
    ).returncode
    assert code == 9, "the child died at the step"
    assert folder.db_path.exists(), "killed at any step, the books are still under their name"
    assert _accounts(folder.db_path) in (OLD, NEW)

    interrupted = marker_path(folder).exists()
    message = finish_interrupted(folder)
    assert (message is not None) == interrupted
    expected = NEW if STEPS.index(step) >= STEPS.index("swapped") else OLD
    assert _accounts(folder.db_path) == expected
    if message is not None:
        assert ("恢复已经完成" if expected == NEW else "恢复没有完成") in message
        assert str(backup) in message
    assert not marker_path(folder).exists()
    # the old books, with what was only in their -wal, are kept when the new ones are in place
    if expected == NEW:
        kept = [p for p in folder.path.glob("dutydesk.sqlite3.before-restore-*") if "-" not in p.name[-4:]]
        assert len(kept) == 1 and _accounts(kept[0]) == OLD
    clean_leftovers(folder, max_age=-1)
    assert not list(folder.path.glob("*.part")), "a staged copy of a killed restore is cleaned up"
    assert quick_check(folder.db_path) == []
    db = open_books(folder)  # the next start opens the books normally
    assert db.execute_sql("SELECT count(*) FROM account").fetchone()[0] == expected
    db.close()
