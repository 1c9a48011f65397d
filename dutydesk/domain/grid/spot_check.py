"""Monthly spot checks of how well each cadre knows their area (G06, seed 001 第九条).

Each month the desk draws a few households at random from each cadre's area and asks the cadre
four questions about each: who is the head, how many members, which key-person tags, when it was
last visited. The answers are scored against the desk's own records; the share right is the
cadre's 知晓率, which seed 001 第四条 wants at 100%. Pure rules: drawing and scoring only.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from dutydesk.domain.settings import declare

SAMPLE_SIZE = declare("grid.spot_check_households", 3, "每月抽查每名干部的户数", "G06")
TARGET = declare("grid.spot_check_target", 1.0, "包片知晓率要求（1 即 100%）", "G06")
VISIT_DAYS = declare("grid.spot_check_visit_days", 7, "“最近走访日期”相差几天内算答对", "G06")

QUESTIONS = ("户主", "家庭人口", "重点人员", "最近走访")
RED_FLAG = "红旗台"  # every answer right
EXPOSED = "曝光台"  # below the target
PASSED = "达标"


def draw(candidates: Sequence[str], size: int, seed: int, salt: str = "") -> list[str]:
    """``size`` codes drawn from ``candidates`` with a recorded seed: the same seed, salt and
    candidates always give the same draw, so anyone can check it was not picked by hand."""
    pool = sorted(set(candidates))
    rng = random.Random(f"{seed}:{salt}")
    return sorted(rng.sample(pool, min(size, len(pool))))


def new_seed() -> int:
    """A fresh seed for a draw (recorded with it)."""
    return random.SystemRandom().randrange(1, 10**9)


@dataclass(frozen=True)
class Facts:
    """What the desk's records say about a household (or what the cadre answered)."""

    head: str
    members: int | None
    tags: frozenset[str]
    last_visit: dt.date | None  # None: never visited


def score(expected: Facts, answer: Facts, visit_days: int) -> tuple[bool, bool, bool, bool]:
    """Right or wrong for each of ``QUESTIONS``."""
    head = "".join(answer.head.split()) == "".join(expected.head.split()) and bool(expected.head)
    members = answer.members is not None and answer.members == expected.members
    tags = answer.tags == expected.tags
    if expected.last_visit is None or answer.last_visit is None:
        visit = expected.last_visit is None and answer.last_visit is None
    else:
        visit = abs((answer.last_visit - expected.last_visit).days) <= visit_days
    return head, members, tags, visit


def rating(right: int, asked: int, target: float) -> str:
    """红旗台 when everything was known, 曝光台 below the target, else 达标 (seed 001 第九条)."""
    if asked and right == asked:
        return RED_FLAG
    if not asked or right / asked < target:
        return EXPOSED
    return PASSED
