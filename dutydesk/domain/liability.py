"""Who answers for an absence besides the absent person, and how repeated findings are counted (D14).

Seed 000: "书记、主任或副书记发现一次，处罚200元……并追究书记、主任或副书记连带责任，一并处罚100元；
连续发现3次以上的村（社区），书记、主任到街道党工委进行诫勉谈话；协管员被连续发现3次以上，劝其辞职".
Which roles bear joint liability, which go for the admonition talk, and whether "3 times" counts
consecutive findings or the half-year's total are settings; the defaults follow the seed.

"Consecutive" is read from the desk's own books: each session a person held or should have held is
a check on them, so a session they held breaks their run and an absence (or an inspection finding
or verified complaint) extends it. The village's run is the same over every session of the desk:
a session everyone on it held breaks the run, a session with any absence or finding extends it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from dutydesk.domain.settings import declare

JOINT_LIABILITY_ROLES = declare(
    "duty.joint_liability_roles", ["书记", "主任", "副书记"], "承担连带责任的职务（他人缺勤时一并处罚）", "D14")
ADMONITION_ROLES = declare(
    "duty.admonition_roles", ["书记", "主任"], "本村连续被查实达到次数时诫勉谈话的职务", "D14")
CONSECUTIVE = "consecutive"
HALF_YEAR = "half_year"
COUNT_MODES = {CONSECUTIVE: "连续查实次数", HALF_YEAR: "半年累计次数"}
FINDING_COUNT_MODE = declare(
    "duty.finding_count_mode", CONSECUTIVE, "诫勉谈话、劝辞按连续查实次数还是半年累计次数计", "D14")

ADMONITION = "诫勉谈话"
ADVISED_TO_RESIGN = "劝辞"


# Only __init__ (issue 17: less to compile at start): never compared or printed, made per session and
# only read (``consecutive_findings``), so not frozen either.
@dataclass(eq=False, repr=False)
class Check:
    """One check on one person: a session they held or missed, or an inspection finding."""

    at: dt.datetime
    staff_id: int
    found: bool  # True: absent or found off post; False: the session was held


def _runs(checks: list[tuple[dt.datetime, bool]], since: dt.datetime) -> int:
    """The longest run of consecutive findings that reached ``since`` or later."""
    run = best = 0
    for at, found in checks:
        run = run + 1 if found else 0
        if at >= since:
            best = max(best, run)
    return best


def consecutive_findings(checks: Iterable[Check], since: dt.datetime) -> tuple[dict[int, int], int]:
    """D14: per person, and for the whole village, the longest run of consecutive findings that
    reached ``since`` or later (a run begun earlier still counts; one that ended earlier does not).

    Checks at the same moment are one check for the village, found if anyone was found.
    """
    ordered = sorted(checks, key=lambda c: (c.at, c.staff_id))
    per_person: dict[int, list[tuple[dt.datetime, bool]]] = {}
    village: dict[dt.datetime, bool] = {}
    for c in ordered:
        per_person.setdefault(c.staff_id, []).append((c.at, c.found))
        village[c.at] = village.get(c.at, False) or c.found
    people = {staff_id: _runs(rows, since) for staff_id, rows in per_person.items()}
    return people, _runs(sorted(village.items()), since)


def flag_for(role: str, own_count: int, village_count: int, threshold: int,
             admonition_roles: Iterable[str], assistant_roles: Iterable[str]) -> str:
    """D14: an assistant found ``threshold`` times is advised to resign; anyone else found that
    often, and the admonition roles of a village found that often, go for an admonition talk."""
    if own_count >= threshold:
        return ADVISED_TO_RESIGN if role in set(assistant_roles) else ADMONITION
    if role in set(admonition_roles) and village_count >= threshold:
        return ADMONITION
    return ""
