"""The data folder: one SQLite file, its lock, backups and logs.

The real folder comes from platformdirs (per-user app data). Demo data lives in a separate folder
marked with a ``DEMO`` file so that demo generation can never write into real books.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import NamedTuple

from dutydesk import APP_NAME, ORG_NAME
from dutydesk.store.folder_lock import LockHeld, file_lock

ENV_VAR = "DUTYDESK_DATA_DIR"
DB_NAME = "dutydesk.sqlite3"
DEMO_MARKER = "DEMO"


class DeskError(RuntimeError):
    """An error with a message meant for the user (Chinese), shown without a traceback."""


class FolderLocked(DeskError):
    pass


def default_data_dir(demo: bool = False) -> Path:
    import platformdirs  # only without --data-dir / DUTYDESK_DATA_DIR (issue 17: not on every start)

    base = platformdirs.user_data_path(APP_NAME, ORG_NAME, roaming=False)
    return base / "demo" if demo else base / "data"


def resolve_data_dir(arg: str | None, demo: bool = False) -> Path:
    """``--data-dir`` beats ``DUTYDESK_DATA_DIR`` beats the platform default."""
    if arg:
        return Path(arg).expanduser()
    if not demo and os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    return default_data_dir(demo)


# A NamedTuple (issue 17): immutable and compared by value as the frozen dataclass it was, with one
# compiled method instead of six before the first paint; never iterated, indexed or kept as Qt item
# data (which would turn it into a list).
class DataFolder(NamedTuple):
    """The folder that holds a center's books, its lock, backups and settings."""
    path: Path

    @property
    def db_path(self) -> Path:
        return self.path / DB_NAME

    @property
    def lock_path(self) -> Path:
        return self.path / ".dutydesk.lock"

    @property
    def backups_dir(self) -> Path:
        return self.path / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.path / "logs"

    @property
    def ui_settings_path(self) -> Path:
        return self.path / "ui.ini"

    def ensure(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)

    def is_demo(self) -> bool:
        return (self.path / DEMO_MARKER).exists()

    def mark_demo(self) -> None:
        self.ensure()
        (self.path / DEMO_MARKER).write_text("DutyDesk demo data folder 演示数据\n", encoding="utf-8")

    def holds_real_data(self) -> bool:
        """True when the folder has a database with rows and is not marked as demo."""
        if self.is_demo() or not self.db_path.exists():
            return False
        try:
            con = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
            try:
                row = con.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'center_profile'"
                ).fetchone()
                if not row[0]:
                    return False
                return bool(con.execute("SELECT count(*) FROM center_profile").fetchone()[0])
            finally:
                con.close()
        except sqlite3.DatabaseError:
            return True  # unreadable: treat as precious

    def lock(self) -> FolderLock:
        return FolderLock(self)


class FolderLock:
    """One running DutyDesk per data folder.

    An OS-level file lock (``store.folder_lock``: flock, or ``filelock`` where there is none) is
    released by the operating system when the holding process dies, so a lock left by a crash or
    power cut never blocks the next start.
    """

    def __init__(self, folder: DataFolder) -> None:
        folder.ensure()
        self._lock = file_lock(str(folder.lock_path))
        self._folder = folder

    def acquire(self) -> None:
        try:
            self._lock.acquire()
        except LockHeld:
            raise FolderLocked(
                f"数据文件夹正被另一个值班台程序使用：{self._folder.path}。请先关闭另一个窗口。"
            ) from None
        except OSError as exc:  # a read-only folder or a full disk: the lock file cannot be made
            raise DeskError(
                f"数据文件夹不能写入（只读、没有权限或磁盘已满）：{self._folder.path}。"
                "请检查该文件夹的权限和磁盘空间，或请管理员换一个数据文件夹。"
            ) from exc

    def release(self) -> None:
        self._lock.release()

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
