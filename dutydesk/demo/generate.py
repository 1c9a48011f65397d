"""The demo generator: a list of steps, each filling one part of the books.

Each feature adds its own step to ``STEPS`` (a dotted path to a function taking a ``DemoPlan``),
so this module stays small and every feature owns its demo data.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from dutydesk.desk import Desk
from dutydesk.domain.center import CenterProfile
from dutydesk.store.accounts.account import Account, create_account
from dutydesk.store.center import save_center

DEMO_CENTER = "青石村党群服务中心"
DEMO_CODE = "350425100201"  # 统计用区划代码 of the demo village


@dataclass
class DemoPlan:
    desk: Desk
    seed: int = 2026
    days: int = 120
    scale: float = 1.0
    progress: Callable[[str], None] = field(default=lambda message: None)
    cancelled: Callable[[], bool] = field(default=lambda: False)
    center: str = DEMO_CENTER  # ``dutydesk demo --center/--code``: several demo villages (issue 16)
    code: str = DEMO_CODE

    def rng(self, step: str) -> random.Random:
        """A random stream per step, so adding a step never changes another step's data."""
        return random.Random(f"{self.seed}:{step}")

    @property
    def start(self) -> dt.date:
        return self.desk.today() - dt.timedelta(days=self.days)


def center_step(plan: DemoPlan) -> None:
    desk = plan.desk
    # A time derived from the plan, not the wall clock, so the same seed gives the same books.
    now = dt.datetime.combine(plan.start, dt.time(8, 0))
    save_center(
        CenterProfile(
            name=plan.center,
            township="桃源镇",
            address="桃源镇青石村村部一楼",
            public_phone="0571-63281234",
            supervision_phone="0571-63285678",
            kind="village",
            division_code=plan.code,
        ),
        "演示", now,
    )
    for name, role in (("管理员", "admin"), ("王书记", "director"), ("李文书", "operator")):
        if not Account.select().where(Account.name == name).exists():
            create_account(name, role, "演示", now)
    desk.account = Account.get(Account.name == "管理员")


STEPS: list[str] = [
    "dutydesk.demo.generate:center_step",
    "dutydesk.demo.duty_demo:duty_step",
    "dutydesk.demo.meetings_demo:meetings_step",
    "dutydesk.demo.visits_demo:residents_step",
    "dutydesk.demo.visits_demo:visits_step",
    "dutydesk.demo.notice_demo:notice_step",
    "dutydesk.demo.grid_demo:grid_step",
    "dutydesk.demo.rule_books_demo:rule_books_step",
    "dutydesk.demo.messages_demo:messages_step",
    "dutydesk.demo.archive_demo:index_step",  # keep last: indexes what the steps above inserted
]


def _resolve(path: str) -> Callable[[DemoPlan], None]:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


class DemoCancelled(Exception):
    """The user stopped demo generation; the caller removes the half-filled demo books."""


def generate(plan: DemoPlan) -> None:
    """Run every step; each step manages its own transactions (big steps commit in batches)."""
    for path in STEPS:
        if plan.cancelled():
            raise DemoCancelled
        plan.progress(path.rpartition(":")[2])
        _resolve(path)(plan)
