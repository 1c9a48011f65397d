"""Pinyin initials of a person's name, every reading of a polyphonic character included.

Staff find a person by typing the initials of the name as they say it. A character with several
readings (朝 zhao/chao, 行 xing/hang, 单 dan/shan/chan, 曾 zeng/ceng) is said differently by
different people, so every reading's initial is indexed: 朝阳 is found by ``zy`` and by ``cy``.
The first variant is the default reading (the surname table decides a surname's sound, pypinyin's
usual reading the rest); the others follow. A long name full of polyphonic characters would
multiply its variants, so they are capped (``MAX_VARIANTS``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations, product

MAX_VARIANTS = 16

# Surnames pypinyin reads with their common-word sound; staff type the surname sound.
SURNAME_INITIALS = {"单": "s", "曾": "z", "解": "x", "仇": "q", "区": "o", "朴": "p", "查": "z",
                    "盖": "g", "覃": "q", "尉": "y", "乐": "y", "召": "s", "繁": "p", "员": "y"}


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if "a" <= c <= "z")


@lru_cache(maxsize=20_000)
def char_initials(ch: str) -> tuple[str, ...]:
    """Every distinct initial of ``ch``, its usual reading first; a Latin letter is itself."""
    if "a" <= ch.lower() <= "z":
        return (ch.lower(),)
    from pypinyin import Style, lazy_pinyin, pinyin  # lazy: its phrase dictionary costs ~0.5 s

    default = _letters("".join(lazy_pinyin(ch, style=Style.FIRST_LETTER, errors="ignore")))
    readings = pinyin(ch, style=Style.FIRST_LETTER, heteronym=True, errors="ignore")
    found = [_letters(r) for group in readings for r in group]
    return tuple(dict.fromkeys(i for i in [default, *found] if i))


def initials_variants(name: str, cap: int = MAX_VARIANTS) -> list[str]:
    """The name's initials for every combination of readings, default first, at most ``cap``.

    Character by character (names are not phrases, and per-character results cache well: a
    village's names use a few hundred characters), with the surname read as a surname first.
    """
    name = name.strip()
    if not name:
        return []
    choices = [char_initials(ch) for ch in name]
    surname = SURNAME_INITIALS.get(name[0])
    if surname:
        choices[0] = tuple(dict.fromkeys([surname, *choices[0]]))
    choices = [c or ("",) for c in choices]  # a character without a reading adds nothing
    return _first_distinct(_combinations(choices), cap)


def _combinations(choices: list[tuple[str, ...]]) -> Iterator[str]:
    """Readings combined, fewest departures from the usual reading first: with the cap, every
    character's other readings are indexed before combinations of several of them."""
    defaults = [c[0] for c in choices]
    polyphonic = [i for i, c in enumerate(choices) if len(c) > 1]
    for count in range(len(polyphonic) + 1):
        for where in combinations(polyphonic, count):
            for picks in product(*(choices[i][1:] for i in where)):
                parts = list(defaults)
                for i, pick in zip(where, picks, strict=True):
                    parts[i] = pick
                yield "".join(parts)


def _first_distinct(variants: Iterator[str], cap: int) -> list[str]:
    seen: dict[str, None] = {}
    for variant in variants:
        seen.setdefault(variant)
        if len(seen) >= cap:
            break
    return list(seen)


def default_initials(name: str) -> str:
    """The initials of the usual reading: 张三 -> ``zs``, 单田芳 -> ``stf``."""
    variants = initials_variants(name, cap=1)
    return variants[0] if variants else ""
