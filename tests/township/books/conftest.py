"""The township's books on both engines (issue 16 point 8), and villages' hand-offs to import.

``engine`` runs every test here on SQLite and on PostgreSQL. The PostgreSQL variant needs a
server: ``DUTYDESK_TEST_POSTGRES=postgresql://user@host:port/db`` (``.ci/run`` starts one); each
test gets a database of its own there, dropped afterwards. Without the variable the variant is
skipped on a developer's machine, but FAILS in CI (``CI=true``): CI must test both engines.

``hand_offs`` (built once per session) are three demo villages with distinct division codes that
handed off October, November and December 2026, a correction to an October visit made after
October's hand-off, a proxy case in November, and a stranger's bundle under the first village's code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dutydesk.desk import open_desk
from dutydesk.domain.clock import FixedClock
from dutydesk.reports.ledgers.registry import Period
from dutydesk.store.accounts.account import create_account
from dutydesk.store.center import save_center
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.visits.visit import correct_visit, register_visit
from dutydesk.township.bundle import FOLDER, remember_bundle, write_bundle
from dutydesk.township.township_folder import init_township
from tests.conftest import TEST_CENTER
from tests.store.conftest import draft

ENV = "DUTYDESK_TEST_POSTGRES"
TOWNSHIP_CODE = "350425100000"
VILLAGES = {"350425100201": "青石村党群服务中心", "350425100202": "柳溪村党群服务中心",
            "350425100203": "桃花村党群服务中心"}
A, B, C = VILLAGES
MONTHS = ("2026-10", "2026-11", "2026-12")
CORRECTED = "已办结并电话回访"


def _server_url(base: str, name: str) -> str:
    parts = urllib.parse.urlsplit(base)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request) -> Iterator[str | None]:
    """None for SQLite (the folder's file), else the URL of a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield None
        return
    base = os.environ.get(ENV)
    if not base:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must run the township tests on PostgreSQL: set {ENV} (.ci/run starts a server)")
        pytest.skip(f"{ENV} not set: the PostgreSQL variant needs a server")
    import psycopg2
    from playhouse.db_url import parse

    name = f"dutydesk_t_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(**parse(base))
    admin.autocommit = True
    try:
        admin.cursor().execute(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0")
        yield _server_url(base, name)
        admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    finally:
        admin.close()


@pytest.fixture
def township_clock() -> FixedClock:
    return FixedClock(dt.datetime(2027, 1, 5, 10, 0))


@pytest.fixture
def township(tmp_path, engine, township_clock, hand_offs):
    """The township's books, opened after the villages' desks (they share the store's one proxy)."""
    books = init_township(DataFolder(tmp_path / "township"), "桃源镇", TOWNSHIP_CODE, engine, township_clock)
    yield books
    books.close()


@dataclass
class HandOffs:
    bundles: dict[tuple[str, str], Path] = field(default_factory=dict)  # (code, month) → bundle folder
    root: Path = Path()
    slip: str = ""  # a proxy case of the first village, in November's bundle
    october_visit: dict[str, int] = field(default_factory=dict)  # code → the corrected visit's id
    visits: dict[tuple[str, str], int] = field(default_factory=dict)  # (code, month) → visits in the books
    foreign: Path = Path()  # a bundle under A's code signed by another key

    def of(self, *keys: tuple[str, str]) -> list[Path]:
        return [self.bundles[k] for k in keys]


def _visit(desk, at: dt.datetime, **changes):
    return register_visit(draft(received_at=at, **changes), desk.who, at, desk.calendar())


def _hand_off(desk, clock, root: Path, code: str, month: str, at: dt.datetime, stick: str = "stick") -> Path:
    clock.set(at)
    target = root / stick / code / month / FOLDER
    remember_bundle(desk, write_bundle(desk, target, Period.month(int(month[:4]), int(month[5:]))))
    return target


def _village(root: Path, number: int, code: str, name: str, made: HandOffs, proxy: bool) -> None:
    from tests.notice_helpers import new_case, seed

    clock = FixedClock(dt.datetime(2026, 10, 1, 9, 0))
    desk = open_desk(DataFolder(root / f"village{number}"), clock)
    try:
        save_center(dataclasses.replace(TEST_CENTER, name=name, division_code=code), "测试", clock.now())
        desk.account = create_account("管理员", "admin", "测试", clock.now())
        october = [_visit(desk, dt.datetime(2026, 10, 12 + i, 9, 0)) for i in range(number)]
        made.bundles[(code, "2026-10")] = _hand_off(desk, clock, root, code, "2026-10", dt.datetime(2026, 11, 2, 9))
        clock.set(dt.datetime(2026, 11, 3, 9, 0))
        correct_visit(october[0], desk.who, clock.now(), "结果填错", result=CORRECTED)
        made.october_visit[code] = october[0].id
        for i in range(number + 1):
            _visit(desk, dt.datetime(2026, 11, 5 + i, 9, 0))
        if proxy:
            seed(desk)
            made.slip = new_case(desk, at=dt.datetime(2026, 11, 6, 10, 0)).slip_no
        made.bundles[(code, "2026-11")] = _hand_off(desk, clock, root, code, "2026-11", dt.datetime(2026, 12, 1, 9))
        _visit(desk, dt.datetime(2026, 12, 3, 9, 0))
        made.bundles[(code, "2026-12")] = _hand_off(desk, clock, root, code, "2026-12", dt.datetime(2027, 1, 2, 9))
        made.visits.update({(code, "2026-10"): number, (code, "2026-11"): number + 1, (code, "2026-12"): 1})
        if proxy:  # October handed off again after the township returned it (on another stick)
            made.bundles[(code, "2026-10 again")] = _hand_off(desk, clock, root, code, "2026-10",
                                                              dt.datetime(2027, 1, 6, 9), stick="again")
    finally:
        desk.close()


@pytest.fixture(scope="session")
def hand_offs(tmp_path_factory) -> HandOffs:
    root = tmp_path_factory.mktemp("villages")
    made = HandOffs(root=root)
    for number, (code, name) in enumerate(VILLAGES.items(), start=1):
        _village(root, number, code, name, made, proxy=number == 1)
    stranger = HandOffs()
    _village(root / "stranger", 1, A, VILLAGES[A], stranger, proxy=False)
    made.foreign = stranger.bundles[(A, "2026-10")]
    return made
