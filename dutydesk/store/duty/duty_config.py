"""The duty settings in force on a day, read once into one object (D01, D02, D14)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, NamedTuple

from dutydesk.domain import duty_settings as ds
from dutydesk.domain.attendance import PenaltyRules
from dutydesk.domain.duty_settings import SessionDef
from dutydesk.domain.settings import Setting
from dutydesk.store.center import load_center
from dutydesk.store.settings import SettingValue


# A NamedTuple (issue 17): immutable and compared by value as the frozen dataclass it was, with one
# compiled method instead of six before the first paint; never iterated, indexed or kept as Qt item
# data (which would turn it into a list).
class DutyConfig(NamedTuple):
    """The duty rules in force on a day: sessions, people per session, hours, penalties."""
    sessions: list[SessionDef]
    per_session: int
    days_covered: dict
    min_hours: float
    early_arrival_minutes: int
    penalties: PenaltyRules

    def sessions_on(self, day: dt.date) -> list[SessionDef]:
        return ds.sessions_on(day, self.sessions)

    def session(self, key: str) -> SessionDef | None:
        return next((s for s in self.sessions if s.key == key), None)

    def covered(self, day: dt.date, is_workday: bool) -> bool:
        return ds.is_covered_day(day, self.days_covered, is_workday)


class DutyConfigs:
    """Duty settings for many days from one read of the settings table.

    A 90-day roster or a month's tally asks "which sessions that day?" for every day; reading the
    dated values once and picking per day keeps that to one query instead of hundreds.
    """

    def __init__(self) -> None:
        from dutydesk.domain.settings import REGISTRY

        self._keys = [k for k in REGISTRY if k.startswith("duty.")]
        self._values: dict[str, list[tuple[dt.date, Any]]] = {k: [] for k in self._keys}
        query = (SettingValue.select().where(SettingValue.key.in_(self._keys))
                 .order_by(SettingValue.effective_from, SettingValue.id))
        for row in query:
            self._values[row.key].append((row.effective_from, json.loads(row.value)))
        profile = load_center()
        self._kind = profile.kind if profile else "village"
        self._cache: dict[tuple[int, ...], DutyConfig] = {}

    def _value(self, setting: Setting, on: dt.date) -> tuple[int, Any]:
        chosen = (-1, setting.default)
        for index, (since, value) in enumerate(self._values.get(setting.key, [])):
            if since <= on:
                chosen = (index, value)
        return chosen

    def value(self, setting: Setting, on: dt.date) -> Any:
        """Any ``duty.*`` setting's value on a day, from the same single read."""
        return self._value(setting, on)[1]

    def on(self, day: dt.date) -> DutyConfig:
        picks = {s.key: self._value(s, day) for s in _SETTINGS}
        version = tuple(picks[s.key][0] for s in _SETTINGS)
        if version not in self._cache:
            self._cache[version] = _build({k: v for k, (_i, v) in picks.items()}, self._kind)
        return self._cache[version]


_SETTINGS: list[Setting] = [ds.SESSIONS, ds.PEOPLE_PER_SESSION, ds.DAYS_COVERED, ds.MIN_HOURS,
                            ds.EARLY_ARRIVAL_MINUTES, ds.PENALTIES, ds.JOINT_LIABILITY, ds.FINDING_THRESHOLD,
                            ds.COUNTY_MULTIPLIER]


def _build(values: dict[str, Any], kind: str) -> DutyConfig:
    min_hours = values[ds.MIN_HOURS.key]
    return DutyConfig(
        sessions=ds.sessions_from_json(values[ds.SESSIONS.key]),
        per_session=int(values[ds.PEOPLE_PER_SESSION.key]),
        days_covered=dict(values[ds.DAYS_COVERED.key]),
        min_hours=float(min_hours.get(kind, min_hours.get("village", 6))),
        early_arrival_minutes=int(values[ds.EARLY_ARRIVAL_MINUTES.key]),
        penalties=PenaltyRules(
            amounts=dict(values[ds.PENALTIES.key]),
            joint_liability=int(values[ds.JOINT_LIABILITY.key]),
            threshold=int(values[ds.FINDING_THRESHOLD.key]),
            county_multiplier=int(values[ds.COUNTY_MULTIPLIER.key]),
        ),
    )


def duty_config(on: dt.date) -> DutyConfig:
    """Every duty setting in force on ``on`` (values are dated; past months keep theirs)."""
    return DutyConfigs().on(on)
