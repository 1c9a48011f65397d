"""Which quota a cadre works to (G03, G04), from their staff role and the center's kind.

Seed 002 speaks of 村主干 (the secretary and the director: main cadres) and 其他村干部; seed 004 of
township cadres stationed in a village (选派干部 on this desk); seed 001 of community cadres
(every cadre of a 社区 center). Assistants and volunteers own no area and have no visit quota.
"""

from __future__ import annotations

from dutydesk.domain.staff import ASSISTANT_ROLES, LEADER_ROLES

MAIN = "main"
OTHER = "other"
TOWNSHIP = "township"
CADRE_KINDS = {MAIN: "村主干", OTHER: "其他村干部", TOWNSHIP: "驻村镇干部"}
TOWNSHIP_ROLES = frozenset({"选派干部"})
NOT_CADRES = frozenset(ASSISTANT_ROLES | {"党员志愿者"})


def is_cadre(role: str) -> bool:
    """G03: who visits households on a quota (assistants and volunteers do not)."""
    return role not in NOT_CADRES


def cadre_kind(role: str) -> str:
    """G03: main cadres (书记, 主任), township cadres stationed here (选派干部), other cadres."""
    if role in LEADER_ROLES:
        return MAIN
    if role in TOWNSHIP_ROLES:
        return TOWNSHIP
    return OTHER
