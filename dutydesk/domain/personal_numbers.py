"""Personal numbers inside free text: mobile and landline phones, resident ID numbers (V09, A05).

Staff type numbers into requests, results, handover notes and whereabouts however people say
them: ``139 1234 5678``, ``139-1234-5678``, ``+86 139…``, ``0086…``, full-width ``１３９…``, an ID
read out in groups (``110105 19900307 123X``). Masking must catch every one of these, so this is
the one recogniser every masked screen, ledger and printed paper goes through.

It works on the original text: each character is normalised (NFKC) only to decide whether it is
a digit, a separator or an ID check letter, and masking replaces just the hidden digits with
``*``, so the surrounding text, separators and full-width forms stay as they were typed.

Visit numbers (2026-002682), slip numbers (DB2026-000123), dates, times and money amounts are
not personal numbers: a candidate must have the length and shape of a phone or an ID (an ID's
birth date must be a real date), so they pass through untouched.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

NumberKind = Literal["phone", "id_number"]

# Between two groups of digits: spaces and dashes as people type them, dots, brackets around an
# area code. At most MAX_GAP such characters; a line break always ends a number.
SEPARATORS = frozenset(" \t-‐‑‒–—.()/_*")
MAX_GAP = 3
# The shortest number (a landline with area code) has ten digits at most MAX_GAP apart: a text
# without such a stretch is skipped at C speed (exports pass millions of cells through here).
_CANDIDATE = re.compile(rf"\d(?:\D{{0,{MAX_GAP}}}\d){{9}}")


@dataclass(frozen=True)
class NumberSpan:
    """A personal number found in a text: ``text[start:end]`` and the offsets of the characters
    masking hides (the middle digits; the area code, region and last four stay)."""

    start: int
    end: int
    kind: NumberKind
    hidden: tuple[int, ...]


def _norm(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def _is_digit(ch: str) -> bool:
    n = _norm(ch)
    return len(n) == 1 and "0" <= n <= "9"


def _is_check_letter(ch: str) -> bool:
    return _norm(ch) in ("X", "x")


def _is_separator(ch: str) -> bool:
    n = _norm(ch)
    # An invisible format character (zero-width space, soft hyphen, BOM) pasted between the groups
    # of a number hides nothing from a reader, so it must not hide the number from masking.
    return len(n) == 1 and (n in SEPARATORS or unicodedata.category(n) == "Cf")


@dataclass
class _Group:
    """A maximal run of digits (an ID's trailing X included) and where each character sits."""

    digits: str
    positions: list[int]


def _runs(text: str) -> Iterator[list[_Group]]:
    """Digit groups joined by short separator gaps: each run may hold one or several numbers."""
    i, n = 0, len(text)
    while i < n:
        if not _is_digit(text[i]):
            i += 1
            continue
        run: list[_Group] = []
        while True:
            group = _Group("", [])
            while i < n and _is_digit(text[i]):
                group.digits += _norm(text[i])
                group.positions.append(i)
                i += 1
            if i < n and _is_check_letter(text[i]):
                group.digits += "X"
                group.positions.append(i)
                i += 1
            run.append(group)
            j = i
            while j < n and j - i < MAX_GAP and _is_separator(text[j]):
                j += 1
            if j > i and j < n and _is_digit(text[j]) and not group.digits.endswith("X"):
                i = j
                continue
            break
        yield run


def _valid_birth(digits: str) -> bool:
    try:
        day = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return 1880 <= day.year <= 2100


def _id_hidden(digits: str) -> range | None:
    """Offsets to hide in an ID: everything between the region code and the last four."""
    if not digits[:1].isdigit() or digits[0] == "0":
        return None
    if len(digits) == 18 and digits[:17].isdigit() and _valid_birth(digits[6:14]):
        return range(6, 14)
    if len(digits) == 15 and digits.isdigit() and _valid_birth("19" + digits[6:12]):
        return range(6, 11)
    return None


def _is_mobile(digits: str) -> bool:
    return len(digits) == 11 and digits.isdigit() and digits[0] == "1" and digits[1] in "3456789"


def _landline_hidden(digits: str) -> range | None:
    """A landline with its area code (``0571-88886666``): hide between area code and last four.

    Area codes are 010 and 02x (three digits with the 0), otherwise four; local numbers 7-8 digits.
    """
    if not digits.isdigit() or len(digits) < 10 or digits[0] != "0" or digits[1] == "0":
        return None
    area = 3 if digits[1] == "2" or digits[1:3] == "10" else 4
    if 7 <= len(digits) - area <= 8:
        return range(area, len(digits) - 4)
    return None


def _classify(digits: str, plus: bool) -> tuple[NumberKind, range] | None:
    hidden = _id_hidden(digits)
    if hidden is not None:
        return "id_number", hidden
    if _is_mobile(digits):
        return "phone", range(3, 7)
    hidden = _landline_hidden(digits)
    if hidden is not None:
        return "phone", hidden
    # International prefix: +86 / 0086 / 86 directly before a mobile.
    for prefix in ("0086", "86"):
        if not digits.startswith(prefix) or (prefix == "86" and not plus and len(digits) != 13):
            continue
        rest = digits[len(prefix):]
        if _is_mobile(rest):
            return "phone", range(len(prefix) + 3, len(prefix) + 7)
        if prefix == "0086" or plus:
            hidden = _landline_hidden("0" + rest)
            if hidden is not None:  # offsets in "0" + rest, shifted to the prefixed digits
                return "phone", range(hidden.start - 1 + len(prefix), hidden.stop - 1 + len(prefix))
    return None


def _plus_before(text: str, position: int) -> bool:
    j = position - 1
    while j >= 0 and text[j] in " \u3000":
        j -= 1
    return j >= 0 and _norm(text[j]) == "+"


def find_personal_numbers(text: str) -> list[NumberSpan]:
    """Every phone and ID number in ``text``, left to right (V09).

    A run of digit groups is split at its separators into the longest numbers it holds, so two
    phones written one after the other are both found, and a visit number next to a phone does
    not hide the phone.
    """
    found: list[NumberSpan] = []
    if not text or not _CANDIDATE.search(text):
        return found
    for run in _runs(text):
        i = 0
        while i < len(run):
            match = None
            plus = _plus_before(text, run[i].positions[0])
            for j in range(len(run) - 1, i - 1, -1):
                digits = "".join(g.digits for g in run[i:j + 1])
                if len(digits) > 22:
                    continue
                kind = _classify(digits, plus)
                trailing_letter = kind is None and digits.endswith("X")
                if trailing_letter:  # an x after a phone is just a letter, not a check digit
                    kind = _classify(digits[:-1], plus)
                if kind is not None:
                    match = (j, kind, trailing_letter)
                    break
            if match is None:
                i += 1
                continue
            j, (kind, hidden), trailing_letter = match
            positions = [p for g in run[i:j + 1] for p in g.positions]
            if trailing_letter:
                positions.pop()
            found.append(NumberSpan(positions[0], positions[-1] + 1, kind, tuple(positions[k] for k in hidden)))
            i = j + 1
    return found


def mask_personal_numbers(text: str, mask: str = "*") -> str:
    """``text`` with the middle digits of every phone and ID number replaced by ``*`` (V09)."""
    spans = find_personal_numbers(text)
    if not spans:  # the text itself, unchanged (open matters skip re-building their lines, issue 17)
        return text
    chars = list(text)
    for span in spans:
        for position in span.hidden:
            chars[position] = mask
    return "".join(chars)


NAME_HOLDS_NUMBER = "姓名栏中不要填写电话或身份证号，请填在联系电话或身份证号栏"


def name_number_error(name: str) -> str | None:
    """V09: a phone or ID typed into a name field (``张三 13912345678``) would be shown, printed
    and filed in full wherever the name goes (lists, slips, ledgers, search titles), which mask
    free text but not names: such a name is refused with this message, None when it is fine."""
    return NAME_HOLDS_NUMBER if find_personal_numbers(name) else None


def digits_of(text: str) -> str:
    """Only the digits (full-width ones normalised): to compare numbers however they are written."""
    return "".join(_norm(ch) for ch in text if _is_digit(ch))


def restore_numbers(original: str, edited: str) -> str:
    """``edited`` with each masked number of ``original`` put back in full.

    An operator corrects a text whose numbers they were shown masked; the numbers they left
    alone must be saved as they were, not as stars (V09 without losing the record).
    """
    out = edited
    for span in find_personal_numbers(original):
        full = original[span.start:span.end]
        hidden = {p - span.start for p in span.hidden}
        masked = "".join("*" if i in hidden else ch for i, ch in enumerate(full))
        if masked in out:
            out = out.replace(masked, full, 1)
    return out
