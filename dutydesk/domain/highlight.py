"""Search-result highlights: the words found, marked in an HTML-escaped snippet of the text."""

from __future__ import annotations

import html
import re

MARK_OPEN = '<span style="background:#FFE08A;font-weight:bold">'
MARK_CLOSE = "</span>"


def snippet(text: str, words: list[str], width: int = 60) -> str:
    """A window of ``text`` around the first word found (the whole text if it is short)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    lower = text.casefold()
    positions = [p for w in words if (p := lower.find(w.casefold())) >= 0]
    if not positions:
        return text[:width] + "…"
    start = max(0, min(positions) - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def highlight(text: str, words: list[str]) -> str:
    """``text`` as HTML with every occurrence of any of ``words`` marked (case-insensitive)."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        out.append(MARK_OPEN + html.escape(match.group(0)) + MARK_CLOSE)
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)
