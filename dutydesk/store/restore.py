"""Restoring the books from a backup so that no moment of it can lose them (A01, A03).

The backup is first copied beside the database under a temporary name (the staged copy) and
checked there (``store.backup_check``): the live file is untouched until the copy is known good.
Then, in this order:

1. the live database is checkpointed and switched out of WAL mode, so its ``-wal``/``-shm`` hold
   nothing (a stale ``-wal`` next to another database would be replayed into it);
2. a marker file (``restore-in-progress.json``) is written: the staged copy, where the old books
   will be kept, where the backup came from;
3. the old books get a second name, ``dutydesk.sqlite3.before-restore-<time>`` (a hard link, or
   a copy where links are not possible), and any leftover ``-wal``/``-journal`` is moved beside it;
4. the staged copy replaces the database in one ``os.replace``;
5. the marker is removed.

There is never a moment without a database under its own name: before step 4 it is the old
books, after it the new ones. Killed in between, the marker remains, and the next open
(``finish_interrupted``) completes or undoes the restore by looking at whether the staged copy
is still there (it disappears only by becoming the database), and says so in Chinese.

The same steps restore another set of books kept by this machinery (the township's, issue 16):
``target`` (``store.restore_target.RestoreTarget``) names the file, the migrations the backup is
checked against and whose books they are; the desk's (``DESK``) by default.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dutydesk.store.atomic import atomic_write, fsync_dir
from dutydesk.store.backup_check import check_backup, folder_identity, other_center_phrase
from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.leftovers import LEFTOVER_AGE_SECONDS as LEFTOVER_AGE_SECONDS  # moved (issue 17)
from dutydesk.store.leftovers import MARKER as MARKER
from dutydesk.store.leftovers import books_missing as books_missing
from dutydesk.store.leftovers import clean_leftovers, marker_path
from dutydesk.store.restore_target import DESK, RestoreTarget

log = logging.getLogger(__name__)

# The steps in order; ``STEP_HOOK(step)`` is called after each (tests kill the process there).
STEPS = ("staged", "checked", "books_closed", "marker_written", "old_kept", "wal_set_aside",
         "swapped", "done")
STEP_HOOK: Callable[[str], None] | None = None


# What a backup without a center is called when it would replace a center's books: an empty or
# half-set-up database is not "the same center" (it would silently empty the books).
NO_CENTER = DESK.no_identity


class OtherCenter(DeskError):
    """The backup belongs to another center: restoring it needs the typed ``phrase``."""

    def __init__(self, backup_center: str, books_center: str) -> None:
        self.backup_center = backup_center
        self.books_center = books_center
        self.phrase = other_center_phrase(backup_center, books_center)
        super().__init__(
            f"此备份属于「{backup_center}」，而本数据文件夹是「{books_center}」的账本，未恢复。"
        )


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    aside: Path | None  # the old books, kept under another name (None when there were none)


def _step(name: str) -> None:
    if STEP_HOOK is not None:
        STEP_HOOK(name)


def _sibling(db_path: Path, suffix: str) -> Path:
    return db_path.with_name(db_path.name + suffix)


def is_live_database(folder: DataFolder, source: Path, target: RestoreTarget = DESK) -> bool:
    """True when ``source`` is the folder's own database (or one of its companion files)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        live = _sibling(target.db_path(folder), suffix)
        with contextlib.suppress(OSError):
            if source.resolve() == live.resolve() or (live.exists() and os.path.samefile(source, live)):
                return True
    return False


def _stage(source: Path, staging: Path) -> None:
    """A consistent copy of ``source`` at ``staging``, in rollback-journal mode, synced."""
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(str(staging))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError:
        raise DeskError("备份文件未通过检查，不能恢复：文件已损坏或不是值班台的数据文件") from None
    with open(staging, "rb+") as fh:
        os.fsync(fh.fileno())


def _close_books(db_path: Path) -> None:
    """Fold the ``-wal`` into the database and leave WAL mode, so no companion file holds data."""
    if not db_path.exists():
        return
    try:
        con = sqlite3.connect(str(db_path), timeout=5)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.execute("PRAGMA journal_mode=DELETE")
        finally:
            con.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DeskError("数据库正被其他程序使用，请关闭其他值班台窗口或命令后再恢复") from None
    except sqlite3.DatabaseError:
        pass  # damaged books: their companion files are set aside with them below


def _aside_path(folder: DataFolder, db_path: Path, now: dt.datetime) -> Path:
    base = db_path.name + f".before-restore-{now:%Y%m%d-%H%M%S}"
    aside, counter = folder.path / base, 1
    while aside.exists():
        aside, counter = folder.path / f"{base}-{counter}", counter + 1
    return aside


def _keep_old(db_path: Path, aside: Path) -> None:
    """Give the old books a second name (hard link, else a synced copy); the first stays."""
    try:
        os.link(db_path, aside)
    except OSError:
        tmp = aside.with_name(aside.name + ".part")
        shutil.copyfile(db_path, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, aside)
    fsync_dir(aside.parent)


def _set_wal_aside(db_path: Path, aside: Path) -> None:
    for suffix in ("-wal", "-journal"):
        current = _sibling(db_path, suffix)
        if current.exists():
            os.replace(current, _sibling(aside, suffix))
    with contextlib.suppress(FileNotFoundError):
        _sibling(db_path, "-shm").unlink()  # only an index of the -wal; rebuilt when needed
    fsync_dir(db_path.parent)


def _write_marker(folder: DataFolder, record: dict[str, str]) -> None:
    with atomic_write(marker_path(folder)) as fh:
        fh.write(json.dumps(record, ensure_ascii=False).encode("utf-8"))


def restore_books(folder: DataFolder, source: Path, now: dt.datetime,
                  confirmation: str = "", target: RestoreTarget = DESK) -> RestoreResult:
    """Check ``source`` and put it in place of the folder's books, keeping the old ones aside.

    The caller holds the folder lock and has closed its own connection to the database.
    ``confirmation`` is what the user typed when the backup belongs to another center; without
    the exact phrase such a backup raises ``OtherCenter``.
    """
    source = Path(source)
    db_path = target.db_path(folder)
    if not source.is_file():
        raise DeskError(f"找不到备份文件：{source}")
    if is_live_database(folder, source, target):
        raise DeskError("所选文件就是正在使用的数据库本身，不能用它恢复自己。请选择备份文件夹中的备份。")
    folder.ensure()
    finish_interrupted(folder, target)
    staging = folder.path / f".{db_path.name}.restore-{now:%Y%m%d-%H%M%S}.part"
    aside = _aside_path(folder, db_path, now)
    try:
        _stage(source, staging)
        _step("staged")
        verdict = check_backup(staging, target)
        if not verdict.ok:
            raise DeskError("备份文件未通过检查，不能恢复：" + "；".join(verdict.problems[:3]))
        books_key, books_label = folder_identity(db_path, target)
        if books_key and verdict.center != books_key:
            wrong = OtherCenter(verdict.center_label or target.no_identity, books_label)
            if confirmation.strip() != wrong.phrase:
                raise wrong
        _step("checked")
        _close_books(db_path)
        _step("books_closed")
        had_books = db_path.exists()
        _write_marker(folder, {"staging": staging.name, "aside": aside.name if had_books else "",
                               "database": db_path.name,
                               "source": str(source), "started_at": f"{now:%Y-%m-%d %H:%M:%S}"})
    except BaseException:
        if not marker_path(folder).exists():  # with the marker, the next start settles it
            with contextlib.suppress(OSError):
                staging.unlink()
        raise
    fsync_dir(folder.path)
    _step("marker_written")
    try:
        if had_books:
            _keep_old(db_path, aside)
            _step("old_kept")
            _set_wal_aside(db_path, aside)
            _step("wal_set_aside")
        os.replace(staging, db_path)
    except Exception:
        if not staging.exists():  # the swap happened: the next start finishes it
            raise
        log.exception("restore failed before the swap; rolled back")
        _roll_back(folder, _read_marker(folder), db_path)
        raise DeskError("恢复未完成，账本保持恢复前的状态（详情已记入日志）") from None
    fsync_dir(folder.path)
    _step("swapped")
    marker_path(folder).unlink()
    fsync_dir(folder.path)
    _step("done")
    return RestoreResult(source, aside if had_books else None)


def _read_marker(folder: DataFolder) -> dict[str, str]:
    try:
        return json.loads(marker_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _roll_back(folder: DataFolder, record: dict[str, str], db_path: Path) -> None:
    """Undo a restore that did not reach its swap: the old books are still under their name.

    The marker goes before the staged copy, so "marker without staged copy" always means the
    swap happened, even if this is itself interrupted.
    """
    aside = folder.path / record["aside"] if record.get("aside") else None
    if aside is not None:
        for suffix in ("-wal", "-journal"):
            kept, live = _sibling(aside, suffix), _sibling(db_path, suffix)
            if kept.exists() and not live.exists():
                os.replace(kept, live)
        with contextlib.suppress(OSError):
            if aside.exists() and db_path.exists() and os.path.samefile(aside, db_path):
                aside.unlink()  # only a second name of the live books
    with contextlib.suppress(FileNotFoundError):
        marker_path(folder).unlink()
    fsync_dir(folder.path)
    if record.get("staging"):
        with contextlib.suppress(FileNotFoundError):
            (folder.path / record["staging"]).unlink()


def finish_interrupted(folder: DataFolder, target: RestoreTarget = DESK) -> str | None:
    """Complete or undo a restore that was killed part-way; a Chinese sentence saying which.

    None when no restore was interrupted. Call under the folder lock, before opening the books.
    The marker names the database it was restoring (the target's file when it does not).
    """
    path = marker_path(folder)
    if not path.exists():
        return None
    record = _read_marker(folder)
    db_path = folder.path / Path(record.get("database") or target.db_name).name
    when = record.get("started_at", "")
    source = record.get("source", "")
    staging = folder.path / record["staging"] if record.get("staging") else None
    if staging is not None and staging.exists() and not db_path.exists():
        os.replace(staging, db_path)  # there were no books to go back to: finish
    elif staging is not None and staging.exists():
        _roll_back(folder, record, db_path)
        return (f"上次从备份恢复（{when}，备份文件：{source}）在完成前被中断。恢复没有完成，"
                "账本仍是恢复前的状态，没有丢失任何数据；如仍需恢复，请重新操作。")
    path.unlink()
    fsync_dir(folder.path)
    kept = f"恢复前的账本保留在：{folder.path / record['aside']}。" if record.get("aside") else ""
    return (f"上次从备份恢复（{when}，备份文件：{source}）在收尾时被中断。恢复已经完成，"
            f"当前账本来自该备份。{kept}")


def before_opening(folder: DataFolder, target: RestoreTarget = DESK) -> str | None:
    """What every start does under the folder lock before opening the books: settle an
    interrupted restore (its Chinese explanation is returned) and remove stale temporary files."""
    message = finish_interrupted(folder, target)
    clean_leftovers(folder)
    return message
