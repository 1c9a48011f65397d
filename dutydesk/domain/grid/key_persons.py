"""Key-person tags on a household (G02) and which of them mark a household in difficulty (G04).

The list is a setting: villages track different groups. The default follows seed 002's list of
households to pair with (孤寡老人、留守儿童、残疾人、病灾户、低保户、信访重点户).
"""

from __future__ import annotations

from collections.abc import Iterable

from dutydesk.domain.settings import declare

DEFAULT_TAGS = ["孤寡老人", "留守儿童", "残疾人", "大病", "受灾", "低保户", "信访户", "五保户", "退役军人"]
DEFAULT_DIFFICULTY = ["孤寡老人", "留守儿童", "残疾人", "大病", "受灾", "低保户", "信访户", "五保户"]

KEY_PERSON_TAGS = declare("grid.key_person_tags", DEFAULT_TAGS, "重点人员标签", "G02")
DIFFICULTY_TAGS = declare("grid.difficulty_tags", DEFAULT_DIFFICULTY, "属于生活困难群众的标签（结对帮扶对象）", "G04")


def split_tags(text: str) -> list[str]:
    """Tags as typed or stored: separated by commas, 、 or spaces; each kept once, in order."""
    for sep in ("，", "、", " ", "\u3000", ";", "；"):
        text = text.replace(sep, ",")
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


def in_difficulty(tags: Iterable[str], difficulty: Iterable[str]) -> bool:
    """G04: a household with any difficulty tag may be paired for assistance."""
    return bool(set(tags) & set(difficulty))
