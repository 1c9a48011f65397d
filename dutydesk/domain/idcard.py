"""Resident ID numbers (居民身份证号码) per GB 11643-1999.

Front-desk staff type IDs by hand, so the check digit catches most typos before a record
is saved; 15-digit IDs from before 1999 are still seen on old paper and are upgraded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dutydesk.domain.text_input import normalize_compact

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


class IdNumberError(ValueError):
    """Raised with a Chinese message suitable to show beside the field."""


@dataclass(frozen=True)
class IdNumber:
    number: str  # always the 18-digit form, upper-case X
    birth_date: dt.date
    gender: str  # "男" or "女"

    def masked(self) -> str:
        """Keep region prefix and the last four: ``110105********123X`` (V09)."""
        return self.number[:6] + "*" * 8 + self.number[-4:]


def check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def upgrade_15(number15: str) -> str:
    """Convert a 15-digit ID (two-digit year, no check digit) to its 18-digit form."""
    first17 = number15[:6] + "19" + number15[6:]
    return first17 + check_digit(first17)


def _digits(text: str) -> bool:
    """ASCII digits only: ``str.isdigit`` is also true for "¹" and "١", which ``int`` refuses."""
    return text.isascii() and text.isdigit()


def normalize_id_number(raw: str | None) -> str:
    """V09: an ID number as stored: 18 upper-case characters, a 15-digit ID upgraded.

    Typed, scanned or imported text is normalised first (full-width ０-９ and ｘ, superscript
    digits, zero-width characters, spaces and hyphens between groups). It is not validated here
    (``parse_id_number`` does that); what is no ID number comes back only normalised."""
    text = normalize_compact(raw).replace("-", "").upper()
    if len(text) == 15 and _digits(text):
        return upgrade_15(text)
    return text


def parse_id_number(raw: str, today: dt.date | None = None) -> IdNumber:
    """Validate and normalise an ID number; raise IdNumberError with a message for the user."""
    text = normalize_compact(raw).replace("-", "").upper()
    if len(text) == 15:
        if not _digits(text):
            raise IdNumberError("15位身份证号码应全部为数字")
        text = upgrade_15(text)
    elif len(text) != 18:
        raise IdNumberError("身份证号码应为18位（或旧式15位）")
    if not _digits(text[:17]) or not (_digits(text[17]) or text[17] == "X"):
        raise IdNumberError("身份证号码前17位应为数字，末位为数字或X")
    try:
        birth = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise IdNumberError("身份证号码中的出生日期不存在") from None
    today = today or dt.date.today()
    if birth > today or birth.year < 1890:
        raise IdNumberError("身份证号码中的出生日期不合理")
    if check_digit(text[:17]) != text[17]:
        raise IdNumberError("身份证号码校验位不正确，请核对")
    gender = "男" if int(text[16]) % 2 == 1 else "女"
    return IdNumber(text, birth, gender)
