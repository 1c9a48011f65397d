"""Every setting's label is read by staff in the settings dialogs: plain Chinese, no English code value
and no rule number (the rule ID stays in the declaration's own field)."""

from __future__ import annotations

import re

from dutydesk.domain.settings import REGISTRY
from dutydesk.store import features  # noqa: F401  (imports every feature, so every setting is declared)

ENGLISH_WORD = re.compile(r"[A-Za-z_]{3,}")
RULE_ID = re.compile(r"\b[DVNPAG]\d{2}\b")


def test_setting_labels_are_plain_chinese():
    assert len(REGISTRY) > 50
    bad = {key: s.label for key, s in REGISTRY.items() if ENGLISH_WORD.search(s.label) or RULE_ID.search(s.label)}
    assert bad == {}
