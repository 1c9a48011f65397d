"""Phone numbers as a village desk sees them: mobiles, and landlines with an area code."""

from __future__ import annotations

import re

from dutydesk.domain.text_input import normalize_compact, normalize_text

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
_SERVICE = re.compile(r"^(12345|110|120|119|122|12315|12348|12333|12388)$")


class PhoneError(ValueError):
    """Raised with a Chinese message suitable to show beside the field."""


# Separators people put in numbers: 138-0013-8000, (0571)88886666, 0571.8888.6666.
_SEPARATORS = re.compile(r"[-()./·]")
_COUNTRY = re.compile(r"^(?:\+86|0086)")
_LANDLINE_DIGITS = re.compile(r"^0\d{9,11}$")
_TYPED_NUMBER = re.compile(r"^\+?[0-9]+[xX]?$")  # a number being typed: digits, maybe +86 or an ID's X


def _area_code_length(digits: str) -> int:
    """010 and 020-029 are three-digit area codes, every other one has four (03xx-09xx)."""
    return 3 if digits[1] in "12" else 4


def canonical_phone(raw: str) -> str:
    """V09: the one stored form of a phone number, whatever was typed, scanned or imported.

    Full-width digits, spaces and separators are folded away; a mobile is its 11 digits with any
    +86 / 0086 prefix removed; a landline is its area code, a hyphen and the local number
    (0571-88886666, the form the desk has always shown); a public service number is its digits.
    Text that is no phone number comes back normalised only, spaces kept (the validators then
    refuse it; a free-text contact such as "镇民政办 0571-…" stays readable).
    """
    text = normalize_compact(raw)
    digits = _SEPARATORS.sub("", text)
    international = _COUNTRY.match(digits)
    if international:
        digits = digits[international.end():]
        if not _MOBILE.match(digits) and _LANDLINE_DIGITS.match("0" + digits):
            digits = "0" + digits  # +86 571 88886666: the area code without its trunk 0
    elif len(digits) == 13 and digits.startswith("86") and _MOBILE.match(digits[2:]):
        digits = digits[2:]  # 8613800138000 from a contacts export
    if _MOBILE.match(digits) or _SERVICE.match(digits):
        return digits
    if _LANDLINE_DIGITS.match(digits):
        area = _area_code_length(digits)
        if 7 <= len(digits) - area <= 8:
            return digits[:area] + "-" + digits[area:]
    return normalize_text(raw)


def phone_prefix(typed: str) -> str:
    """What a partly typed number looks like in canonical form, for prefix searches (V09):
    "+86138" is "138", "05718888" is "0571-8888"; anything else comes back as it is."""
    text = typed
    bare = _SEPARATORS.sub("", text)
    if _TYPED_NUMBER.match(bare):
        text = bare  # 0086-138…, (0571)8888…, 110105-1949…X: separators say nothing about who it is
    international = _COUNTRY.match(text)
    if international and text[international.end():].isdigit():
        text = text[international.end():]
    elif len(text) == 13 and text.startswith("86") and _MOBILE.match(text[2:]):
        text = text[2:]  # 8613800138000, as canonical_phone reads it
    if text.isascii() and text.isdigit() and text.startswith("0") and len(text) > 4:
        area = _area_code_length(text)
        return text[:area] + "-" + text[area:]
    return text


def normalize_phone(raw: str | None) -> str:
    """V09: the canonical form of a phone number (see ``canonical_phone``); "" for nothing."""
    return canonical_phone(raw or "")


def normalise(raw: str) -> str:
    return canonical_phone(raw)


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
