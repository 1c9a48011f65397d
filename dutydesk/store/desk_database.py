"""The desk's SQLite database: writers wait for each other, and faults are said plainly.

Two programs may write the same books (the GUI and a CLI command, or two windows on a shared
folder). SQLite lets one write at a time. With a plain ``BEGIN`` a transaction starts as a
reader and upgrades when it first writes; if another connection wrote meanwhile the upgrade
fails at once with "database is locked", whatever the busy timeout. So every transaction here
starts with ``BEGIN IMMEDIATE`` (the write lock is taken up front, and waiting for it honours
the busy timeout), and a ``BEGIN`` or an autocommit statement that still finds the file busy is
retried with growing, jittered pauses for up to ``RETRY_SECONDS``. Only then does the user hear
of it, as a ``BooksBusy`` message, never as "database is locked".

When SQLite hits a full disk it rolls the transaction back by itself; peewee's own ``ROLLBACK``
then fails with "cannot rollback - no transaction is active" and hides the real cause. Here a
rollback of a transaction SQLite already ended is skipped, and SQLite's fault is raised as a
``store.faults.DatabaseFault`` with a Chinese message.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any, TypeVar

from peewee import OperationalError, SqliteDatabase

from dutydesk.store.faults import database_fault, is_busy

BUSY_TIMEOUT_MS = 5000  # SQLite's own wait for the lock, per attempt
RETRY_SECONDS = 30.0  # then retried with backoff for this long in all
FIRST_PAUSE = 0.02
LONGEST_PAUSE = 1.0

T = TypeVar("T")


class DeskDatabase(SqliteDatabase):
    """A ``SqliteDatabase`` whose transactions are ``BEGIN IMMEDIATE`` and wait their turn."""

    def __init__(self, path: str, pragmas: dict[str, Any]) -> None:
        super().__init__(path, pragmas=pragmas, lock_type="IMMEDIATE", timeout=BUSY_TIMEOUT_MS / 1000)

    # -- waiting for the other writer -------------------------------------------------------
    def _patiently(self, attempt: Callable[[], T]) -> T:
        pause = FIRST_PAUSE
        give_up = time.monotonic() + RETRY_SECONDS
        while True:
            try:
                return attempt()
            except OperationalError as exc:
                if not is_busy(exc) or time.monotonic() + pause > give_up:
                    self._raise_fault(exc)
                    raise
                time.sleep(pause * random.uniform(0.5, 1.5))
                pause = min(pause * 2, LONGEST_PAUSE)

    def _raise_fault(self, exc: OperationalError) -> None:
        """Raise SQLite's fault as a Chinese DatabaseFault; return if it is no fault of the machine."""
        fault = database_fault(exc, self.database)
        if fault is not None:
            raise fault from exc

    def begin(self, lock_type: str | None = None) -> None:
        self._patiently(lambda: super(DeskDatabase, self).begin(lock_type))

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if self.transaction_depth() == 0 and not self._sqlite_in_transaction():
            # autocommit: nothing of ours is held, so trying again is safe
            return self._patiently(lambda: super(DeskDatabase, self).execute_sql(sql, params))
        if sql.startswith("ROLLBACK TO SAVEPOINT") and not self._sqlite_in_transaction():
            return None  # SQLite already rolled the whole transaction back (disk full, I/O error)
        try:
            return super().execute_sql(sql, params)
        except OperationalError as exc:
            self._raise_fault(exc)
            raise

    def commit(self) -> None:
        try:
            super().commit()
        except OperationalError as exc:
            self._raise_fault(exc)
            raise

    def rollback(self) -> None:
        if not self.is_closed() and not self._sqlite_in_transaction():
            return  # already rolled back by SQLite itself: the original error is what counts
        super().rollback()

    def _sqlite_in_transaction(self) -> bool:
        return not self.is_closed() and self.connection().in_transaction
