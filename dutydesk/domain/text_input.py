"""Text input (录入文本): one normalisation for everything typed, scanned, pasted or imported (V09).

A full-width "１３８…" typed with the Chinese input method left in 全角 mode, a zero-width space
pasted from a chat message or a superscript "¹" from a scanned form used to be stored as typed:
the record then escaped duplicate checks and searches, and a correct ID was refused as having a
wrong check digit. Every entry point (forms, the command line, importers, search boxes, the
store functions behind them) passes text through ``normalize_text`` so validators and queries
only ever see one spelling.

``normalize_text`` is Unicode NFKC (full-width letters, digits and spaces become ASCII, CJK
compatibility and radical look-alikes become the ordinary character, super/subscript digits
become digits) with exceptions kept as typed because Chinese writing uses them: the full-width
punctuation of sentences (，：；！？（）～) and a few typographic signs (…… ① ㎡ ℃). Zero-width and other
invisible format characters and control characters are dropped; line breaks survive only in
multi-line free text. ``domain.phone.normalize_phone`` and ``domain.idcard.normalize_id_number``
build the canonical form of those two identifiers on top of it.
"""

from __future__ import annotations

import re
import unicodedata

# Characters NFKC would rewrite that Chinese text needs as they are: the full-width punctuation
# of Chinese sentences (，：；！？（）～), the ellipsis 「……」 and ℃. Other full-width signs
# (－ ＋ ＠ ／ ％ …) are what 全角 mode leaves in numbers and codes, and are folded.
_KEEP_CHARS = frozenset("，：；！？（）～\u2025\u2026\u2103")
# Compatibility tags kept as typed: enclosed numbers (①) and squared units (㎡) mean something
# a plain "1" or "m2" does not.
_KEEP_TAGS = ("<circle>", "<square>")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")


def _fold(ch: str) -> str:
    """NFKC of one character, unless Chinese writing needs it as typed."""
    if ch in _KEEP_CHARS:
        return ch
    decomposition = unicodedata.decomposition(ch)
    if not decomposition.startswith("<"):
        return ch  # no compatibility mapping (canonical ones are composed by the final NFC)
    if decomposition.startswith(_KEEP_TAGS):
        return ch
    return unicodedata.normalize("NFKC", ch)


def _visible(ch: str) -> bool:
    """False for control characters and invisible format characters (zero-width space, BOM...)."""
    return unicodedata.category(ch) not in ("Cc", "Cf")


def _clean_line(line: str) -> str:
    text = line.replace("\t", " ")
    if not text.isascii():
        text = "".join(_fold(ch) for ch in text if _visible(ch))
        text = unicodedata.normalize("NFC", text)
    elif not text.isprintable():
        text = "".join(ch for ch in text if _visible(ch))
    return text


def fold_text(text: str) -> str:
    """What ``normalize_text`` does to each character, without trimming or touching line breaks:
    for text still being typed (a trailing space may be the start of the next word)."""
    if text.isascii() and text.isprintable():
        return text
    folded = "".join(_fold(ch) for ch in text if _visible(ch) or ch in "\n\t")
    return unicodedata.normalize("NFC", folded)


def normalize_text(text: str | None, multiline: bool = False) -> str:
    """V09: the one form in which typed, scanned or imported text is checked, stored and searched.

    NFKC without touching Chinese punctuation; zero-width, format and control characters dropped;
    tabs become spaces; trimmed. ``multiline`` free text keeps its line breaks (as ``\\n``, each
    line's trailing spaces removed); in single-line text a line break becomes a space.
    """
    if not text:
        return ""
    if text.isascii() and text.isprintable():
        return text.strip()  # the common case, kept cheap for as-you-type search
    lines = [_clean_line(line) for line in _LINE_BREAKS.split(text)]
    if multiline:
        return "\n".join(line.rstrip() for line in lines).strip()
    return " ".join(line.strip() for line in lines if line.strip())


def normalize_compact(text: str | None) -> str:
    """Text for an identifier: normalised, every character folded (full-width ＋－（） too),
    spaces removed. Used for phone and ID numbers, slip numbers and the like."""
    folded = unicodedata.normalize("NFKC", normalize_text(text))
    return "".join(folded.split())
