"""Phone numbers as a village desk sees them: mobiles, and landlines with an area code."""

from __future__ import annotations

import re

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
_SERVICE = re.compile(r"^(12345|110|120|119|122|12315|12348|12333|12388)$")


class PhoneError(ValueError):
    """Raised with a Chinese message suitable to show beside the field."""


def normalise(raw: str) -> str:
    return raw.strip().replace(" ", "").replace("－", "-")


def parse_mobile(raw: str) -> str:
    """A mobile number: 11 digits starting 13-19."""
    text = normalise(raw)
    if not _MOBILE.match(text):
        raise PhoneError("手机号码应为以1开头的11位数字")
    return text


def parse_phone(raw: str) -> str:
    """A mobile, a landline with area code (0571-88886666) or a public service number."""
    text = normalise(raw)
    if _MOBILE.match(text) or _LANDLINE.match(text) or _SERVICE.match(text):
        return text
    raise PhoneError("电话号码格式不正确：手机为11位数字，座机请加区号，如 0571-88886666")


def mask_phone(number: str) -> str:
    """``138****5678`` for mobiles; landlines keep area code and last four (V09)."""
    if _MOBILE.match(number):
        return number[:3] + "****" + number[-4:]
    if len(number) > 4:
        return number[:-4].rstrip("0123456789") + "****" + number[-4:]
    return number
