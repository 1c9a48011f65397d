"""Scanning a household's QR code from the 入户走访记录表 opens a new household visit for it (G03).

The scanner types the household code (H0001) and Enter, as it does for 代办单 numbers; the same
watcher (``ui.notices.slip_scanner.SlipScanner``) listens for a household code instead. An unknown
code is left alone, so Enter still does what it did in the widget that had focus."""

from __future__ import annotations

import re

# A code on its own: one to three letters (the prefix setting) and at least four digits, not the
# tail of a longer word or of a slip number (DB2026-000123).
HOUSEHOLD_TAIL = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,3}\d{4,})$")
