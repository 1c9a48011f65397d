"""Opening the books: check the file, connect, migrate."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from dutydesk.store.backup import latest_good_backup
from dutydesk.store.base import connect
from dutydesk.store.datafolder import DataFolder, DeskError
from dutydesk.store.integrity import quick_check
from dutydesk.store.integrity_schedule import begin_session, check_at_start
from dutydesk.store.migrations import SchemaError, migrate


class DamagedDatabase(DeskError):
    def __init__(self, folder: DataFolder, problems: list[str], backup: Path | None) -> None:
        super().__init__("数据库文件损坏：" + "；".join(problems[:3]))
        self.folder = folder
        self.problems = problems
        self.backup = backup


def open_books(folder: DataFolder, full_check: bool = False) -> SqliteDatabase:
    """Open (creating if needed) and migrate the folder's database.

    Raises DamagedDatabase, with the latest good backup if there is one, instead of letting a
    damaged file crash the app later.
    """
    folder.ensure()
    # The full quick_check only after an unclean end, otherwise in background before the first
    # write (store.integrity_schedule); ``full_check=True`` runs it here whatever happened.
    problems = quick_check(folder.db_path) if full_check else check_at_start(folder)
    if problems:
        raise DamagedDatabase(folder, problems, latest_good_backup(folder))
    db = connect(folder.db_path)
    try:
        migrate(db)
    except SchemaError as exc:
        db.close()
        raise DeskError(str(exc)) from None
    begin_session(folder)
    return db
