"""When the full integrity check runs (issue 17): its protection without its cost at every start.

SQLite's ``quick_check`` reads every page: about 1.4 ms per MB, two seconds on ten years of books,
paid before the window could show. Now:

- at start, a cheap check: the file header is SQLite's, the page size is sane, the file is whole
  pages, and the schema can be read;
- the full ``quick_check`` then runs in a background thread on its own read-only connection
  (the books are in WAL mode, so it never blocks the desk);
- no audited write (``store.audit``) is made before that check has passed: the first write waits
  for it and is refused with ``DamagedDatabase`` when it found damage;
- a session that did not end cleanly (its marker file is still there: a crash, a power cut) gets
  the full check before the books open, as every start did before.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import Model

from dutydesk.store import audit
from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.faults import BooksBusy, DiskFull, ReadOnlyBooks, database_fault
from dutydesk.store.integrity import quick_check

log = logging.getLogger(__name__)

START_DELAY_S = 3.0  # the background check starts once the window has had time to show
SESSION_MARKER = ".dutydesk.session"  # present while the books are open; left behind by a crash
_HEADER = b"SQLite format 3\x00"


class BooksDamaged(DeskError):
    """The background check found damage: the write is refused, nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("数据库文件检查未通过，为避免进一步损坏，本次修改没有保存。请退出值班台后重新打开，"
                         "按提示恢复最近的备份：" + "；".join(problems[:3]))
        self.problems = problems


def marker_path(folder: DataFolder) -> Path:
    return folder.path / SESSION_MARKER


def ended_cleanly(folder: DataFolder) -> bool:
    """False when the last session left its marker behind (it crashed or lost power)."""
    return not marker_path(folder).exists()


def begin_session(folder: DataFolder) -> None:
    try:
        marker_path(folder).write_text("值班台正在使用这个数据文件夹\n", encoding="utf-8")
    except OSError:  # a read-only folder: the next start simply runs the full check
        log.warning("cannot write the session marker in %s", folder.path)


def end_session(folder: DataFolder) -> None:
    """A clean end: the next start may use the cheap check (not when damage was found)."""
    check = _current.get(_key(folder.db_path))
    if check is not None and check.finished() and check.problems:
        return
    try:
        marker_path(folder).unlink(missing_ok=True)
    except OSError:
        log.warning("cannot remove the session marker in %s", folder.path)


def cheap_check(path: Path) -> list[str]:
    """What can be told without reading every page: header, page size, whole pages, schema."""
    if not path.exists():
        return []
    try:
        with path.open("rb") as f:
            header = f.read(100)
        size = path.stat().st_size
    except OSError as exc:
        return [f"无法读取数据库：{exc}"]
    if len(header) < 100 or not header.startswith(_HEADER):
        return ["数据库文件头损坏"]
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return ["数据库文件头损坏：页大小不正确"]
    if size % page_size:
        return ["数据库文件不完整（不是整页）"]
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        fault = database_fault(exc, path)
        if isinstance(fault, ReadOnlyBooks | BooksBusy | DiskFull):
            raise fault from exc
        return [f"无法读取数据库：{exc}"]
    return []


class BackgroundCheck:
    """``quick_check`` of one file in a daemon thread; ``wait()`` gives its problems."""

    def __init__(self, path: Path, delay: float | None = None) -> None:
        self.path = path
        self.delay = START_DELAY_S if delay is None else delay
        self.problems: list[str] = []
        self._done = threading.Event()
        self._now = threading.Event()  # a writer is waiting: no more delay
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)

    def start(self) -> BackgroundCheck:
        self._thread.start()
        return self

    def _run(self) -> None:
        # Not while the window is being built: on two shared cores the check would slow it.
        self._now.wait(self.delay)
        try:
            self.problems = quick_check(self.path)
        except DeskError as exc:  # the folder, not the file (busy, read-only): not damage
            log.warning("background integrity check could not run: %s", exc)
        except Exception as exc:  # never let the check itself take the desk down
            log.exception("background integrity check failed")
            self.problems = [f"无法读取数据库：{exc}"]
        finally:
            self._done.set()
            if self.problems:
                log.error("background integrity check found damage: %s", self.problems)

    def finished(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> list[str]:
        self._now.set()
        self._done.wait(timeout)
        return self.problems


_current: dict[str, BackgroundCheck] = {}


def _key(path: Path) -> str:
    return str(path.resolve())


_caller_checks = threading.local()


@contextmanager
def caller_checks_fully() -> Iterator[None]:
    """Books opened inside get only the cheap check: the caller runs the full integrity check
    itself right away (``dutydesk check``), so it is not run twice."""
    _caller_checks.on = True
    try:
        yield
    finally:
        _caller_checks.on = False


def check_at_start(folder: DataFolder) -> list[str]:
    """Problems that must stop the books opening; otherwise the full check goes on in background.

    After an unclean end the full check runs here, before anything else touches the file."""
    path = folder.db_path
    _current.pop(_key(path), None)
    if not path.exists():
        return []
    if getattr(_caller_checks, "on", False):
        return cheap_check(path)
    if not ended_cleanly(folder):
        return quick_check(path)
    problems = cheap_check(path)
    if problems:
        return problems
    _current[_key(path)] = BackgroundCheck(path).start()
    return []


def pending_check(path: Path) -> BackgroundCheck | None:
    return _current.get(_key(path))


def _written_db_path(instance: Model) -> str | None:
    database = instance._meta.database
    name = getattr(database, "database", None)
    return _key(Path(name)) if name else None


def _checked_before_write(instance: Model, _action: str) -> None:
    """BEFORE_WRITE guard: the first write waits for the background check; damage refuses it."""
    if not _current:
        return
    name = _written_db_path(instance)
    check = _current.get(name) if name else None
    if check is None:
        return
    problems = check.wait()
    if problems:
        raise BooksDamaged(problems)
    _current.pop(name, None)  # passed: later writes skip the lookup


if _checked_before_write not in audit.BEFORE_WRITE:
    audit.BEFORE_WRITE.append(_checked_before_write)
