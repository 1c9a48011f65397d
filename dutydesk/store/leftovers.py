"""What every start looks at in the data folder before opening the books, without loading the
restore machinery (issue 17): a restore marker left by a killed restore, the books' file gone,
and the temporary files (``*.part``) of killed backups, exports and restores.

``store.restore`` settles an interrupted restore; it is imported only when its marker is there
(``before_opening``), which is rare, so the window's first paint does not wait for it.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dutydesk.store.datafolder import DataFolder
    from dutydesk.store.restore_target import RestoreTarget

MARKER = "restore-in-progress.json"
# A temporary file untouched for this long belongs to no running backup or restore.
LEFTOVER_AGE_SECONDS = 600


def marker_path(folder: DataFolder) -> Path:
    return folder.path / MARKER


def clean_leftovers(folder: DataFolder, max_age: float = LEFTOVER_AGE_SECONDS) -> list[Path]:
    """Remove temporary files (``*.part``) of killed backups, exports and restores.

    Only where DutyDesk writes on its own (the data folder, ``backups/``, ``printouts/`` and the
    yearly ``archive/``; exports to a chosen folder or USB stick are out of reach), only files
    untouched for ``max_age`` seconds (a backup run by the command line may be writing one right
    now), and never while a restore marker still names one. Returns what was removed.
    """
    if marker_path(folder).exists():
        return []
    removed = []
    cutoff = time.time() - max_age
    places = [(folder.path, "*.part"), (folder.backups_dir, "*.part"),
              (folder.path / "printouts", "*.part"), (folder.path / "archive", "**/*.part")]
    for directory, pattern in places:
        if not directory.is_dir():
            continue
        for path in directory.glob(pattern):
            with contextlib.suppress(OSError):
                if path.is_file() and path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed.append(path)
    return removed


def before_opening(folder: DataFolder, target: RestoreTarget | None = None) -> str | None:
    """What every start does under the folder lock before opening the books: settle an
    interrupted restore (its Chinese explanation is returned) and remove stale temporary files."""
    message = None
    if marker_path(folder).exists():  # a restore was killed part-way: rare, so imported here
        from dutydesk.store.restore import finish_interrupted
        from dutydesk.store.restore_target import DESK

        message = finish_interrupted(folder, target or DESK)
    clean_leftovers(folder)
    return message


def books_missing(folder: DataFolder) -> bool:
    """The database file is gone from a folder that held books (it has backups or kept books):
    never answer that with empty books and the first-run wizard."""
    if folder.db_path.exists():
        return False
    has_backups = folder.backups_dir.is_dir() and any(folder.backups_dir.glob("*.sqlite3"))
    return has_backups or any(folder.path.glob(f"{folder.db_path.name}.before-restore-*"))
