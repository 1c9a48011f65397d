"""The peewee database handle and the base model every table derives from."""

from __future__ import annotations

from pathlib import Path

from peewee import DatabaseProxy, Model, SqliteDatabase

from dutydesk.store.desk_database import BUSY_TIMEOUT_MS, DeskDatabase

database = DatabaseProxy()

# WAL keeps readers going while the desk writes; synchronous=FULL makes a committed visit survive
# a power cut; the busy timeout lets the CLI and the GUI briefly share the file.
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    "cache_size": -16000,  # 16 MB
}


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


def connect(path: Path) -> SqliteDatabase:
    """Open the SQLite file and bind every model to it (writers wait their turn: DeskDatabase)."""
    db = DeskDatabase(str(path), pragmas=PRAGMAS)
    db.connect(reuse_if_open=True)
    database.initialize(db)
    return db
