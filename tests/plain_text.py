"""What users must never read: internal codes, English status values, DOMAIN rule IDs, template
blanks. Shared by the screen walk and the paper checks (issue 13)."""

from __future__ import annotations

import re

from dutydesk.domain.labels import all_codes
from dutydesk.domain.placeholders import in_text

ENGLISH_VALUES = {"None", "True", "False", "null", "open", "closed", "status", "state", "outcome", "kind"}
CODE = re.compile(r"(?<![A-Za-z_])(" + "|".join(sorted(map(re.escape, all_codes() | ENGLISH_VALUES),
                                                        key=len, reverse=True)) + r")(?![A-Za-z_])")
RULE_ID = re.compile(r"(?<![A-Za-z0-9#])[DVNPAG]\d{2}(?![0-9A-Za-z])")


def problems(text: str) -> list[str]:
    """Every forbidden thing found in ``text`` (empty: fine for a user to read)."""
    found = [f"代码“{m.group(1)}”" for m in CODE.finditer(text)]
    found += [f"条款号“{m.group(0)}”" for m in RULE_ID.finditer(text)]
    found += [f"模板空白“{p}”" for p in in_text(text)]
    return found


def offending(texts, where: str = "") -> list[str]:
    """Lines of ``texts`` with problems, for an assertion message."""
    out = []
    for text in texts:
        for line in str(text).splitlines():
            bad = problems(line)
            if bad:
                out.append(f"{where}{'、'.join(bad)}：{line[:120]}")
    return sorted(set(out))
