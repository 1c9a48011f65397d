"""The OS lock behind "one running DutyDesk per data folder" (``datafolder.FolderLock``).

Where the system has ``flock`` (Linux, macOS) the lock is ``flock(LOCK_EX | LOCK_NB)`` on the lock
file, exactly the lock ``filelock`` takes there, so a desk of an earlier version holding the folder
still refuses a new one and the other way round; the operating system releases it when the
holder dies. Importing filelock 4 costs the window's start ~10 ms (issue 17) for that one call, so
filelock is imported only where ``flock`` is missing: on Windows and on a file system without it
(``ENOSYS``), where it locks as before.
"""

from __future__ import annotations

import errno
import os
import sys

# flock's answers when another open file holds the lock (filelock counts the same ones).
_HELD = frozenset({errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK})


class LockHeld(Exception):
    """Another program (or another lock object in this one) holds the lock."""


class LibraryLock:
    """filelock's lock, as the desk always took it; its ``Timeout`` becomes ``LockHeld``."""

    def __init__(self, path: str) -> None:
        from filelock import FileLock

        self.lock_file = path
        self._lock = FileLock(path, timeout=0)

    def acquire(self) -> None:
        from filelock import Timeout

        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise LockHeld(self.lock_file) from None

    def release(self) -> None:
        self._lock.release()

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked


class FlockLock:
    """``flock`` on the lock file; re-entrant per object like filelock's (a count of acquires)."""

    def __init__(self, path: str) -> None:
        self.lock_file = path
        self._fd: int | None = None
        self._count = 0
        self._fallback: LibraryLock | None = None

    def acquire(self) -> None:
        if self._fallback is not None:
            self._fallback.acquire()
            return
        if self._fd is not None:
            self._count += 1
            return
        import fcntl

        fd = os.open(self.lock_file, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in _HELD:
                raise LockHeld(self.lock_file) from None
            if exc.errno != errno.ENOSYS:
                raise
            self._fallback = LibraryLock(self.lock_file)  # no flock here (some network shares)
            self._fallback.acquire()
            return
        self._fd, self._count = fd, 1

    def release(self) -> None:
        if self._fallback is not None:
            self._fallback.release()
            return
        if self._fd is None:
            return
        self._count -= 1
        if self._count > 0:
            return
        import fcntl

        fd, self._fd = self._fd, None
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    @property
    def is_locked(self) -> bool:
        return self._fallback.is_locked if self._fallback is not None else self._fd is not None


def _has_flock() -> bool:
    if sys.platform == "win32":
        return False
    try:
        import fcntl
    except ImportError:
        return False
    return hasattr(fcntl, "flock")


# The lock this system takes (tests patch its ``acquire`` to play a folder that refuses it).
PlatformLock: type[FlockLock] | type[LibraryLock] = FlockLock if _has_flock() else LibraryLock


def file_lock(path: str) -> FlockLock | LibraryLock:
    return PlatformLock(path)
