"""The open desk: data folder, database, clock and the logged-in account, passed to every layer.

One small object instead of globals keeps tests honest: a test builds a Desk on a temporary
folder with a FixedClock and drives the real code through it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import SqliteDatabase

from dutydesk.domain.clock import Clock, SystemClock
from dutydesk.domain.workday_calendar import WorkdayCalendar
from dutydesk.store.accounts.account import Account, first_admin
from dutydesk.store.calendar_days import load_calendar
from dutydesk.store.center import load_center
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.feature_loading import load_features
from dutydesk.store.integrity_schedule import end_session
from dutydesk.store.opening import open_books


@dataclass(eq=False, repr=False)  # never compared or printed: less to compile at start (issue 17)
class Desk:
    """The open books of one center: its data folder, database, clock and the account at the desk."""
    folder: DataFolder
    db: SqliteDatabase
    clock: Clock = field(default_factory=SystemClock)
    account: Account | None = None

    @property
    def who(self) -> str:
        """The name written into audit entries and records for the current account."""
        return self.account.name if self.account else "系统"

    def now(self) -> dt.datetime:
        return self.clock.now()

    def today(self) -> dt.date:
        return self.clock.today()

    def calendar(self) -> WorkdayCalendar:
        """The working-day calendar, official days overlaid by what the center entered."""
        return load_calendar()

    def center_name(self) -> str:
        profile = load_center()
        return profile.name if profile else ""

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()
            end_session(self.folder)  # a clean end: the next start may skip the full check


def open_desk(folder: DataFolder, clock: Clock | None = None, features: bool = True) -> Desk:
    """Open the folder's books; ``features=False`` leaves importing every feature's store modules
    to the first read of their registries (``store.feature_loading``: the window's start)."""
    if features:
        load_features()  # every feature's models, settings and feeds registered
    db = open_books(folder)
    desk = Desk(folder, db, clock or SystemClock())
    desk.account = first_admin()
    return desk
