"""The duty settings in force on a day, read once into one object (D01, D02, D14)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dutydesk.domain import duty_settings as ds
from dutydesk.domain.attendance import PenaltyRules
from dutydesk.domain.duty_settings import SessionDef
from dutydesk.store.center import load_center
from dutydesk.store.settings import get_setting


@dataclass(frozen=True)
class DutyConfig:
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


def duty_config(on: dt.date) -> DutyConfig:
    """Every duty setting in force on ``on`` (values are dated; past months keep theirs)."""
    profile = load_center()
    kind = profile.kind if profile else "village"
    min_hours = get_setting(ds.MIN_HOURS, on)
    return DutyConfig(
        sessions=ds.sessions_from_json(get_setting(ds.SESSIONS, on)),
        per_session=int(get_setting(ds.PEOPLE_PER_SESSION, on)),
        days_covered=dict(get_setting(ds.DAYS_COVERED, on)),
        min_hours=float(min_hours.get(kind, min_hours.get("village", 6))),
        early_arrival_minutes=int(get_setting(ds.EARLY_ARRIVAL_MINUTES, on)),
        penalties=PenaltyRules(
            amounts=dict(get_setting(ds.PENALTIES, on)),
            joint_liability=int(get_setting(ds.JOINT_LIABILITY, on)),
            threshold=int(get_setting(ds.FINDING_THRESHOLD, on)),
            county_multiplier=int(get_setting(ds.COUNTY_MULTIPLIER, on)),
        ),
    )
