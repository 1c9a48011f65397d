"""The public service guide for the wall (N08): what must be filled before it may be printed.

The shipped catalogue is a template with blanks such as （请填写窗口电话）; a guide posted on the
wall with such a blank tells the public nothing, so printing is refused naming the item.
"""

from __future__ import annotations

import re

from dutydesk.domain.catalogue import ServiceItem

PLACEHOLDER = re.compile(r"[（(]\s*请填写[^）)]*[）)]")


def placeholders_in(item: ServiceItem) -> list[str]:
    """The template blanks left in ``item`` (e.g. ``（请填写窗口电话）``), in the order found."""
    found: list[str] = []
    for text in _texts(item):
        found += [m.group(0) for m in PLACEHOLDER.finditer(text) if m.group(0) not in found]
    return found


def unfilled(items: list[ServiceItem]) -> str:
    """N08: a Chinese refusal naming the items with blanks left, or '' when all are filled."""
    bad = [(i, placeholders_in(i)) for i in items]
    bad = [(i, p) for i, p in bad if p]
    if not bad:
        return ""
    names = "；".join(f"“{i.name}”（{i.code}）的{'、'.join(p)}" for i, p in bad[:5])
    more = f"等{len(bad)}个事项" if len(bad) > 5 else ""
    return f"办事指南中还有未填写的内容：{names}{more}。请先在办事指南目录中补充后再打印"


def _texts(item: ServiceItem) -> list[str]:
    texts = [item.name, item.category, item.basis, item.notes, item.unit.name, item.unit.address, item.unit.phone,
             item.fee.basis, *item.conditions, *item.steps]
    for m in item.materials:
        texts += [m.name, m.note]
    return texts
