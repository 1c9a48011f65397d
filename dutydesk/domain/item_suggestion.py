"""Which service item a visit most likely asks for (N01, P01, P02): the checklist opens on it.

A 代办 registered at the desk goes straight to the checklist; the staff should not have to search
the catalogue again for what the person just said. The request is read three ways: the Chinese
words of the item's name (养老保险), the everyday names residents use (低保 for 最低生活保障,
新农合 for the medical insurance, P01), and pinyin typed in a hurry, initials or whole syllables
mixed (``ylbx``, ``dbao``). The visit's category narrows the choice (a 代办 request suggests an
item handled by 代办). Only a suggestion: the staff can always pick another item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dutydesk.domain.catalogue import ServiceItem

# Everyday names residents use -> words of the catalogue item's name (P01 lists several of them).
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "低保": ("最低生活保障",),
    "新农合": ("基本医疗保险",),
    "合作医疗": ("基本医疗保险",),
    "医保": ("医疗保险", "医保"),
    "新农保": ("养老保险",),
    "社保": ("养老保险",),
    "养老金": ("养老保险待遇",),
    "准生证": ("生育登记",),
    "生育证": ("生育登记",),
    "独生子女证": ("独生子女",),
    "计生奖励": ("计划生育家庭奖励",),
    "宅基地": ("建房",),
    "盖房": ("建房",),
    "建房": ("建房",),
    "砍树": ("采伐",),
    "伐木": ("采伐",),
    "迁户口": ("户口迁移",),
    "落户": ("户口迁移",),
    "身份证": ("居民身份证",),
    "残疾证": ("残疾人证",),
    "慢病": ("慢特病",),
    "党组织关系": ("组织关系",),
    "地力补贴": ("耕地地力保护补贴",),
    "种粮补贴": ("耕地地力保护补贴",),
}

# The visit's 事项类别 -> the catalogue kinds (or item categories) it points to.
CATEGORY_KINDS: dict[str, tuple[str, ...]] = {
    "代办": ("代办",),
    "政策咨询": ("咨询",),
    "求助": ("社会救助", "公益联系"),
}

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_LATIN = re.compile(r"[a-z]+")
PINYIN_SCORE = 10  # a pinyin match is deliberate typing: it outweighs a few shared characters


def _syllables(text: str) -> list[str]:
    from pypinyin import lazy_pinyin  # lazy: its phrase dictionary costs ~0.5 s at start

    return [s for s in lazy_pinyin("".join(_HAN.findall(text))) if s.isalpha()]


def pinyin_matches(typed: str, syllables: list[str]) -> bool:
    """``typed`` spells a run of consecutive syllables, each by its initial up to the whole syllable.

    ``dbao`` spells 低保 (d-i, bao), ``ylbx`` 养老保险, ``yanglbx`` too.
    """

    def spell(pos: int, start: int) -> bool:
        if pos == len(typed):
            return True
        if start == len(syllables):
            return False
        syllable = syllables[start]
        for length in range(min(len(syllable), len(typed) - pos), 0, -1):
            if syllable.startswith(typed[pos:pos + length]) and spell(pos + length, start + 1):
                return True
        return False

    return any(spell(0, start) for start in range(len(syllables)))


def _bigrams(text: str) -> set[str]:
    return {run[i:i + 2] for run in _HAN.findall(text) for i in range(len(run) - 1)}


def _words_of(item: ServiceItem) -> list[str]:
    """The item's name and the everyday names pointing into it."""
    return [item.name, *(common for common, words in COMMON_NAMES.items() if any(w in item.name for w in words))]


def score(item: ServiceItem, request: str) -> int:
    """How strongly ``request`` names ``item`` (0: not at all)."""
    text = request.lower()
    expanded = text + " " + " ".join(" ".join(words) for common, words in COMMON_NAMES.items() if common in text)
    points = len(_bigrams(expanded) & _bigrams(item.name))
    typed = [t for t in _LATIN.findall(text) if len(t) >= 2]
    for token in typed:
        if any(pinyin_matches(token, _syllables(words)) for words in _words_of(item)):
            points += PINYIN_SCORE + len(token)
    return points


def fits_category(item: ServiceItem, category: str) -> bool:
    wanted = CATEGORY_KINDS.get(category)
    return wanted is None or item.kind in wanted or item.category in wanted


def suggest_item(items: Iterable[ServiceItem], category: str, request: str) -> ServiceItem | None:
    """N01/P02: the item the request most likely names, preferring items of the visit's category.

    Ties keep the catalogue's order; nothing named at all gives None (the staff search instead).
    """
    best: tuple[int, int] = (0, 0)
    found: ServiceItem | None = None
    for item in items:
        points = score(item, request)
        if points <= 0:
            continue
        rank = (int(fits_category(item, category)), points)
        if rank > best:
            best, found = rank, item
    return found
