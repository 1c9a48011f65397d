"""Declared settings: every number from the regulations is a setting with its default.

DOMAIN.md: "Centers differ, so every number is a setting with this default, never a constant
buried in code". Each feature module declares its own settings here with ``declare``; the
store keeps dated values (a change applies from a date and never rewrites the past).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

REGISTRY: dict[str, Setting] = {}


@dataclass(frozen=True, eq=False, repr=False)  # one per key (``declare``): identity is equality (issue 17)
class Setting:
    """A setting's declaration: its key, the seed's default, its Chinese label and rule."""
    key: str
    default: Any
    label: str
    rule: str = ""  # DOMAIN.md rule ID this setting comes from, e.g. "D14"


def declare(key: str, default: Any, label: str, rule: str = "") -> Setting:
    """Declare a setting once, at import time of the module that owns it."""
    if key in REGISTRY and REGISTRY[key].default != default:
        raise ValueError(f"setting {key!r} declared twice with different defaults")
    setting = Setting(key, default, label, rule)
    REGISTRY[key] = setting
    return setting
