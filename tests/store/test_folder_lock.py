"""The folder's OS lock (``store.folder_lock``): flock where there is one, seen by filelock and seeing
it (a desk of an earlier version), filelock where flock is missing (issue 17: filelock stays off
the window's start path)."""

from __future__ import annotations

import errno
import subprocess
import sys

import pytest

from dutydesk.store import folder_lock
from dutydesk.store.datafolder import FolderLocked
from dutydesk.store.folder_lock import FlockLock, LibraryLock, LockHeld

pytestmark = pytest.mark.skipif(folder_lock.PlatformLock is not FlockLock, reason="no flock on this system")

FILELOCK_HOLDER = """
import sys, time
from filelock import FileLock
lock = FileLock(sys.argv[1], timeout=0)
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def test_a_folder_held_by_filelock_is_refused_and_filelock_is_refused_while_we_hold_it(folder):
    path = str(folder.lock_path)
    folder.ensure()
    holder = subprocess.Popen([sys.executable, "-c", FILELOCK_HOLDER, path], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(FolderLocked, match="另一个值班台"):
            folder.lock().acquire()
    finally:
        holder.kill()
        holder.wait()
    with folder.lock():
        code = ("import sys\nfrom filelock import FileLock, Timeout\n"
                "try:\n    FileLock(sys.argv[1], timeout=0).acquire()\nexcept Timeout:\n    print('refused')\n")
        out = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, timeout=60)
        assert out.stdout.strip() == "refused", out.stderr


def test_the_lock_is_reentrant_per_object_and_exclusive_between_objects(tmp_path):
    path = str(tmp_path / ".dutydesk.lock")
    lock = FlockLock(path)
    lock.acquire()
    lock.acquire()
    lock.release()
    assert lock.is_locked  # one acquire still open
    with pytest.raises(LockHeld):
        FlockLock(path).acquire()
    lock.release()
    assert not lock.is_locked
    other = FlockLock(path)
    other.acquire()
    other.release()
    lock.release()  # releasing an unheld lock does nothing


def test_without_flock_on_the_file_system_filelock_takes_the_lock(tmp_path, monkeypatch):
    import fcntl

    def no_flock(fd, operation):
        raise OSError(errno.ENOSYS, "Function not implemented")

    monkeypatch.setattr(fcntl, "flock", no_flock)
    lock = FlockLock(str(tmp_path / ".dutydesk.lock"))
    taken: list[str] = []
    monkeypatch.setattr(LibraryLock, "acquire", lambda self: taken.append(self.lock_file))
    lock.acquire()
    assert taken == [lock.lock_file]


def test_other_failures_reach_the_caller(tmp_path):
    with pytest.raises(OSError):
        FlockLock(str(tmp_path / "missing" / ".dutydesk.lock")).acquire()


def test_the_window_process_does_not_import_filelock(folder):
    code = ("import sys\nfrom pathlib import Path\nfrom dutydesk.store.datafolder import DataFolder\n"
            "lock = DataFolder(Path(sys.argv[1])).lock()\nlock.acquire()\nprint('filelock' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code, str(folder.path)], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
