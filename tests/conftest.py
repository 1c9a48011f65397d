"""Shared fixtures: a temporary data folder, a controllable clock, an open desk, a themed app."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from dutydesk.desk import Desk, open_desk
from dutydesk.domain.center import CenterProfile
from dutydesk.domain.clock import FixedClock
from dutydesk.store import features  # noqa: F401  (every feature registered, as opening the books does)
from dutydesk.store.accounts.account import create_account
from dutydesk.store.center import save_center
from dutydesk.store.datafolder import DataFolder

# Tuesday 24 November 2026, 09:00: a working day, after the morning sign-in cutoff.
DEFAULT_NOW = dt.datetime(2026, 11, 24, 9, 0)

TEST_CENTER = CenterProfile(
    name="青石村党群服务中心",
    township="桃源镇",
    address="桃源镇青石村村部一楼",
    public_phone="0571-63281234",
    supervision_phone="0571-63285678",
)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(DEFAULT_NOW)


@pytest.fixture
def folder(tmp_path) -> DataFolder:
    return DataFolder(tmp_path / "data")


@pytest.fixture
def desk(folder: DataFolder, clock: FixedClock) -> Iterator[Desk]:
    """An open desk on an empty, migrated database with a center and three accounts.

    The logged-in account is the administrator; ``desk.account = ...`` switches user.
    """
    desk = open_desk(folder, clock)
    now = clock.now()
    save_center(TEST_CENTER, "测试", now)
    desk.account = create_account("管理员", "admin", "测试", now)
    create_account("王书记", "director", "测试", now)
    create_account("李文书", "operator", "测试", now)
    yield desk
    desk.close()


@pytest.fixture
def app(qapp):
    """The QApplication with DutyDesk's theme and bundled CJK font, as users see it.

    Afterwards the widgets qtbot closed with ``deleteLater`` are really deleted: otherwise every
    window of every earlier test stays alive and slows the next one down.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    from dutydesk.ui.theme import apply_theme, set_font_size

    # Theme once per session: re-applying a style sheet re-polishes every live widget.
    # Tests that change the font size get it reset here.
    if not qapp.property("dutydesk_themed"):
        apply_theme(qapp, "normal")
        qapp.setProperty("dutydesk_themed", True)
    else:
        set_font_size(qapp, "normal")
    yield qapp
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def staged() -> Iterator[None]:
    """As at the app's start (issue 17): tabs and pages built on demand and in steps; workers still
    reading when the test ends finish before the books close."""
    from dutydesk.ui import lazy_tabs
    from dutydesk.ui.page_loader import wait_for_loads

    lazy_tabs.build_on_demand(True)
    try:
        yield
    finally:
        wait_for_loads()
        lazy_tabs.build_on_demand(False)
