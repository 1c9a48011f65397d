"""Template placeholders in the service catalogue (办事指南), such as "（请填写窗口电话）".

The default catalogue ships with blanks only the center can fill (the township window's phone).
Such text must never reach a resident on paper: the 办事指南目录 marks the items that still hold
one, and a notice or slip for such an item is refused with a message naming what to fill (N05).
"""

from __future__ import annotations

import re

from dutydesk.domain.catalogue import ServiceItem

# （请填写窗口电话）, (请填写…), 【请填写…】, ［待填写］ …
PLACEHOLDER = re.compile(r"[（(【［\[]\s*(?:请填写|待填写|请补充|待补充)([^）)】］\]]*)[）)】］\]]")


class UnfilledTemplate(ValueError):
    """A document that would print a template placeholder; the message says what to fill."""


def in_text(text: str) -> list[str]:
    """The placeholders in ``text`` as written, e.g. ['（请填写窗口电话）']."""
    return [m.group(0) for m in PLACEHOLDER.finditer(text or "")]


def _fields(item: ServiceItem) -> list[tuple[str, str]]:
    """(where, text) for every printed text of an item."""
    out = [("名称", item.name), ("分类", item.category), ("办理依据", item.basis), ("注意事项", item.notes),
           ("收费依据", item.fee.basis), ("办理单位", item.unit.name), ("办理单位地址", item.unit.address),
           ("办理单位电话", item.unit.phone)]
    out += [(f"办理条件第{i}条", c) for i, c in enumerate(item.conditions, 1)]
    out += [(f"办理流程第{i}步", s) for i, s in enumerate(item.steps, 1)]
    for material in item.materials:
        out += [(f"材料“{material.name}”", material.name), (f"材料“{material.name}”的说明", material.note)]
    return out


def unfilled(item: ServiceItem) -> list[str]:
    """Where the item still holds a placeholder, e.g. ['办理单位电话（请填写窗口电话）']."""
    return [f"{where}{found}" for where, text in _fields(item) for found in in_text(text)]


def unfilled_message(item: ServiceItem) -> str:
    """'' when the item is complete; else what to fill before anything is printed for it."""
    missing = unfilled(item)
    if not missing:
        return ""
    return (f"“{item.name}”的办事指南还有未填写的内容：{'、'.join(missing)}。"
            "请先在“一次性告知 → 办事指南目录”中填写并保存，再打印。")


def check_printable(item: ServiceItem) -> None:
    """Raise UnfilledTemplate before a form for ``item`` is printed with a placeholder on it."""
    message = unfilled_message(item)
    if message:
        raise UnfilledTemplate(message)
