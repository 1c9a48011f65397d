"""Entries other features contribute to a day's duty log (D10): visits, proxy cases, ...

The duty feature builds the 值班记录簿 from its own sign-ins, handovers and inspections plus
whatever the providers registered here return for that day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from dutydesk.store.feature_loading import load_features


@dataclass(frozen=True)
class DutyLogEntry:
    at: dt.datetime
    kind: str  # Chinese label shown in the log: "来访", "代办", "纠纷", "突发事件" ...
    text: str
    result: str = ""


# provider(day) -> that day's entries of one kind
PROVIDERS: list[Callable[[dt.date], list[DutyLogEntry]]] = []


def entries_for(day: dt.date) -> list[DutyLogEntry]:
    load_features()  # every provider registered
    return sorted((e for p in PROVIDERS for e in p(day)), key=lambda e: e.at)
