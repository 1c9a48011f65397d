"""The data folder: per-folder lock, demo marker, pragmas."""

import os
import signal
import subprocess
import sys

import pytest

from dutydesk.store.base import connect
from dutydesk.store.datafolder import DataFolder, FolderLocked, resolve_data_dir

HOLD_LOCK = """
import sys, time
from pathlib import Path
from dutydesk.store.datafolder import DataFolder
lock = DataFolder(Path(sys.argv[1])).lock()
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def start_holder(path):
    proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_second_instance_on_the_same_folder_is_refused(folder):
    holder = start_holder(folder.path)
    try:
        with pytest.raises(FolderLocked, match="另一个值班台"):
            folder.lock().acquire()
    finally:
        holder.kill()
        holder.wait()


def test_stale_lock_left_by_a_crash_is_recovered(folder):
    holder = start_holder(folder.path)
    os.kill(holder.pid, signal.SIGKILL)  # a crash or power cut: no clean release
    holder.wait()
    assert folder.lock_path.exists()  # the file is left behind ...
    lock = folder.lock()
    lock.acquire()  # ... but the OS released the lock with the process
    assert lock.is_locked
    lock.release()


def test_lock_in_the_same_process_is_also_exclusive(folder):
    with folder.lock(), pytest.raises(FolderLocked):
        folder.lock().acquire()
    with folder.lock():  # free again after release
        pass


def test_data_dir_resolution_order(tmp_path, monkeypatch):
    monkeypatch.setenv("DUTYDESK_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "arg")) == tmp_path / "arg"
    assert resolve_data_dir(None) == tmp_path / "env"
    demo = resolve_data_dir(None, demo=True)
    assert demo != tmp_path / "env" and demo.name == "demo"


def test_demo_marker_and_real_data(desk, tmp_path):
    assert desk.folder.holds_real_data()  # the desk fixture saved a center profile
    empty = DataFolder(tmp_path / "empty")
    assert not empty.holds_real_data()
    empty.mark_demo()
    assert empty.is_demo() and not empty.holds_real_data()


def test_database_pragmas_protect_committed_data(tmp_path):
    db = connect(tmp_path / "p.sqlite3")
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000
    db.close()
