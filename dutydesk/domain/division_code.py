"""统计用区划代码: the 12-digit statistical division code that names a center to the township.

Structure (国家统计局): 2 digits province, 2 city, 2 county, 3 township, 3 village. A part may be
zero-padded (a code that stops at the township level ends in 000), but once a part is zero every
later part is zero too, and the province is never 00.
"""

from __future__ import annotations

from dutydesk.domain.text_input import normalize_compact

LENGTH = 12
PARTS = (("省", 0, 2), ("市", 2, 4), ("县", 4, 6), ("乡镇", 6, 9), ("村", 9, 12))


class DivisionCodeError(ValueError):
    """Why a typed code is not a division code (Chinese, shown beside the field)."""


def parse_division_code(text: str) -> str:
    """The code in normal form (full-width digits and spaces taken), or DivisionCodeError."""
    code = normalize_compact(text or "").replace("-", "")
    if not code:
        raise DivisionCodeError("请填写统计用区划代码（12位数字）")
    if not code.isdigit() or not code.isascii():
        raise DivisionCodeError("统计用区划代码只能是数字")
    if len(code) != LENGTH:
        raise DivisionCodeError(f"统计用区划代码应为12位数字，现在是{len(code)}位")
    if code[:2] == "00":
        raise DivisionCodeError("统计用区划代码前两位（省级）不能为00")
    zero_seen = False
    for _label, start, end in PARTS:
        part = code[start:end]
        if int(part) == 0:
            zero_seen = True
        elif zero_seen:
            raise DivisionCodeError("统计用区划代码的层级不对：上一级为零时下一级也应为零")
    return code
